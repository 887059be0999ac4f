// The production start command itself, as a separate process: on PostgreSQL (ANC_TEST_PG_URL) two
// replicas start together on an empty database; on PGlite one process on a fresh data folder.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER } from '@anc/db';

const apiDir = fileURLToPath(new URL('..', import.meta.url));
const serverUrl = process.env.ANC_TEST_PG_URL;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.toReversed()) await c();
});

interface Proc {
  child: ChildProcess;
  port: number;
  logs: string[];
  exited: Promise<number | null>;
}

function startProcess(env: Record<string, string>, port: number): Proc {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
      MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  child.stdout?.on('data', (d: Buffer) => logs.push(...d.toString().split('\n').filter(Boolean)));
  child.stderr?.on('data', (d: Buffer) => logs.push(...d.toString().split('\n').filter(Boolean)));
  // 'close': after the process exited AND its output streams ended, so every line is in `logs`.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  return { child, port, logs, exited };
}

async function waitReady(p: Proc, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (p.child.exitCode !== null) throw new Error(`exited early:\n${p.logs.join('\n')}`);
    const ok = await fetch(`http://127.0.0.1:${p.port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready in time:\n${p.logs.join('\n')}`);
}

const freePort = () => 40_000 + Math.floor(Math.random() * 20_000);

const journalEntries = () => (JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

describe('production start', () => {
  it('migrates, serves, logs JSON with request ids, seeds no demo data and stops cleanly on SIGTERM', async () => {
    let env: Record<string, string>;
    let replicas = 1;
    let countUsers: () => Promise<number>;
    let countMigrations: () => Promise<number>;
    if (serverUrl) {
      const name = `anc_test_${randomBytes(6).toString('hex')}`;
      const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database ${name}`);
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
      cleanups.push(async () => {
        await db.end();
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      });
      env = { DATABASE_URL: url.toString(), DEMO_SEED: '1' };
      replicas = 2;
      countUsers = async () => Number((await db`select count(*)::int as n from users`)[0]?.n);
      countMigrations = async () => Number((await db`select count(*)::int as n from drizzle.__drizzle_migrations`)[0]?.n);
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'anc-prod-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      env = { PGLITE_DIR: join(dir, 'pglite'), DEMO_SEED: '1' };
      countUsers = async () => 0; // checked over HTTP below: no demo account can sign in
      // The embedded database cannot be opened while the API holds it: serving at all shows it migrated.
      countMigrations = async () => journalEntries();
    }

    const ports = Array.from({ length: replicas }, () => freePort());
    // Each replica is reached at its own address here; a deployment lists its one public address.
    const publicOrigin = ports.map((port) => `http://127.0.0.1:${port}`).join(',');
    const procs = ports.map((port) => startProcess({ ...env, PUBLIC_ORIGIN: publicOrigin }, port));
    await Promise.all(procs.map((p) => waitReady(p)));
    const first = procs[0];
    if (!first) throw new Error('no process');
    const base = `http://127.0.0.1:${first.port}`;

    // migrations applied once, by whichever replica got the lock first
    expect(await countMigrations()).toBe(journalEntries());
    // demo accounts are never seeded in production, even with DEMO_SEED=1
    expect(await countUsers()).toBe(0);
    const signIn = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, 'x-request-id': 'prod-check-0001' },
      body: JSON.stringify({ email: 'admin@anc.gob.mx', password: 'Lince-Brumoso-Acantilado-83' }),
    });
    expect(signIn.status).toBe(401);

    const health = await fetch(`${base}/healthz`);
    expect(health.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    expect(health.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    await new Promise((r) => setTimeout(r, 200));
    const lines = first.logs.flatMap((l) => {
      try {
        return [JSON.parse(l) as { reqId?: string; msg?: string; path?: string; status?: number }];
      } catch {
        return [];
      }
    });
    expect(lines.length).toBeGreaterThan(0);
    // One line per request, with the proxy's id, the path (never the query) and the status.
    expect(lines.filter((l) => l.reqId === 'prod-check-0001' && l.msg === 'request')).toEqual([
      expect.objectContaining({ msg: 'request', path: '/trpc/auth.signIn', status: 401 }),
    ]);
    expect(first.logs.join('\n')).not.toContain('Lince-Brumoso-Acantilado-83');

    for (const p of procs) p.child.kill('SIGTERM');
    expect(await Promise.all(procs.map((p) => p.exited))).toEqual(procs.map(() => 0));
  }, 120_000);

  it.each([
    ['PUBLIC_ORIGIN', {}, 'PUBLIC_ORIGIN: required when NODE_ENV=production'],
    ['MFA_ENCRYPTION_KEY', { PUBLIC_ORIGIN: 'https://portal.example', MFA_ENCRYPTION_KEY: '' }, 'MFA_ENCRYPTION_KEY: required when NODE_ENV=production'],
  ] as const)(
    'refuses to start without %s, saying what to set',
    async (_name, extra, message) => {
      // The environment is checked before the database is opened: this folder is never created.
      const dir = mkdtempSync(join(tmpdir(), 'anc-prod-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      const port = freePort();
      const p = startProcess({ PGLITE_DIR: join(dir, 'pglite'), ...extra }, port);
      const outcome = await Promise.race([
        p.exited.then((code) => `exited with ${code}`),
        waitReady(p).then(
          () => 'serving',
          () => new Promise<string>(() => {}), // exited: the other branch answers
        ),
      ]);
      expect(outcome).toBe('exited with 1');
      expect(p.logs.join('\n')).toContain(message);
      expect(
        await fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.status,
          () => 'refused',
        ),
      ).toBe('refused');
      expect(existsSync(join(dir, 'pglite'))).toBe(false);
    },
    60_000,
  );
});
