import { insertInitiative, isUniqueViolation, setParticipants, writeAudit } from '@anc/db';
import { auditDiff, type CreateInitiativeData } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildInitiativeDetail } from './initiative-dto.ts';
import { assertAgencies, codeTaken, initiativeAuditFields } from './initiative-rules.ts';

export async function createInitiative(ctx: UseCaseContext, input: CreateInitiativeData) {
  // The lead takes part by definition: it is not listed again among the participants.
  const participants = input.participantAgencyIds.filter((id) => id !== input.leadAgencyId);
  try {
    const row = await ctx.db.transaction(async (tx) => {
      await assertAgencies(tx, input.leadAgencyId, participants);
      const created = await insertInitiative(tx, {
        code: input.code,
        title: input.title,
        description: input.description,
        objective: input.objective,
        axes: input.axes,
        leadAgencyId: input.leadAgencyId,
        startDate: input.startDate,
        endDate: input.endDate,
        budgetMxn: input.budgetMxn,
        createdBy: ctx.actor.userId,
      });
      await setParticipants(tx, created.id, participants);
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        action: 'initiative.create',
        entityType: 'initiative',
        entityId: created.id,
        diff: auditDiff(null, initiativeAuditFields(created, participants)),
        origin: ctx.origin,
      });
      return created;
    });
    return buildInitiativeDetail(ctx.db, ctx.actor, row);
  } catch (e) {
    if (isUniqueViolation(e)) throw codeTaken(e);
    throw e;
  }
}
