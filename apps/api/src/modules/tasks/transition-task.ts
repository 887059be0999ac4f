import { insertTaskEvent, updateTaskVersioned, writeAudit } from '@anc/db';
import { DomainError, auditDiff, checkTaskTransition, type TaskNotificationKind, type TaskStep, type TransitionTaskInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { notifyTask } from '../notifications/notify-task.ts';
import { buildTaskDetail } from './task-dto.ts';
import { assertTaskVersion, notifiedTask, readableTaskOr404 } from './task-rules.ts';

/** Who is told about a step (issues 4, 12): review, block → the creating coordinator; return, reopen, cancel → the agency. */
const NOTIFY_ON: Partial<Record<TaskStep, Exclude<TaskNotificationKind, 'task_overdue'>>> = {
  submit_review: 'task_in_review',
  block: 'task_blocked',
  return: 'task_returned',
  reopen: 'task_reopened',
  cancel: 'task_cancelled',
};

export async function transitionTask(ctx: UseCaseContext, input: TransitionTaskInput) {
  const id = await ctx.db.transaction(async (tx) => {
    // The row lock makes two transitions with the same version take turns: the second sees the new version.
    const before = await readableTaskOr404(tx, ctx.actor, input.id, { forUpdate: true });
    assertTaskVersion(before, input.version);
    const { step } = checkTaskTransition(ctx.actor, before, input);
    const comment = input.comment?.trim() || null;

    const now = new Date();
    const updated = await updateTaskVersioned(tx, ctx.actor, before.id, input.version, { status: input.to, statusChangedAt: now }, now);
    if (!updated) throw new DomainError('CONFLICT', 'stale_version');
    await insertTaskEvent(tx, {
      taskId: updated.id,
      actorId: ctx.actor.userId,
      kind: 'status',
      body: comment,
      data: { from: before.status, to: updated.status, step },
    });
    const kind = NOTIFY_ON[step];
    if (kind) await notifyTask(tx, { kind, task: notifiedTask(updated), actorId: ctx.actor.userId, comment });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'task.transition',
      entityType: 'task',
      entityId: updated.id,
      diff: { ...auditDiff({ status: before.status }, { status: updated.status }), step: [null, step], ...(comment ? { comment: [null, comment] } : {}) },
      origin: ctx.origin,
    });
    return updated.id;
  });
  return buildTaskDetail(ctx.db, ctx.actor, id);
}
