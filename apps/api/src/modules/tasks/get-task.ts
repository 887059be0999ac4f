import type { TaskIdInput } from '@anc/domain';
import type { AuthedContext } from '../../trpc/init.ts';
import { buildTaskDetail } from './task-dto.ts';
import { readableTaskOr404 } from './task-rules.ts';

export async function getTask(ctx: AuthedContext, input: TaskIdInput) {
  const row = await readableTaskOr404(ctx.db, ctx.actor, input.id);
  return buildTaskDetail(ctx.db, ctx.actor, row.id);
}
