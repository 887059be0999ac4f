import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** A database or a transaction: every query function takes one of these first. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../drizzle', import.meta.url));

/** Serialises migrations across API processes that start together (same key in every process). */
const MIGRATION_LOCK_KEY = 724_310_001;
/**
 * Serialises the start-up seed across API processes that start together (apps/api/src/bootstrap.ts):
 * the second waits for the first, then finds the rows there and leaves them. The audit sealer's key
 * is 724_310_002 (packages/db/src/queries/audit.ts).
 */
export const SEED_LOCK_KEY = 724_310_003;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  /**
   * Runs `fn` while holding the session advisory lock `key` on one dedicated connection, so that
   * one process at a time runs it; a process that dies releases the lock with its connection.
   * `fn` queries through `db` as usual. On PGlite (one process owns the data folder) calls in this
   * process are run one after the other.
   */
  withLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  /**
   * LISTENs on `channel` (one dedicated connection on PostgreSQL, reconnected by the driver; the
   * embedded database's own session on PGlite) and calls `onNotify` with each payload, as NOTIFY
   * delivers it: when the notifying transaction commits. `onListen` runs each time the LISTEN is
   * (re)established, so a caller can catch up on what it missed while the connection was down.
   */
  listen(channel: string, onNotify: (payload: string) => void, onListen?: () => void): Promise<{ unlisten(): Promise<void> }>;
  close(): Promise<void>;
}

export interface CreateDbOptions {
  /** A PostgreSQL URL; absent → embedded PGlite. */
  url?: string | undefined;
  /** PGlite data folder, or `memory`. Ignored with `url`. */
  pgliteDir?: string | undefined;
  /** An existing PGlite instance (tests load one from a dump). */
  pglite?: PGlite | undefined;
  /** Pool size for PostgreSQL. */
  max?: number | undefined;
}

export function createDb(options: CreateDbOptions): Database {
  if (options.url) return createPostgresDb(options.url, options.max ?? 10);
  return createPgliteDb(options.pglite ?? openPglite(options.pgliteDir ?? 'memory'));
}

/**
 * A PGlite with the extensions the migrations create (pg_trgm: the trigram index of the tasks'
 * free-text search, migration 0026). Every embedded database is opened through this.
 */
export function newPglite(dataDir?: string, options: PGliteOptions = {}): PGlite {
  const withExtensions: PGliteOptions = { ...options, extensions: { ...options.extensions, pg_trgm } };
  return dataDir === undefined ? new PGlite(withExtensions) : new PGlite(dataDir, withExtensions);
}

function openPglite(dir: string): PGlite {
  if (dir === 'memory') return newPglite();
  mkdirSync(dir, { recursive: true }); // PGlite does not create parent folders
  return newPglite(dir);
}

function createPgliteDb(client: PGlite): Database {
  const db = drizzlePglite(client, { schema, casing: 'snake_case' });
  let queue: Promise<unknown> = Promise.resolve();
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    // One process owns an embedded database, so there is nobody to race with.
    migrate: () => migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER }),
    withLock: <T>(_key: number, fn: () => Promise<T>): Promise<T> => {
      const run = queue.then(fn, fn);
      queue = run.catch(() => {});
      return run;
    },
    ping: async () => {
      await client.query('select 1');
    },
    listen: async (channel, onNotify, onListen) => {
      const stop = await client.listen(channel, onNotify);
      onListen?.();
      return { unlisten: () => stop() };
    },
    close: () => client.close(),
  };
}

function createPostgresDb(url: string, max: number): Database {
  const client = postgres(url, { max, onnotice: () => {} });
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    migrate: async () => {
      // A dedicated single connection holds a session advisory lock while migrating, so that
      // several replicas starting at once apply each migration exactly once.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres(lockClient, { casing: 'snake_case' }), { migrationsFolder: MIGRATIONS_FOLDER });
        await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await lockClient.end();
      }
    },
    withLock: async <T>(key: number, fn: () => Promise<T>): Promise<T> => {
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${key})`;
        try {
          return await fn();
        } finally {
          await lockClient`select pg_advisory_unlock(${key})`;
        }
      } finally {
        await lockClient.end();
      }
    },
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    listen: async (channel, onNotify, onListen) => {
      // postgres.js keeps one extra connection for every LISTEN of this client and re-LISTENs after
      // a reconnect (calling onListen again).
      const request = await client.listen(channel, onNotify, onListen);
      return { unlisten: () => request.unlisten() };
    },
    close: () => client.end({ timeout: 5 }),
  };
}

/** The rows of a raw `execute` result, whichever driver produced it. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** The PostgreSQL error code of a failed query (drizzle wraps driver errors in `cause`). */
export function pgErrorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let depth = 0; e && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown) => pgErrorCode(error) === '23505';
