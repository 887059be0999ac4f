/**
 * An API process for the browser tests, started the way `npm start` serves the portal
 * (node --import tsx src/main.ts in apps/api, serving the built apps/portal/dist), in its own
 * process group so that stopping it reaches tsx's child too. The global setup starts the one all
 * tests share (global-setup.ts); a test that needs settings or a database of its own starts one
 * more (two-processes.ts, oidc.e2e.test.ts). Its output goes to artifacts/<log>.log.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../../api/src/testing/process.ts';
import { artifactsDir, portalRoot, repoRoot } from './paths.ts';

export { freePort };

async function waitReady(url: string, child: ChildProcess, timeoutMs: number, logPath: string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with code ${child.exitCode} before it was ready (see ${logPath})`);
    if (
      await fetch(`${url}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API not ready after ${timeoutMs} ms (see ${logPath})`);
}

/** SIGTERM to the whole group, SIGKILL after 10 s; resolves when the process has exited. */
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

export interface ApiProcess {
  url: string;
  stop(): Promise<void>;
}

export interface ApiProcessOptions {
  /** Settings over the tests' defaults (NODE_ENV=test, demo seed, quiet logs): the database, the demo password, OIDC… */
  env: Record<string, string>;
  /** The log file's name in artifacts/, without `.log`. */
  log: string;
  /** When the caller needs the address before the process starts (an OpenID provider's redirect URI). */
  port?: number;
  timeoutMs?: number;
}

/** Starts the process and resolves once `/readyz` answers; a process that does not get there is stopped. */
export async function startApiProcess(options: ApiProcessOptions): Promise<ApiProcess> {
  const port = options.port ?? (await freePort());
  const logPath = join(artifactsDir, `${options.log}.log`);
  const log = createWriteStream(logPath);
  // tsx is a dependency of @anc/api, so it resolves from the API's folder (not from the root).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repoRoot, 'apps', 'api'),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DEMO_SEED: '1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      PORTAL_DIST: join(portalRoot, 'dist'),
      ...options.env,
    },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const stopIt = async () => {
    await stop(child);
    log.end();
  };
  try {
    await waitReady(url, child, options.timeoutMs ?? 120_000, logPath);
  } catch (error) {
    await stopIt();
    throw error;
  }
  return { url, stop: stopIt };
}
