import { countInitiativeMilestones, updateInitiativeVersioned, writeAudit } from '@anc/db';
import { DomainError, auditDiff, checkInitiativeTransition, type TransitionInitiativeInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildInitiativeDetail } from './initiative-dto.ts';
import { assertVersion, initiativeOr404 } from './initiative-rules.ts';

export async function transitionInitiative(ctx: UseCaseContext, input: TransitionInitiativeInput) {
  const row = await ctx.db.transaction(async (tx) => {
    // The row lock makes two transitions with the same version take turns (the second sees the new
    // version), and holds off milestone changes, which take a share lock, until this one is done.
    const before = await initiativeOr404(tx, input.id, { lock: 'update' });
    assertVersion(before, input.version);
    const openMilestones = await countInitiativeMilestones(tx, before.id, { openOnly: true });
    checkInitiativeTransition(ctx.actor, { status: before.status, openMilestones }, input);
    const updated = await updateInitiativeVersioned(tx, before.id, input.version, { status: input.to, statusReason: input.reason?.trim() || null });
    if (!updated) throw new DomainError('CONFLICT', 'stale_version');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'initiative.transition',
      entityType: 'initiative',
      entityId: updated.id,
      diff: auditDiff({ status: before.status, statusReason: before.statusReason }, { status: updated.status, statusReason: updated.statusReason }),
      origin: ctx.origin,
    });
    return updated;
  });
  return buildInitiativeDetail(ctx.db, ctx.actor, row);
}
