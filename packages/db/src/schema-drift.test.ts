// The schema in src/schema and the committed migrations in drizzle/ agree (docs/CONVENTIONS.md
// point 10): drizzle-kit generates into a copy of drizzle/ and must find nothing to write, and
// `drizzle-kit check` finds the committed snapshots consistent. When this fails, run
// `cd packages/db && npx drizzle-kit generate --name <name>` and commit the SQL and the snapshot.
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const packageDir = join(import.meta.dirname, '..');
const drizzleKit = join(packageDir, 'node_modules', '.bin', 'drizzle-kit');
const copy = mkdtempSync(join(tmpdir(), 'anc-drizzle-'));
afterAll(() => rmSync(copy, { recursive: true, force: true }));

const listing = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length))
    .sort();

describe('schema and migrations', () => {
  it('agree: generating from the schema writes no new migration', async () => {
    cpSync(join(packageDir, 'drizzle'), copy, { recursive: true });
    // drizzle-kit reads --out as relative to the package (it prefixes './'), hence relative().
    const before = listing(copy);
    const { stdout } = await run(
      drizzleKit,
      ['generate', '--dialect', 'postgresql', '--schema', './src/schema/index.ts', '--casing', 'snake_case', '--out', relative(packageDir, copy)],
      {
        cwd: packageDir,
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      },
    );
    expect({ newFiles: listing(copy).filter((f) => !before.includes(f)), saysNoSchemaChanges: stdout.includes('No schema changes') }).toEqual({
      newFiles: [],
      saysNoSchemaChanges: true,
    });
  });

  it('the committed snapshots are consistent (drizzle-kit check)', async () => {
    const { stdout } = await run(drizzleKit, ['check', '--dialect', 'postgresql', '--out', './drizzle'], {
      cwd: packageDir,
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    expect(stdout).toContain('Everything');
  });
});
