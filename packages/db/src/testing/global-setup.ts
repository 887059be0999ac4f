import type { TestProject } from 'vitest/node';
import { ensureMigratedDump } from './dump.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    ancPgliteDump: string;
  }
}

/** vitest globalSetup for every package with database tests. */
export default async function setup(project: TestProject) {
  project.provide('ancPgliteDump', await ensureMigratedDump());
}
