import { bigint, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * A sign-in whose password was right but whose second factor is still owed (docs/API.md "MFA"):
 * `id` is the SHA-256 (hex) of the token the pending cookie holds, never the token (as for
 * sessions), so every API process sees the same pending sign-ins. Lives 5 minutes; used once
 * (deleted when it becomes a session).
 */
export const pendingSignIns = pgTable(
  'pending_sign_ins',
  {
    id: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    ip: text(),
    userAgent: text(),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);

/**
 * One TOTP authenticator per account (RFC 6238). `secret` is encrypted with AES-256-GCM
 * (packages/auth/src/mfa-crypto.ts; key MFA_ENCRYPTION_KEY). `confirmed_at` null: enrolment begun,
 * not yet proven with a code (no factor yet). `last_used_step`: the time step of the last code
 * accepted; a code of that step or an earlier one is refused (no replay).
 */
export const userTotp = pgTable('user_totp', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  secret: text().notNull(),
  confirmedAt: timestamp({ withTimezone: true, precision: 3 }),
  lastUsedStep: bigint({ mode: 'number' }),
  createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});

/** Ten single-use recovery codes per account, stored as SHA-256 (hex) of the normalised code. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text().notNull(),
    usedAt: timestamp({ withTimezone: true, precision: 3 }),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId, t.codeHash)],
);
