import { queryClient, trpc } from '../../lib/trpc.ts';
import type { TaskDetail } from './types.ts';

/** Lists, the per-agency summary, the Panel and the incident and initiative pages that show tasks catch up after a change. */
function refreshAround(): void {
  void queryClient.invalidateQueries(trpc.tasks.list.pathFilter());
  void queryClient.invalidateQueries(trpc.tasks.summary.pathFilter());
  void queryClient.invalidateQueries(trpc.incidents.get.pathFilter());
  void queryClient.invalidateQueries(trpc.initiatives.get.pathFilter());
  void queryClient.invalidateQueries(trpc.dashboard.summary.pathFilter());
}

/** A mutation answered with the new detail: show it at once. */
export function storeTask(detail: TaskDetail): void {
  queryClient.setQueryData(trpc.tasks.get.queryKey({ id: detail.id }), detail);
  refreshAround();
}

/** Fetch the task again (after a conflict: someone else changed it). */
export function refreshTask(id: string): Promise<void> {
  refreshAround();
  return queryClient.invalidateQueries(trpc.tasks.get.queryFilter({ id }));
}
