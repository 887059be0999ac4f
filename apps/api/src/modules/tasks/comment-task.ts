import { insertTaskEvent, writeAudit } from '@anc/db';
import { assertTaskCapability, type CommentTaskInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildTaskDetail } from './task-dto.ts';
import { readableTaskOr404 } from './task-rules.ts';

/**
 * A comment goes into the history; it does not change the task, so it takes no version. The row
 * is locked so that a comment cannot slip in after a cancellation that committed meanwhile.
 */
export async function commentTask(ctx: UseCaseContext, input: CommentTaskInput) {
  await ctx.db.transaction(async (tx) => {
    const row = await readableTaskOr404(tx, ctx.actor, input.id, { forUpdate: true });
    assertTaskCapability(ctx.actor, row, 'comment');
    await insertTaskEvent(tx, { taskId: row.id, actorId: ctx.actor.userId, kind: 'comment', body: input.body });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'task.comment',
      entityType: 'task',
      entityId: row.id,
      diff: { comment: [null, input.body] },
      origin: ctx.origin,
    });
  });
  return buildTaskDetail(ctx.db, ctx.actor, input.id);
}
