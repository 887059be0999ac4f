import { insertAgency, isUniqueViolation, writeAudit } from '@anc/db';
import { DomainError, auditDiff, type CreateAgencyInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { agencyAuditFields, toAgencyDto } from './agency-dto.ts';

export const codeTaken = (cause: unknown) => new DomainError('CONFLICT', 'agency_code_taken', { fieldErrors: { code: ['agency_code_taken'] }, cause });

export async function createAgency(ctx: UseCaseContext, input: CreateAgencyInput) {
  // There is one ANC: a second national agency would be a second home for coordinators.
  if (input.kind === 'national_agency') {
    throw new DomainError('UNPROCESSABLE', 'anc_agency_locked', { fieldErrors: { kind: ['anc_agency_locked'] } });
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const agency = await insertAgency(tx, input);
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        action: 'agency.create',
        entityType: 'agency',
        entityId: agency.id,
        diff: auditDiff(null, agencyAuditFields(agency)),
        origin: ctx.origin,
      });
      return toAgencyDto(agency);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken(e);
    throw e;
  }
}
