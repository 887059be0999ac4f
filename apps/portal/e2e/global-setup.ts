/**
 * Starts the API once for all browser tests: in-memory PGlite, demo agencies and accounts, the
 * built portal served from apps/portal/dist. Rebuilds the portal first when its sources are newer.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { artifactsDir, portalRoot, repoRoot } from './paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}

const DEMO_PASSWORD = 'Prueba-E2E-Portal-2026';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function ensureBuilt() {
  const index = join(portalRoot, 'dist', 'index.html');
  const sources = Math.max(newestMtime(join(portalRoot, 'src')), statSync(join(portalRoot, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  // Vitest sets NODE_ENV=test, which would give React's development build.
  execFileSync(join(portalRoot, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: portalRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
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
    if (child.exitCode !== null) throw new Error(`API exited with code ${child.exitCode} before it was ready`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`API not ready after ${timeoutMs} ms`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const killTimer = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }, 10_000);
    child.once('exit', () => {
      clearTimeout(killTimer);
      resolve();
    });
    try {
      // The whole group: tsx runs the API in a child node process.
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(killTimer);
      resolve();
    }
  });
}

export default async function setup(project: TestProject) {
  ensureBuilt();
  mkdirSync(artifactsDir, { recursive: true });
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const log = createWriteStream(join(artifactsDir, 'e2e-api.log'));
  // tsx is a dependency of @anc/api, so it resolves from the API's folder (not from the root).
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(repoRoot, 'apps', 'api'),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PGLITE_DIR: 'memory',
      DEMO_SEED: '1',
      DEMO_PASSWORD,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      PORTAL_DIST: join(portalRoot, 'dist'),
    },
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  try {
    await waitReady(baseUrl, child, 90_000);
  } catch (error) {
    await stop(child);
    throw error;
  }
  project.provide('baseUrl', baseUrl);
  project.provide('demoPassword', DEMO_PASSWORD);
  return async () => {
    await stop(child);
    log.end();
  };
}
