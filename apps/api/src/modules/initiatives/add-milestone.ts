import { countInitiativeMilestones, insertMilestone, writeAudit } from '@anc/db';
import { DomainError, MAX_MILESTONES_PER_INITIATIVE, assertInitiativeOpen, type AddMilestoneInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildInitiativeDetail } from './initiative-dto.ts';
import { initiativeOr404 } from './initiative-rules.ts';

// Milestone changes do not bump the initiative's version: an admin editing the description and
// the lead agency ticking a milestone at the same time do not conflict. They take a share lock on
// the initiative so that none lands on an initiative being completed or cancelled meanwhile.

export async function addMilestone(ctx: UseCaseContext, input: AddMilestoneInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const initiative = await initiativeOr404(tx, input.initiativeId, { lock: 'share' });
    assertInitiativeOpen(initiative);
    if ((await countInitiativeMilestones(tx, initiative.id)) >= MAX_MILESTONES_PER_INITIATIVE) throw new DomainError('UNPROCESSABLE', 'too_many_milestones');
    const milestone = await insertMilestone(tx, { initiativeId: initiative.id, title: input.title, dueDate: input.dueDate });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'initiative.milestone.add',
      entityType: 'initiative',
      entityId: initiative.id,
      diff: { milestone: [null, { id: milestone.id, title: milestone.title, dueDate: milestone.dueDate }] },
      origin: ctx.origin,
    });
    return initiative;
  });
  return buildInitiativeDetail(ctx.db, ctx.actor, row);
}
