import { queryClient, trpc } from '../../lib/trpc.ts';
import type { IncidentDetail } from './types.ts';

/** A mutation answered with the new detail: show it at once, and let lists and correlations catch up. */
export function storeIncident(detail: IncidentDetail): void {
  queryClient.setQueryData(trpc.incidents.get.queryKey({ id: detail.id }), detail);
  void queryClient.invalidateQueries(trpc.incidents.list.pathFilter());
  void queryClient.invalidateQueries(trpc.incidents.related.pathFilter());
}

/** A mutation answered without the detail (comments, indicators): fetch it again. */
export function refreshIncident(id: string): Promise<void> {
  void queryClient.invalidateQueries(trpc.incidents.list.pathFilter());
  void queryClient.invalidateQueries(trpc.incidents.related.pathFilter());
  return queryClient.invalidateQueries(trpc.incidents.get.queryFilter({ id }));
}
