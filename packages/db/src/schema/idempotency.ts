import { index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { apiClients } from './api-clients.ts';

/**
 * `Idempotency-Key`s of REST v1 writes (docs/API.md "REST v1"), one row per client and key for
 * 24 hours. The row is inserted first, in the same transaction as the write it guards
 * (apps/api/src/rest/idempotency.ts): a concurrent request with the same key waits on the unique
 * index and then replays `response`, the exact bytes of the first answer (text, not jsonb, which
 * would reorder the keys). `body_hash` is the SHA-256 of the request body in canonical JSON.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    clientId: uuid()
      .notNull()
      .references(() => apiClients.id),
    key: text().notNull(),
    bodyHash: text().notNull(),
    status: integer(),
    response: text(),
    /** What the first call created (an incident's id), committed with the key: a repeat that finds no stored answer rebuilds it from this. */
    resultId: uuid(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  // created_at: the hourly purge of keys past their TTL (apps/api/src/rest/routes.ts).
  (t) => [unique().on(t.clientId, t.key), index().on(t.createdAt)],
);
