import { queryClient, trpc } from '../../lib/trpc.ts';
import type { InitiativeDetail } from './types.ts';

/** The registry, its header and the Panel catch up after a change. */
function refreshAround(): void {
  void queryClient.invalidateQueries(trpc.initiatives.list.pathFilter());
  void queryClient.invalidateQueries(trpc.initiatives.planSummary.pathFilter());
  void queryClient.invalidateQueries(trpc.dashboard.summary.pathFilter());
}

/** A mutation answered with the new detail: show it at once. */
export function storeInitiative(detail: InitiativeDetail): void {
  queryClient.setQueryData(trpc.initiatives.get.queryKey({ id: detail.id }), detail);
  refreshAround();
}

/** Fetch the initiative again (after a conflict: someone else changed it). */
export function refreshInitiative(id: string): Promise<void> {
  refreshAround();
  return queryClient.invalidateQueries(trpc.initiatives.get.queryFilter({ id }));
}
