import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { inject } from 'vitest';
import { createDb, rowsOf, type Database, type Db } from '../client.ts';
import { SEAL_LOCK_KEY } from '../queries/audit.ts';
import { loadDump, writeDumpToDir } from './dump.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Path of the migrated PGlite dump made by the global setup. */
    ancPgliteDump: string;
  }
}

export interface TestDatabase extends Database {
  /** Empties every table (between tests). */
  reset(): Promise<void>;
  /** A second connection pool to the same database (PostgreSQL only): a "second API process". */
  url: string | null;
}

/**
 * One database per test file. With ANC_TEST_PG_URL set (CI does), a fresh database
 * `anc_test_<random>` on that PostgreSQL server, dropped on close; otherwise a copy of the
 * migrated PGlite dump made by the global setup.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.ANC_TEST_PG_URL;
  if (serverUrl) return createPostgresTestDatabase(serverUrl);
  const database = createDb({ pglite: loadDump(inject('ancPgliteDump')) });
  return { ...database, url: null, reset: () => truncateAll(database.db) };
}

/**
 * A fresh, empty database `anc_test_<random>` on that PostgreSQL server (not migrated: for tests
 * of what API processes do on first start); `drop` removes it, whoever is still connected.
 */
export async function createBlankPostgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `anc_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A migrated, empty PGlite data folder at `dir`, for an API process to open. */
export const createPgliteTestDir = (dir: string): Promise<void> => writeDumpToDir(inject('ancPgliteDump'), dir);

async function createPostgresTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const blank = await createBlankPostgresDatabase(serverUrl);
  const database = createDb({ url: blank.url, max: 10 });
  await database.migrate();
  return {
    ...database,
    url: blank.url,
    reset: () => truncateAll(database.db),
    close: async () => {
      await database.close();
      await blank.drop();
    },
  };
}

/**
 * Empties every table. Takes the audit sealer's lock first, so a sealer still running in a test
 * server waits for (or skips) the reset instead of deadlocking with it.
 */
export async function truncateAll(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEAL_LOCK_KEY})`);
    const tables = rowsOf<{ tablename: string }>(await tx.execute(sql`select tablename from pg_tables where schemaname = 'public'`)).map(
      (t) => `"${t.tablename}"`,
    );
    if (tables.length) await tx.execute(sql.raw(`truncate ${tables.join(', ')} restart identity cascade`));
  });
}
