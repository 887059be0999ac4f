/**
 * Two more API processes for the browser tests that need them (live-bell.e2e.test.ts): both on one
 * fresh PostgreSQL database `anc_test_<random>` of ANC_TEST_PG_URL, started together with the demo
 * accounts (one seeds, the other finds it done), serving the portal the global setup built. The
 * other browser tests keep the one PGlite process of global-setup.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { createBlankPostgresDatabase } from '@anc/db/testing';
import { artifactsDir, portalRoot, repoRoot } from './paths.ts';

export interface ApiPair {
  urls: [string, string];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with code ${child.exitCode} before it was ready (see ${artifactsDir}/e2e-api-*.log)`);
    if (await fetch(`${url}/readyz`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API not ready after ${timeoutMs} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(kill);
      resolve();
    }
  });
}

export async function startApiPair(serverUrl: string, demoPassword: string): Promise<ApiPair> {
  const database = await createBlankPostgresDatabase(serverUrl);
  const ports = await Promise.all([freePort(), freePort()]);
  const children = ports.map((port, i) => {
    const log = createWriteStream(join(artifactsDir, `e2e-api-${i === 0 ? 'a' : 'b'}.log`));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: join(repoRoot, 'apps', 'api'),
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: database.url,
        DEMO_SEED: '1',
        DEMO_PASSWORD: demoPassword,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '100000',
        PORTAL_DIST: join(portalRoot, 'dist'),
      },
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    return child;
  });
  const urls = ports.map((port) => `http://127.0.0.1:${port}`) as [string, string];
  const stopAll = async () => {
    await Promise.all(children.map(stop));
    await database.drop();
  };
  try {
    await Promise.all(children.map((child, i) => waitReady(urls[i] ?? '', child, 120_000)));
  } catch (error) {
    await stopAll();
    throw error;
  }
  return { urls, stop: stopAll };
}

/** One more API process on an in-memory PGlite with the demo accounts and settings of its own (e.g. MFA_REQUIRED_ROLES). */
export async function startApiWith(env: Record<string, string>, demoPassword: string): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const log = createWriteStream(join(artifactsDir, `e2e-api-own-${port}.log`));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repoRoot, 'apps', 'api'),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PGLITE_DIR: 'memory',
      DEMO_SEED: '1',
      DEMO_PASSWORD: demoPassword,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '100000',
      PORTAL_DIST: join(portalRoot, 'dist'),
      ...env,
    },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitReady(url, child, 120_000);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { url, stop: () => stop(child) };
}
