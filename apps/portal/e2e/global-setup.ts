/**
 * Starts the API once for all browser tests: in-memory PGlite, demo agencies and accounts, the
 * built portal served from apps/portal/dist. Rebuilds the portal first when its sources are newer.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startApiProcess } from './api-process.ts';
import { artifactsDir, portalRoot } from './paths.ts';

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

export default async function setup(project: TestProject) {
  ensureBuilt();
  mkdirSync(artifactsDir, { recursive: true });
  const api = await startApiProcess({ log: 'e2e-api', env: { PGLITE_DIR: 'memory', DEMO_PASSWORD }, timeoutMs: 90_000 });
  const baseUrl = api.url;
  project.provide('baseUrl', baseUrl);
  project.provide('demoPassword', DEMO_PASSWORD);
  return () => api.stop();
}
