import { hashPassword } from '@anc/auth';
import { deleteUserSessions, getUserWithAgency, updateUser, writeAudit } from '@anc/db';
import { DomainError, type ResetPasswordInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { assertStrongPassword } from './check-password.ts';
import { toUserDto } from './user-dto.ts';

/** An admin sets a new password; every session of that account ends. */
export async function resetPassword(ctx: UseCaseContext, { id, password }: ResetPasswordInput) {
  const target = await getUserWithAgency(ctx.db, id);
  if (!target) throw new DomainError('NOT_FOUND', 'not_found');
  await assertStrongPassword(ctx.db, password, 'password', [target.user.email, target.user.name]);
  const passwordHash = await hashPassword(password);
  return ctx.db.transaction(async (tx) => {
    const after = await updateUser(tx, id, { passwordHash, passwordChangedAt: new Date() });
    if (!after) throw new DomainError('NOT_FOUND', 'not_found');
    const ended = await deleteUserSessions(tx, id);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'user.resetPassword',
      entityType: 'user',
      entityId: id,
      diff: { password: ['(set)', '(reset)'], sessionsEnded: [null, ended] },
      origin: ctx.origin,
    });
    return toUserDto(after, target.agency);
  });
}
