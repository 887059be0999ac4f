// Every way of signing in (password, OpenID Connect) ends here: a full session, or a pending
// sign-in when the account has a second factor that was not yet shown (docs/API.md "MFA").
import {
  consumePendingSignIn,
  deletePendingSignIn,
  findPendingSignIn,
  getSecondFactorCounts,
  insertPendingSignIn,
  type Db,
  type PendingSignInRow,
} from '@anc/db';
import { accountHasSecondFactor } from '@anc/domain';
import { createSession, type SessionMeta } from './sessions.ts';
import { generateSessionToken, sessionIdFromToken } from './tokens.ts';

/** Five minutes to type the code. */
export const PENDING_SIGN_IN_TTL_MS = 5 * 60_000;

export type SignInStart = { kind: 'session'; token: string; expiresAt: Date } | { kind: 'pending'; token: string; expiresAt: Date };

export interface BeginSignInOptions {
  /**
   * The sign-in already proved a second factor (an OpenID provider's `amr` says so): the account's
   * own factor is not asked for again.
   */
  secondFactorAsserted: boolean;
  now?: Date;
}

/**
 * The sign-in of an account whose first factor was verified. Without a second factor of its own
 * (or when one was asserted) → a session; otherwise → a pending sign-in that `completePendingSignIn`
 * turns into a session once a factor is verified. Run it inside the caller's transaction.
 */
export async function beginSignIn(
  db: Db,
  user: { id: string },
  meta: SessionMeta,
  { secondFactorAsserted, now = new Date() }: BeginSignInOptions,
): Promise<SignInStart> {
  const factors = await getSecondFactorCounts(db, user.id);
  if (secondFactorAsserted || !accountHasSecondFactor(factors)) {
    const session = await createSession(db, user.id, meta, now);
    return { kind: 'session', ...session };
  }
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + PENDING_SIGN_IN_TTL_MS);
  await insertPendingSignIn(db, {
    id: sessionIdFromToken(token),
    userId: user.id,
    expiresAt,
    createdAt: now,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { kind: 'pending', token, expiresAt };
}

/** The unexpired pending sign-in behind a pending cookie's value, or null. */
export async function validatePendingSignIn(db: Db, token: string | undefined | null, now = new Date()): Promise<PendingSignInRow | null> {
  if (!token || !/^[a-z2-7]{32}$/.test(token)) return null;
  return (await findPendingSignIn(db, sessionIdFromToken(token), now)) ?? null;
}

/**
 * A pending sign-in whose second factor was verified becomes a session: the pending row is
 * deleted in the same statement that claims it (single use; of two parallel completions one
 * wins, the other gets null). Run it inside the caller's transaction.
 */
export async function completePendingSignIn(db: Db, pendingId: string, meta: SessionMeta, now = new Date()) {
  const pending = await consumePendingSignIn(db, pendingId, now);
  if (!pending) return null;
  const session = await createSession(db, pending.userId, meta, now);
  return { userId: pending.userId, ...session };
}

export const abandonPendingSignIn = (db: Db, pendingId: string) => deletePendingSignIn(db, pendingId);
