import type { TaskIdInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildTaskDetail } from './task-dto.ts';
import { readableTaskOr404 } from './task-rules.ts';

export async function getTask(ctx: UseCaseContext, input: TaskIdInput) {
  const row = await readableTaskOr404(ctx.db, ctx.actor, input.id);
  return buildTaskDetail(ctx.db, ctx.actor, row.id);
}
