import { listTaskSummaries } from '@anc/db';
import type { ListTasksInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toTaskSummary } from './task-dto.ts';

/** Newest first, keyset; staff always get their own agency's tasks (the scope is in the SQL). */
export async function listTasks(ctx: UseCaseContext, input: ListTasksInput) {
  const now = new Date();
  const { rows, nextCursor } = await listTaskSummaries(ctx.db, ctx.actor, input, now);
  return { items: rows.map((r) => toTaskSummary(r, now)), nextCursor };
}
