import { burnPasswordCheck, refundPasswordAttempt, takePasswordAttempt, verifyPassword } from '@anc/auth';
import { getUserByEmail, writeAudit } from '@anc/db';
import { DomainError, type SignInInput, type SignInOutput } from '@anc/domain';
import type { OpenUseCaseContext, PendingSignInContext, SessionContext } from '../use-case.ts';
import { startSignIn } from './start-sign-in.ts';

/**
 * One answer for an unknown e-mail, a wrong password and a deactivated account, in the same
 * time (a password is always verified). The attempt is counted before the password is verified
 * (packages/auth/src/throttle.ts), so parallel guesses evaluate at most the budget. An account
 * with a second factor gets `{ user: null, mfaRequired: true }` and a pending cookie
 * (start-sign-in.ts); `auth.verifyMfa` completes it.
 */
export async function signIn(
  ctx: OpenUseCaseContext & SessionContext & Pick<PendingSignInContext, 'pendingSignInToken'>,
  { email, password }: SignInInput,
): Promise<SignInOutput> {
  const ip = ctx.request.ip;
  await takePasswordAttempt(ctx.db, 'signIn', email, ip);
  const found = await getUserByEmail(ctx.db, email);
  const ok = found ? await verifyPassword(found.user.passwordHash, password) : (await burnPasswordCheck(password), false);
  if (!found || !ok || !found.user.active || !found.agency.active) {
    await ctx.db.transaction(async (tx) => {
      await writeAudit(tx, {
        actorId: null,
        action: 'auth.signInFailed',
        entityType: 'account',
        entityId: email,
        diff: {},
        origin: ctx.origin,
      });
    });
    ctx.sealer?.nudge();
    throw new DomainError('UNAUTHORIZED', 'invalid_credentials');
  }
  return startSignIn(ctx, found, {
    method: 'password',
    secondFactorAsserted: false,
    pendingSignInToken: ctx.pendingSignInToken,
    alsoInTransaction: (tx) => refundPasswordAttempt(tx, 'signIn', email, ip),
  });
}
