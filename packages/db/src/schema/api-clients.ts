import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { users } from './users.ts';

/**
 * Machine callers of one agency (a SOC's SIEM or SOAR), docs/API.md "Callers that are not a
 * browser". The token is never stored: `token_hash` is its SHA-256 (hex), looked up by its unique
 * index on every request (packages/auth/src/api-tokens.ts); `token_prefix` is what a person sees.
 * Each client acts through its own principal account (`users.kind = 'api_client'`), so every row it
 * writes (incidents, events, audit) names it as the actor with the foreign keys people's rows use.
 */
export const apiClients = pgTable(
  'api_clients',
  {
    id: uuid().primaryKey().defaultRandom(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    principalUserId: uuid()
      .notNull()
      .unique()
      .references(() => users.id),
    name: text().notNull(),
    tokenPrefix: text().notNull(),
    tokenHash: text().notNull().unique(),
    scopes: text().array().notNull(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }),
    lastUsedAt: timestamp({ withTimezone: true, precision: 3 }),
    revokedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.agencyId, t.createdAt.desc(), t.id.desc()), index().on(t.createdAt.desc(), t.id.desc())],
);
