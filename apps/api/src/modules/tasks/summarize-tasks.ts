import { taskCountsByAgency } from '@anc/db';
import type { AuthedContext } from '../../trpc/init.ts';

/** Per agency with active work: active, overdue and in-review counts, the most overdue first. */
export async function summarizeTasks(ctx: AuthedContext) {
  return { items: await taskCountsByAgency(ctx.db, new Date()) };
}
