import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * OpenID Connect sign-ins under way (issue 13 point 6): what `GET /auth/oidc/start` chose and the
 * callback checks (state, nonce, the PKCE verifier, the redirect URI sent). `id` is the SHA-256
 * (hex) of the random handle the browser holds in a short-lived http-only cookie, never the handle.
 * A row is taken (deleted) by the one callback that uses it; rows past `expires_at` are refused
 * and removed. Kept in the database so any API process can finish a sign-in another one began.
 */
export const oidcSignInAttempts = pgTable(
  'oidc_sign_in_attempts',
  {
    id: text().primaryKey(),
    state: text().notNull(),
    nonce: text().notNull(),
    codeVerifier: text().notNull(),
    redirectUri: text().notNull(),
    /** A path of the portal to land on after signing in. */
    returnTo: text().notNull(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true, precision: 3 }).notNull(),
  },
  (t) => [index().on(t.expiresAt)],
);
