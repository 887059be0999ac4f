import { burnPasswordCheck, refundPasswordAttempt, createSession, invalidateSession, takePasswordAttempt, verifyPassword } from '@anc/auth';
import { getUserByEmail, touchLastSignIn, writeAudit } from '@anc/db';
import { DomainError, type SignInInput } from '@anc/domain';
import type { OpenUseCaseContext, SessionContext } from '../use-case.ts';
import { toSessionUser } from '../users/user-dto.ts';

/**
 * One answer for an unknown e-mail, a wrong password and a deactivated account, in the same
 * time (a password is always verified). The attempt is counted before the password is verified
 * (packages/auth/src/throttle.ts), so parallel guesses evaluate at most the budget.
 */
export async function signIn(ctx: OpenUseCaseContext & SessionContext, { email, password }: SignInInput) {
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
  const now = new Date();
  const session = await ctx.db.transaction(async (tx) => {
    // A fresh token on every sign-in; the one the browser held before is ended (no fixation).
    if (ctx.sessionId) await invalidateSession(tx, ctx.sessionId);
    const created = await createSession(tx, found.user.id, { ip, userAgent: ctx.request.userAgent }, now);
    await refundPasswordAttempt(tx, 'signIn', email, ip);
    await touchLastSignIn(tx, found.user.id, now);
    await writeAudit(tx, {
      actorId: found.user.id,
      action: 'auth.signIn',
      entityType: 'user',
      entityId: found.user.id,
      diff: {},
      origin: ctx.origin,
    });
    return created;
  });
  ctx.cookies.setSession(session.token, session.expiresAt);
  return { user: toSessionUser(found.user, found.agency) };
}
