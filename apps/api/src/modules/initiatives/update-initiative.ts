import { isUniqueViolation, listParticipantIds, setParticipants, updateInitiativeVersioned, writeAudit } from '@anc/db';
import { DomainError, auditDiff, initiativeDateProblems, type UpdateInitiativeData } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildInitiativeDetail } from './initiative-dto.ts';
import { assertAgencies, assertVersion, codeTaken, initiativeAuditFields, initiativeOr404 } from './initiative-rules.ts';

/** Admins edit any subset of the fields, in any status (correcting the record of a closed initiative included). */
export async function updateInitiative(ctx: UseCaseContext, input: UpdateInitiativeData) {
  try {
    const row = await ctx.db.transaction(async (tx) => {
      const before = await initiativeOr404(tx, input.id, { lock: 'update' });
      assertVersion(before, input.version);
      const participantsBefore = await listParticipantIds(tx, before.id);

      const startDate = input.startDate ?? before.startDate;
      const endDate = input.endDate ?? before.endDate;
      const problems = initiativeDateProblems(startDate, endDate);
      if (Object.keys(problems).length) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: problems });

      const leadAgencyId = input.leadAgencyId ?? before.leadAgencyId;
      const participants = (input.participantAgencyIds ?? participantsBefore).filter((id) => id !== leadAgencyId);
      // Only newly named agencies must be active: a participant deactivated since stays on the record.
      const newlyNamed = participants.filter((id) => !participantsBefore.includes(id));
      if (input.leadAgencyId !== undefined && input.leadAgencyId !== before.leadAgencyId) await assertAgencies(tx, leadAgencyId, newlyNamed);
      else if (newlyNamed.length) await assertAgencies(tx, before.leadAgencyId, newlyNamed);

      const updated = await updateInitiativeVersioned(tx, before.id, input.version, {
        code: input.code,
        title: input.title,
        description: input.description,
        objective: input.objective,
        axes: input.axes,
        leadAgencyId,
        startDate,
        endDate,
        budgetMxn: input.budgetMxn,
      });
      if (!updated) throw new DomainError('CONFLICT', 'stale_version');
      await setParticipants(tx, updated.id, participants);
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        action: 'initiative.update',
        entityType: 'initiative',
        entityId: updated.id,
        diff: auditDiff(initiativeAuditFields(before, participantsBefore), initiativeAuditFields(updated, participants)),
        origin: ctx.origin,
      });
      return updated;
    });
    return buildInitiativeDetail(ctx.db, ctx.actor, row);
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken(e);
    throw e;
  }
}
