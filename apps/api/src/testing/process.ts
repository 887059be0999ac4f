// Test harness for whole API processes: the start command itself (`node --import tsx src/main.ts`,
// no build step), on a free port, with its output kept for the failure message. Used where a test
// needs a real process boundary: kill -9 (crash.test.ts), several processes on one database
// (processes.test.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const apiDir = fileURLToPath(new URL('../..', import.meta.url));

export interface ApiProcess {
  child: ChildProcess;
  url: string;
  logs: string[];
  /** The exit code (null when killed by a signal), once the process and its output have ended. */
  exited: Promise<number | null>;
}

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
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

/**
 * Starts the API with only the given environment (plus PATH), quiet logs and a rate limit the
 * tests do not meet. NODE_ENV defaults to `test`: production refuses DEMO_SEED.
 */
export function spawnApi(env: Record<string, string>, port: number): ApiProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: apiDir,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PER_MINUTE: '1000000',
      OVERDUE_JOB_INTERVAL_MS: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: string[] = [];
  const keep = (d: Buffer) => logs.push(...d.toString().split('\n').filter(Boolean));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, logs, exited };
}

/** Resolves once `/readyz` answers 200; fails with the process's output if it exits first. */
export async function waitReady(p: ApiProcess, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) throw new Error(`the API exited before it was ready:\n${p.logs.join('\n')}`);
    const ok = await fetch(`${p.url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the API was not ready in ${timeoutMs} ms:\n${p.logs.join('\n')}`);
}

/** Stops it: SIGKILL (no shutdown work at all) or SIGTERM (the clean path); resolves when it is gone. */
export async function stopApi(p: ApiProcess, signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<number | null> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  return p.exited;
}
