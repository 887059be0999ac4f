import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PGlite } from '@electric-sql/pglite';
import { MIGRATIONS_FOLDER, createDb, newPglite } from '../client.ts';

const CACHE_DIR = fileURLToPath(new URL('../../../../node_modules/.cache/anc-pglite', import.meta.url));

/** A hash of every migration file: a new migration means a new dump. */
function migrationsHash(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else h.update(entry.name).update(readFileSync(p));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return h.digest('hex').slice(0, 16);
}

/**
 * Builds (once per set of migrations) a migrated PGlite and dumps it to a cache file, so each test
 * file starts from a copy in ~0.3 s instead of migrating a fresh instance. Written atomically:
 * several packages' global setups may race.
 */
export async function ensureMigratedDump(): Promise<string> {
  const file = join(CACHE_DIR, `migrated-${migrationsHash()}.tgz`);
  if (existsSync(file)) return file;
  const pg = newPglite();
  const database = createDb({ pglite: pg });
  await database.migrate();
  const dump = await pg.dumpDataDir('gzip');
  await pg.close();
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return file;
}

/**
 * An on-disk PGlite data folder holding a copy of the dump (for tests that run an API process on
 * a data folder, apps/api/src/crash.test.ts): a few seconds less than a first start's initdb and
 * migrations.
 */
export async function writeDumpToDir(file: string, dir: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const pg = newPglite(dir, { loadDataDir: new Blob([readFileSync(file)]) });
  await pg.query('select 1');
  await pg.close();
}

export function loadDump(file: string): PGlite {
  const bytes = readFileSync(file);
  return newPglite(undefined, { loadDataDir: new Blob([bytes]) });
}
