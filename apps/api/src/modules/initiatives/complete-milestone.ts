import { setMilestoneDone, writeAudit } from '@anc/db';
import { DomainError, mexicoCityDate, type CompleteMilestoneInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildInitiativeDetail } from './initiative-dto.ts';
import { reportableMilestone } from './initiative-rules.ts';

export async function completeMilestone(ctx: UseCaseContext, input: CompleteMilestoneInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const { initiative, milestone } = await reportableMilestone(tx, ctx.actor, input.milestoneId);
    const today = mexicoCityDate(new Date());
    const doneDate = input.doneDate ?? today;
    if (doneDate > today) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { doneDate: ['date_in_future'] } });
    // Conditional on "not done yet": of two ticks at once, the second finds it done and changes nothing.
    const done = await setMilestoneDone(tx, milestone.id, { doneDate, doneBy: ctx.actor.userId });
    if (!done) throw new DomainError('UNPROCESSABLE', 'milestone_already_done');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'initiative.milestone.complete',
      entityType: 'initiative',
      entityId: initiative.id,
      diff: {
        milestone: [
          { id: milestone.id, title: milestone.title, doneDate: null },
          { id: done.id, title: done.title, doneDate: done.doneDate },
        ],
      },
      origin: ctx.origin,
    });
    return initiative;
  });
  return buildInitiativeDetail(ctx.db, ctx.actor, row);
}
