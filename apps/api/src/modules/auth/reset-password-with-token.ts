import { hashPassword, invalidateUserSessions, passwordResetTokenHash } from '@anc/auth';
import { consumeResetToken, findRedeemableResetToken, getUserWithAgency, revokeUserResetTokens, updateUser, writeAudit } from '@anc/db';
import { DomainError, type ResetPasswordWithTokenInput } from '@anc/domain';
import type { OpenUseCaseContext } from '../use-case.ts';
import { assertStrongPassword } from '../users/check-password.ts';

const invalidLink = () => new DomainError('BAD_REQUEST', 'reset_link_invalid', { fieldErrors: { token: ['reset_link_invalid'] } });

/**
 * Sets a new password with the token of a reset e-mail (issue 12 point 5): the token must be
 * unused, unexpired and of an active account; the password passes the rule of every new password
 * (`NewPassword` and the common-password check). In one transaction: the token is used (a
 * conditional update, so of two parallel redemptions one wins), the password set, every session of
 * the account ended, every other outstanding link revoked, and the audit row written with the user
 * as actor and subject (never the token). An unknown, used or expired token answers the same.
 */
export async function resetPasswordWithToken(
  ctx: OpenUseCaseContext,
  { token, password }: ResetPasswordWithTokenInput,
  now = new Date(),
): Promise<{ ok: true }> {
  const row = await findRedeemableResetToken(ctx.db, passwordResetTokenHash(token), now);
  const found = row?.userId ? await getUserWithAgency(ctx.db, row.userId) : undefined;
  if (!row || !found || !found.user.active || !found.agency.active) throw invalidLink();
  const user = found.user;
  await assertStrongPassword(ctx.db, password, 'password', [user.email, user.name]);
  const passwordHash = await hashPassword(password);
  await ctx.db.transaction(async (tx) => {
    if (!(await consumeResetToken(tx, row.id, now))) throw invalidLink();
    await updateUser(tx, user.id, { passwordHash, passwordChangedAt: now });
    const sessionsEnded = await invalidateUserSessions(tx, user.id);
    const linksRevoked = await revokeUserResetTokens(tx, user.id, now);
    await writeAudit(tx, {
      actorId: user.id,
      action: 'user.passwordReset',
      entityType: 'user',
      entityId: user.id,
      diff: { password: ['(set)', '(changed)'], sessionsEnded: [null, sessionsEnded], otherLinksRevoked: [null, linksRevoked] },
      origin: ctx.origin,
    });
  });
  ctx.sealer?.nudge();
  return { ok: true };
}
