// The real API as a separate process (the production start: node --import tsx src/main.ts), signed
// in over HTTP, and the HTTP operation of each scenario.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PENDING_SIGN_IN_COOKIE, SESSION_COOKIE, totpCodeAt } from '@anc/auth';
import { totpStep } from '@anc/domain';
import { Pool } from 'undici';
import { freePort } from '../src/testing/process.ts';
import { API_DIR, type BenchConfig } from './config.ts';
import { SHARED_WITH_ME_ID } from '../src/taxii/collection.ts';
import { TAXII_MEDIA_TYPE } from '../src/taxii/taxii.routes.ts';
import { BENCH_MFA_KEY_HEX, TAXII_PAGE_LIMIT, createInput, type Fixtures, type Scenario } from './fixtures.ts';
import type { Operation } from './load.ts';

/** Far above any load this bench generates: the per-address limit would otherwise answer 429. */
const BENCH_RATE_LIMIT_PER_MINUTE = '100000000';

export interface ApiProcess {
  origin: string;
  pid: number | undefined;
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
const killAll = () => {
  for (const child of live) if (child.pid && child.exitCode === null) process.kill(-child.pid, 'SIGKILL');
};
// Never leave an API process behind, whatever ends the bench: the API runs in its own process
// group, so a Ctrl-C in the terminal does not reach it.
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(130);
  });
}

export async function startApi(cfg: BenchConfig, dbEnv: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const logDir = mkdtempSync(join(tmpdir(), 'anc-bench-'));
  const logPath = join(logDir, 'api.log');
  const logFd = openSync(logPath, 'w');
  // Own process group (detached), so stopping reaches tsx's child too.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    detached: true,
    stdio: ['ignore', logFd, logFd],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: origin,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: cfg.logLevel,
      DEMO_SEED: '0',
      RATE_LIMIT_PER_MINUTE: BENCH_RATE_LIMIT_PER_MINUTE,
      // Production's defaults otherwise: coordinators and admins need a second factor (fixtures.ts).
      MFA_ENCRYPTION_KEY: BENCH_MFA_KEY_HEX,
      ...dbEnv,
    },
  });
  closeSync(logFd);
  live.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logTail = (lines = 30) => {
    try {
      return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  };

  const until = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API exited during start (code ${child.exitCode}):\n${logTail()}`);
    const ready = await fetch(`${origin}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > until) {
      killAll();
      throw new Error(`the API was not ready within 120 s:\n${logTail()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  return {
    origin,
    pid: child.pid,
    logTail,
    async stop() {
      if (child.pid && child.exitCode === null) {
        process.kill(-child.pid, 'SIGTERM');
        const timer = setTimeout(() => child.pid && child.exitCode === null && process.kill(-child.pid, 'SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      live.delete(child);
      rmSync(logDir, { recursive: true, force: true });
    },
  };
}

/** `name=value` of a cookie the answer sets. */
const cookieOf = (res: Response, name: string) =>
  res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${name}=`))
    ?.split(';')[0];

/**
 * Signs in like the portal (mutations must carry the server's own Origin) and returns the cookie;
 * with `totpKey`, the second step too (the pending cookie and the authenticator's current code).
 */
export async function signIn(origin: string, email: string, password: string, totpKey?: Uint8Array): Promise<string> {
  const post = (path: string, body: unknown, cookie?: string) =>
    fetch(`${origin}/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  let res = await post('auth.signIn', { email, password });
  if (!res.ok) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const answer = (await res.json()) as { result: { data: { mfaRequired?: boolean } } };
  if (answer.result.data.mfaRequired) {
    const pending = cookieOf(res, PENDING_SIGN_IN_COOKIE);
    if (!totpKey) throw new Error(`${email} needs a second factor and the bench holds none for it`);
    res = await post('auth.verifyMfa', { code: totpCodeAt(totpKey, totpStep(new Date())) }, pending ?? '');
    if (!res.ok) throw new Error(`second factor of ${email} failed: ${res.status} ${await res.text()}`);
  }
  const cookie = cookieOf(res, SESSION_COOKIE);
  if (!cookie) throw new Error(`sign-in of ${email} set no ${SESSION_COOKIE} cookie`);
  return cookie;
}

export class HttpFailure extends Error {}

export interface ApiClient {
  operation(scenario: Scenario): Operation;
  /** One request with its answer checked, before a scenario's load. */
  probe(scenario: Scenario): Promise<string>;
  close(): Promise<void>;
}

const queryPath = (procedure: string, input: unknown) => `/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;

export function apiClient(origins: readonly string[], cookies: { coordinator: string; staff: string }, fixtures: Fixtures, concurrency: number): ApiClient {
  const origin = origins[0] ?? '';
  // One keep-alive connection per worker, like the portal's browser tabs behind a proxy; with
  // several API processes the connections are spread over them (a proxy's round robin).
  const pools = origins.map((o, i) => new Pool(o, { connections: Math.max(1, Math.ceil((concurrency - i) / origins.length)), pipelining: 1 }));
  let turn = 0;

  const send = async (method: 'GET' | 'POST', path: string, headers: Record<string, string>, body?: string): Promise<string | null> => {
    const pool = pools[turn++ % pools.length] ?? pools[0];
    if (!pool) throw new Error('no API origin');
    const res = await pool.request({ method, path, headers, body });
    if (res.statusCode >= 200 && res.statusCode < 300) {
      await res.body.arrayBuffer();
      return null;
    }
    throw new HttpFailure(`${method} ${path.split('?')[0]} → ${res.statusCode}: ${(await res.body.text()).slice(0, 400)}`);
  };

  // A fresh Idempotency-Key per request (the warm-up and the load count n from 0 each, and a
  // second run on the same database must file anew).
  const run = Date.now().toString(36);
  let sent = 0;
  const request = (scenario: Scenario, n: number): { method: 'GET' | 'POST'; path: string; headers: Record<string, string>; body?: string } => {
    const cookie = scenario.as === 'staff' ? cookies.staff : cookies.coordinator;
    switch (scenario.procedure) {
      case 'incidents.list':
        return { method: 'GET' as const, path: queryPath('incidents.list', scenario.listInput), headers: { cookie } };
      case 'incidents.get':
        return { method: 'GET' as const, path: queryPath('incidents.get', { id: fixtures.getIds[n % fixtures.getIds.length] }), headers: { cookie } };
      case 'incidents.create':
        return {
          method: 'POST' as const,
          path: '/trpc/incidents.create',
          headers: { cookie, origin, 'content-type': 'application/json' },
          body: JSON.stringify(createInput(n)),
        };
      case 'rest.create':
        return {
          method: 'POST' as const,
          path: '/api/v1/incidents',
          headers: { authorization: `Bearer ${fixtures.apiToken ?? ''}`, 'idempotency-key': `bench-${run}-${n}-${sent++}`, 'content-type': 'application/json' },
          body: JSON.stringify(createInput(n)),
        };
      case 'taxii.objects':
        return {
          method: 'GET',
          path: `/taxii2/api/collections/${SHARED_WITH_ME_ID}/objects/?match[type]=indicator&limit=${TAXII_PAGE_LIMIT}`,
          headers:
            scenario.key === 'taxii.objects.cookie'
              ? { cookie, accept: TAXII_MEDIA_TYPE }
              : { authorization: fixtures.taxiiAuthorization ?? '', accept: TAXII_MEDIA_TYPE },
        };
    }
  };

  return {
    operation(scenario) {
      return async (n) => {
        const r = request(scenario, n);
        await send(r.method, r.path, r.headers, r.body);
      };
    },
    async probe(scenario) {
      const r = request(scenario, 0);
      // The probe's own key, so that the load's first request (n = 0) files too.
      const headers = scenario.procedure === 'rest.create' ? { ...r.headers, 'idempotency-key': `bench-${run}-probe` } : r.headers;
      const res = await fetch(`${origin}${r.path}`, { method: r.method, headers, body: r.body });
      const text = await res.text();
      if (!res.ok) throw new HttpFailure(`${scenario.key}: ${res.status} ${text.slice(0, 400)}`);
      if (scenario.procedure === 'taxii.objects') {
        const envelope = JSON.parse(text) as { objects?: { type: string }[] };
        const count = envelope.objects?.length ?? 0;
        // A full page unless the seed gave the agency fewer (a small BENCH_INCIDENTS).
        if (count === 0 || count > TAXII_PAGE_LIMIT || envelope.objects?.some((o) => o.type !== 'indicator'))
          throw new Error(`${scenario.key}: expected up to ${TAXII_PAGE_LIMIT} indicators, got ${text.slice(0, 200)}`);
        return `${count} indicators`;
      }
      type Answer = { items?: unknown[]; reference?: string; id?: string };
      const data = scenario.procedure === 'rest.create' ? (JSON.parse(text) as Answer) : (JSON.parse(text) as { result: { data: Answer } }).result.data;
      if (scenario.procedure === 'incidents.list') {
        if (!data.items?.length) throw new Error(`${scenario.key}: the list came back empty`);
        return `${data.items.length} items`;
      }
      if (scenario.procedure === 'incidents.create' || scenario.procedure === 'rest.create') {
        if (!/^INC-\d{4}-\d{6,}$/.test(data.reference ?? '')) throw new Error(`${scenario.key}: no reference in ${text.slice(0, 200)}`);
        return String(data.reference);
      }
      if (data.id !== fixtures.getIds[0]) throw new Error(`${scenario.key}: another incident came back`);
      return String(data.reference);
    },
    close: async () => {
      await Promise.all(pools.map((p) => p.close()));
    },
  };
}
