import { setMilestoneDone, writeAudit } from '@anc/db';
import { DomainError, type ReopenMilestoneInput } from '@anc/domain';
import type { AuthedContext } from '../../trpc/init.ts';
import { auditOrigin } from '../audit/origin.ts';
import { buildInitiativeDetail } from './initiative-dto.ts';
import { reportableMilestone } from './initiative-rules.ts';

export async function reopenMilestone(ctx: AuthedContext, input: ReopenMilestoneInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const { initiative, milestone } = await reportableMilestone(tx, ctx.actor, input.milestoneId);
    const reopened = await setMilestoneDone(tx, milestone.id, null);
    if (!reopened) throw new DomainError('UNPROCESSABLE', 'milestone_not_done');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'initiative.milestone.reopen',
      entityType: 'initiative',
      entityId: initiative.id,
      diff: { milestone: [{ id: milestone.id, title: milestone.title, doneDate: milestone.doneDate }, { id: milestone.id, title: milestone.title, doneDate: null }] },
      origin: auditOrigin(ctx),
    });
    return initiative;
  });
  return buildInitiativeDetail(ctx.db, ctx.actor, row);
}
