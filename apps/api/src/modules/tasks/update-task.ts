import { getAgency, insertTaskEvent, updateTaskVersioned, writeAudit, type TaskInsert } from '@anc/db';
import { DomainError, assertTaskCapability, auditDiff, statusAfterReassign, type FieldErrors, type UpdateTaskInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { notifyTask } from '../notifications/notify-task.ts';
import { buildTaskDetail } from './task-dto.ts';
import {
  activeAgencyOrProblem,
  assertTaskVersion,
  checkAssigneeUser,
  notifiedTask,
  readableTaskOr404,
  taskAuditFields,
  throwIfProblems,
} from './task-rules.ts';

/**
 * A coordinator edits a task or reassigns it. Reassigning (a new `assigneeAgencyId`) clears the
 * assignee user unless one of the new agency is named, sends work under way back to `open`, and
 * tells the new agency's staff. An edit that changes nothing writes nothing.
 */
export async function updateTask(ctx: UseCaseContext, input: UpdateTaskInput) {
  const id = await ctx.db.transaction(async (tx) => {
    const before = await readableTaskOr404(tx, ctx.actor, input.id, { forUpdate: true });
    assertTaskVersion(before, input.version);
    const reassign = input.assigneeAgencyId !== undefined && input.assigneeAgencyId !== before.assigneeAgencyId;
    assertTaskCapability(ctx.actor, before, reassign ? 'reassign' : 'edit');

    const problems: FieldErrors = {};
    const newAgency = reassign && input.assigneeAgencyId ? await activeAgencyOrProblem(tx, input.assigneeAgencyId, problems) : null;
    const agencyId = newAgency?.id ?? before.assigneeAgencyId;
    let assigneeUserId = reassign ? null : before.assigneeUserId;
    if (input.assigneeUserId !== undefined) {
      assigneeUserId = input.assigneeUserId;
      if (assigneeUserId && !problems.assigneeAgencyId) await checkAssigneeUser(tx, assigneeUserId, agencyId, problems);
    }
    throwIfProblems(problems);

    const now = new Date();
    const status = reassign ? statusAfterReassign(before.status) : before.status;
    const set: Partial<TaskInsert> = {
      title: input.title ?? before.title,
      description: input.description ?? before.description,
      priority: input.priority ?? before.priority,
      dueAt: input.dueAt ? new Date(input.dueAt) : before.dueAt,
      assigneeAgencyId: agencyId,
      assigneeUserId,
      status,
      ...(status !== before.status && { statusChangedAt: now }),
    };
    const diff = auditDiff(taskAuditFields(before), taskAuditFields({ ...before, ...set } as typeof before));
    if (Object.keys(diff).length === 0) return before.id;

    const updated = await updateTaskVersioned(tx, ctx.actor, before.id, input.version, set, now);
    if (!updated) throw new DomainError('CONFLICT', 'stale_version');
    const fields = Object.keys(diff);
    if (reassign) {
      const from = await getAgency(tx, before.assigneeAgencyId);
      await insertTaskEvent(tx, {
        taskId: updated.id,
        actorId: ctx.actor.userId,
        kind: 'reassigned',
        data: {
          fields,
          from: { id: before.assigneeAgencyId, code: from?.code ?? null },
          to: { id: agencyId, code: newAgency?.code ?? null },
          ...(status !== before.status && { status: { from: before.status, to: status } }),
        },
      });
      await notifyTask(tx, { kind: 'task_reassigned', task: notifiedTask(updated), actorId: ctx.actor.userId });
    } else {
      // The history shows each change as before → after (the description only as "changed": it can be long).
      const { descriptionLength: _length, ...changes } = diff;
      await insertTaskEvent(tx, { taskId: updated.id, actorId: ctx.actor.userId, kind: 'updated', data: { fields, changes } });
    }
    await writeAudit(tx, { actorId: ctx.actor.userId, action: 'task.update', entityType: 'task', entityId: updated.id, diff, origin: ctx.origin });
    return updated.id;
  });
  return buildTaskDetail(ctx.db, ctx.actor, id);
}
