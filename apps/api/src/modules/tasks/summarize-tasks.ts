import { taskCountsByAgency } from '@anc/db';
import type { UseCaseContext } from '../use-case.ts';

/** Per agency with active work: active, overdue and in-review counts, the most overdue first. */
export async function summarizeTasks(ctx: UseCaseContext) {
  return { items: await taskCountsByAgency(ctx.db, new Date()) };
}
