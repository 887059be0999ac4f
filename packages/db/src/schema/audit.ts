import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Append-only audit log. Rows are written unsealed (seq, prev_hash, hash null) inside the
 * mutation's own transaction; the sealer assigns seq and the hash chain afterwards, in batches,
 * one sealer at a time (advisory lock), so no write waits on a global lock.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid().references(() => users.id),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    diff: jsonb().notNull(),
    origin: jsonb().notNull(),
    seq: bigint({ mode: 'number' }).unique(),
    prevHash: text(),
    hash: text(),
    sealedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [
    index().on(t.entityType, t.entityId, t.id.desc()),
    index().on(t.actorId, t.id.desc()),
    index('audit_events_unsealed_idx')
      .on(t.id)
      .where(sql`${t.seq} is null`),
  ],
);

/** The last sealed row (one row, id = 1): lets verification notice a removed tail. */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer().primaryKey(),
  seq: bigint({ mode: 'number' }).notNull(),
  hash: text().notNull(),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
});
