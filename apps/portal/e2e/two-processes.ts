/**
 * Two more API processes for the browser tests that need them (live-bell.e2e.test.ts): both on one
 * fresh PostgreSQL database `anc_test_<random>` of ANC_TEST_PG_URL, started together with the demo
 * accounts (one seeds, the other finds it done), serving the portal the global setup built. The
 * other browser tests keep the one PGlite process of global-setup.ts.
 */
import { createBlankPostgresDatabase } from '@anc/db/testing';
import { startApiProcess, type ApiProcess } from './api-process.ts';

export interface ApiPair {
  urls: [string, string];
  stop(): Promise<void>;
}

export async function startApiPair(serverUrl: string, demoPassword: string): Promise<ApiPair> {
  const database = await createBlankPostgresDatabase(serverUrl);
  const env = { DATABASE_URL: database.url, DEMO_PASSWORD: demoPassword, RATE_LIMIT_PER_MINUTE: '100000' };
  const started = await Promise.allSettled(['a', 'b'].map((name) => startApiProcess({ log: `e2e-api-${name}`, env })));
  const apis = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
  const stopAll = async () => {
    await Promise.all(apis.map((api) => api.stop()));
    await database.drop();
  };
  const [a, b] = apis;
  if (!a || !b) {
    await stopAll();
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    throw failed?.reason instanceof Error ? failed.reason : new Error('an API process of the pair did not start');
  }
  return { urls: [a.url, b.url], stop: stopAll };
}

/** One more API process on an in-memory PGlite with the demo accounts and settings of its own (e.g. MFA_REQUIRED_ROLES). */
export function startApiWith(env: Record<string, string>, demoPassword: string): Promise<ApiProcess> {
  return startApiProcess({
    log: `e2e-api-own-${Object.keys(env).join('-').toLowerCase() || 'default'}`,
    env: { PGLITE_DIR: 'memory', DEMO_PASSWORD: demoPassword, RATE_LIMIT_PER_MINUTE: '100000', ...env },
  });
}
