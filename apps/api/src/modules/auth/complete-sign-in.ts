// The second step of a sign-in that owed a second factor: `auth.verifyMfa` here, the passkey
// step (`auth.verifyMfaPasskey`, modules/passkeys/verify-mfa-passkey.ts) beside it. Each reads the pending cookie (`requirePendingSignIn`),
// verifies its factor inside `completeSecondFactor`'s transaction, and gets the session cookie
// set the same way.
import { completePendingSignIn, invalidateSession, refundPasswordAttempt, takePasswordAttempt, validatePendingSignIn } from '@anc/auth';
import { getUserWithAgency, touchLastSignIn, writeAudit, type Db, type PendingSignInRow } from '@anc/db';
import { DomainError, type MessageKey, type SignInOutput } from '@anc/domain';
import type { OpenUseCaseContext, PendingSignInContext, SessionContext } from '../use-case.ts';
import { toSessionUser } from '../users/user-dto.ts';

export type SecondFactorContext = OpenUseCaseContext & SessionContext & Pick<PendingSignInContext, 'pendingSignInToken'>;

const expired = () => new DomainError('UNAUTHORIZED', 'mfa_sign_in_expired');

/** The pending sign-in of this browser, or UNAUTHORIZED `mfa_sign_in_expired` (absent, expired, used). */
export async function requirePendingSignIn(ctx: SecondFactorContext): Promise<PendingSignInRow> {
  const pending = await validatePendingSignIn(ctx.db, ctx.pendingSignInToken);
  if (!pending) {
    ctx.cookies.clearPendingSignIn();
    throw expired();
  }
  return pending;
}

/**
 * Verifies a second factor of a pending sign-in and, when it holds, turns the sign-in into a
 * session. `verify` runs inside the transaction and answers the factor's name, or null when it
 * was wrong (then the failure is audited and UNAUTHORIZED `invalid_mfa_code` answered, or the
 * `failure` reason a factor without a typed code gives, with no field error). Attempts
 * are throttled per account and address (packages/auth/src/throttle.ts, purpose `secondFactor`).
 */
export async function completeSecondFactor(
  ctx: SecondFactorContext,
  pending: PendingSignInRow,
  verify: (tx: Db) => Promise<string | null>,
  failure: MessageKey = 'invalid_mfa_code',
): Promise<SignInOutput> {
  const ip = ctx.request.ip;
  await takePasswordAttempt(ctx.db, 'secondFactor', pending.userId, ip);
  const found = await getUserWithAgency(ctx.db, pending.userId);
  if (!found || !found.user.active || !found.agency.active) {
    ctx.cookies.clearPendingSignIn();
    throw expired();
  }
  const now = new Date();
  let outcome: Awaited<ReturnType<typeof completePendingSignIn>>;
  try {
    outcome = await ctx.db.transaction(async (tx) => {
      const factor = await verify(tx);
      if (!factor) return null;
      // Claimed and deleted in one statement: a second completion of the same pending sign-in
      // rolls back whatever its factor wrote (a recovery code stays unused).
      const session = await completePendingSignIn(tx, pending.id, { ip, userAgent: ctx.request.userAgent }, now);
      if (!session) throw expired();
      if (ctx.sessionId) await invalidateSession(tx, ctx.sessionId);
      await refundPasswordAttempt(tx, 'secondFactor', pending.userId, ip);
      await touchLastSignIn(tx, pending.userId, now);
      await writeAudit(tx, {
        actorId: pending.userId,
        action: 'auth.signIn',
        entityType: 'user',
        entityId: pending.userId,
        diff: { secondFactor: factor },
        origin: ctx.origin,
      });
      return session;
    });
  } catch (error) {
    if (error instanceof DomainError && error.reason === 'mfa_sign_in_expired') ctx.cookies.clearPendingSignIn();
    throw error;
  }
  if (!outcome) {
    await ctx.db.transaction((tx) =>
      writeAudit(tx, { actorId: pending.userId, action: 'auth.mfaFailed', entityType: 'user', entityId: pending.userId, diff: {}, origin: ctx.origin }),
    );
    ctx.sealer?.nudge();
    throw new DomainError('UNAUTHORIZED', failure, failure === 'invalid_mfa_code' ? { fieldErrors: { code: ['invalid_mfa_code'] } } : {});
  }
  ctx.sealer?.nudge();
  ctx.cookies.setSession(outcome.token, outcome.expiresAt);
  ctx.cookies.clearPendingSignIn();
  return { user: toSessionUser(found.user, found.agency) };
}
