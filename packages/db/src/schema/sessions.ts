import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * Lucia's session table: `id` is the SHA-256 (hex) of the token the client holds, never the token.
 * `publicId` is what "My sessions" shows and revokes by: a random uuid of its own, so the list never
 * hands out the key a session is looked up by. `lastSeenAt` moves at most once a minute
 * (SESSION_SEEN_INTERVAL_MS), with the validation of a request.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    publicId: uuid().notNull().unique().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);

/**
 * Failed sign-in counters, one row per (scope, key): scope `account` keyed by e-mail, scope `ip` keyed
 * by client address. Kept in the database so that every API process sees the same counts.
 */
export const signInThrottles = pgTable(
  'sign_in_throttles',
  {
    scope: text().notNull(),
    key: text().notNull(),
    failures: integer().notNull().default(0),
    windowStartedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lockedUntil: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/**
 * Password reset links (issue 12 point 5): `token_hash` is the SHA-256 (hex) of the 32 random bytes
 * the e-mail carries, never the token. A request for an address that has no account is recorded
 * too (`user_id` null, never redeemable), so both answers do the same work. Used once (`used_at`),
 * valid until `expires_at` (30 minutes).
 */
export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    usedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    requestedEmail: text().notNull(),
    requestedIp: text(),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);
