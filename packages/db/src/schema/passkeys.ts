import { bigint, boolean, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/**
 * WebAuthn credentials (passkeys) registered as a second factor (issue 13 point 2). The public key
 * is the COSE key as the authenticator gave it, base64url; the private key never leaves the
 * authenticator. `counter` is the signature counter last seen: an assertion whose counter does not
 * grow (when the authenticator keeps one) is refused as a possible clone.
 */
export const passkeys = pgTable(
  'passkeys',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The credential id (base64url) the authenticator chose; unique across every account. */
    credentialId: text().notNull().unique(),
    publicKey: text().notNull(),
    counter: bigint({ mode: 'number' }).notNull().default(0),
    transports: text().array().notNull().default([]),
    /** Whether the credential may be synced to other devices, and whether it is (as registered). */
    deviceType: text().notNull(),
    backedUp: boolean().notNull().default(false),
    name: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastUsedAt: timestamp({ withTimezone: true, precision: 3 }),
  },
  (t) => [index().on(t.userId, t.createdAt)],
);

/**
 * Challenges handed to a browser for one WebAuthn ceremony, kept in the database so that every API
 * process agrees: `purpose` 'registration' (a signed-in account adds a passkey) or 'authentication'
 * (the second step of a pending sign-in). Each is taken once (deleted by the ceremony that uses
 * it) and only before `expires_at`.
 */
export const webauthnChallenges = pgTable(
  'webauthn_challenges',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text().notNull(),
    challenge: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index().on(t.userId), index().on(t.expiresAt)],
);
