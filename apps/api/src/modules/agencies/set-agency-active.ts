import { deleteAgencySessions, getAgency, updateAgency, writeAudit } from '@anc/db';
import { DomainError, type SetActiveInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toAgencyDto } from './agency-dto.ts';

/** Deactivating an agency signs its users out; the ANC itself cannot be deactivated. */
export async function setAgencyActive(ctx: UseCaseContext, { id, active }: SetActiveInput) {
  return ctx.db.transaction(async (tx) => {
    const before = await getAgency(tx, id);
    if (!before) throw new DomainError('NOT_FOUND', 'not_found');
    if (before.kind === 'national_agency' && !active) throw new DomainError('UNPROCESSABLE', 'anc_agency_locked');
    const after = await updateAgency(tx, id, { active });
    if (!after) throw new DomainError('NOT_FOUND', 'not_found');
    if (!active) await deleteAgencySessions(tx, id);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: active ? 'agency.activate' : 'agency.deactivate',
      entityType: 'agency',
      entityId: id,
      diff: { active: [before.active, active] },
      origin: ctx.origin,
    });
    return toAgencyDto(after);
  });
}
