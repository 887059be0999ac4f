import { getAgency, isUniqueViolation, updateAgency as writeAgency, writeAudit } from '@anc/db';
import { DomainError, auditDiff, type UpdateAgencyInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { agencyAuditFields, toAgencyDto } from './agency-dto.ts';
import { codeTaken } from './create-agency.ts';

export async function updateAgency(ctx: UseCaseContext, { id, ...patch }: UpdateAgencyInput) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const before = await getAgency(tx, id);
      if (!before) throw new DomainError('NOT_FOUND', 'not_found');
      const kindChanges = patch.kind !== undefined && patch.kind !== before.kind;
      if (kindChanges && (before.kind === 'national_agency' || patch.kind === 'national_agency')) {
        throw new DomainError('UNPROCESSABLE', 'anc_agency_locked', { fieldErrors: { kind: ['anc_agency_locked'] } });
      }
      const after = await writeAgency(tx, id, patch);
      if (!after) throw new DomainError('NOT_FOUND', 'not_found');
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        action: 'agency.update',
        entityType: 'agency',
        entityId: id,
        diff: auditDiff(agencyAuditFields(before), agencyAuditFields(after)),
        origin: ctx.origin,
      });
      return toAgencyDto(after);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken(e);
    throw e;
  }
}
