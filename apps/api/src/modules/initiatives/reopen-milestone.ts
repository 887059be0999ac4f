import { setMilestoneDone, writeAudit } from '@anc/db';
import { DomainError, type ReopenMilestoneInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildInitiativeDetail } from './initiative-dto.ts';
import { reportableMilestone } from './initiative-rules.ts';

export async function reopenMilestone(ctx: UseCaseContext, input: ReopenMilestoneInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const { initiative, milestone } = await reportableMilestone(tx, ctx.actor, input.milestoneId);
    const reopened = await setMilestoneDone(tx, milestone.id, null);
    if (!reopened) throw new DomainError('UNPROCESSABLE', 'milestone_not_done');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'initiative.milestone.reopen',
      entityType: 'initiative',
      entityId: initiative.id,
      diff: {
        milestone: [
          { id: milestone.id, title: milestone.title, doneDate: milestone.doneDate },
          { id: milestone.id, title: milestone.title, doneDate: null },
        ],
      },
      origin: ctx.origin,
    });
    return initiative;
  });
  return buildInitiativeDetail(ctx.db, ctx.actor, row);
}
