/**
 * The component tests' API: one process of the real API (apps/api src/main.ts, in-memory PGlite,
 * demo agencies and accounts), started the way the browser tests start theirs
 * (e2e/api-process.ts). The forms under test send their tRPC calls to it (src/testing/dom-setup.ts).
 */
import { mkdirSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { startApiProcess } from '../../e2e/api-process.ts';
import { artifactsDir } from '../../e2e/paths.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    apiUrl: string;
    apiDemoPassword: string;
  }
}

const DEMO_PASSWORD = 'Prueba-Componentes-2026';

export default async function setup(project: TestProject) {
  mkdirSync(artifactsDir, { recursive: true });
  const api = await startApiProcess({ log: 'components-api', env: { PGLITE_DIR: 'memory', DEMO_PASSWORD }, timeoutMs: 120_000 });
  project.provide('apiUrl', api.url);
  project.provide('apiDemoPassword', DEMO_PASSWORD);
  return () => api.stop();
}
