import { deleteUserSessions, getUserWithAgency, updateUser, writeAudit } from '@anc/db';
import { DomainError, type SetActiveInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toUserDto } from './user-dto.ts';

/** Deactivation ends every session of the account at once. */
export async function setUserActive(ctx: UseCaseContext, { id, active }: SetActiveInput) {
  if (id === ctx.actor.userId && !active) throw new DomainError('UNPROCESSABLE', 'cannot_change_own_account');
  return ctx.db.transaction(async (tx) => {
    const current = await getUserWithAgency(tx, id);
    if (!current) throw new DomainError('NOT_FOUND', 'not_found');
    const after = await updateUser(tx, id, { active });
    if (!after) throw new DomainError('NOT_FOUND', 'not_found');
    if (!active) await deleteUserSessions(tx, id);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: active ? 'user.activate' : 'user.deactivate',
      entityType: 'user',
      entityId: id,
      diff: { active: [current.user.active, active] },
      origin: ctx.origin,
    });
    return toUserDto(after, current.agency);
  });
}
