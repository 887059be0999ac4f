import type { TestProject } from 'vitest/node';
import { ensureMigratedDump } from './dump.ts';

/** vitest globalSetup for every package with database tests. */
export default async function setup(project: TestProject) {
  project.provide('ancPgliteDump', await ensureMigratedDump());
}
