import { refundPasswordAttempt, hashPassword, invalidateUserSessions, takePasswordAttempt, verifyPassword } from '@anc/auth';
import { getUserWithAgency, updateUser, writeAudit } from '@anc/db';
import { DomainError, type ChangePasswordInput } from '@anc/domain';
import type { SessionContext, UseCaseContext } from '../use-case.ts';
import { assertStrongPassword } from '../users/check-password.ts';

/**
 * Needs the current password; ends every other session of the account. Throttled like sign-in
 * (a stolen session must not brute-force the password), and a wrong current password is audited.
 */
export async function changePassword(ctx: UseCaseContext & SessionContext & { sessionId: string }, input: ChangePasswordInput) {
  const me = await getUserWithAgency(ctx.db, ctx.actor.userId);
  if (!me) throw new DomainError('UNAUTHORIZED', 'not_signed_in');
  // A weak new password is refused before an attempt is taken: it says nothing of the current one.
  await assertStrongPassword(ctx.db, input.newPassword, 'newPassword', [me.user.email, me.user.name]);
  await takePasswordAttempt(ctx.db, 'changePassword', me.user.email, ctx.request.ip);
  if (!(await verifyPassword(me.user.passwordHash, input.currentPassword))) {
    await ctx.db.transaction((tx) =>
      writeAudit(tx, {
        actorId: me.user.id,
        action: 'user.changePasswordFailed',
        entityType: 'user',
        entityId: me.user.id,
        diff: {},
        origin: ctx.origin,
      }),
    );
    ctx.sealer?.nudge();
    throw new DomainError('BAD_REQUEST', 'wrong_current_password', { fieldErrors: { currentPassword: ['wrong_current_password'] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await updateUser(tx, me.user.id, { passwordHash, passwordChangedAt: new Date() });
    const ended = await invalidateUserSessions(tx, me.user.id, ctx.sessionId);
    await refundPasswordAttempt(tx, 'changePassword', me.user.email, ctx.request.ip);
    await writeAudit(tx, {
      actorId: me.user.id,
      action: 'user.changePassword',
      entityType: 'user',
      entityId: me.user.id,
      diff: { password: ['(set)', '(changed)'], sessionsEnded: [null, ended] },
      origin: ctx.origin,
    });
  });
  return { ok: true as const };
}
