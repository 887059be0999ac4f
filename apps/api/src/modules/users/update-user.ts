import { getAgency, getUserWithAgency, updateUser as writeUser, writeAudit } from '@anc/db';
import { DomainError, auditDiff, type UpdateUserInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { assertAgencyFits } from './assert-agency-fits.ts';
import { toUserDto, userAuditFields } from './user-dto.ts';

export async function updateUser(ctx: UseCaseContext, { id, ...patch }: UpdateUserInput) {
  return ctx.db.transaction(async (tx) => {
    const current = await getUserWithAgency(tx, id);
    if (!current) throw new DomainError('NOT_FOUND', 'not_found');
    const role = patch.role ?? current.user.role;
    const agencyId = patch.agencyId ?? current.user.agencyId;
    // An admin cannot lock themselves out by demoting their own account.
    if (id === ctx.actor.userId && role !== 'admin') {
      throw new DomainError('UNPROCESSABLE', 'cannot_change_own_account', { fieldErrors: { role: ['cannot_change_own_account'] } });
    }
    if (role !== current.user.role || agencyId !== current.user.agencyId) await assertAgencyFits(tx, agencyId, role);
    const after = await writeUser(tx, id, { ...patch });
    const agency = await getAgency(tx, agencyId);
    if (!after || !agency) throw new DomainError('NOT_FOUND', 'not_found');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      diff: auditDiff(userAuditFields(current.user), userAuditFields(after)),
      origin: ctx.origin,
    });
    return toUserDto(after, agency);
  });
}
