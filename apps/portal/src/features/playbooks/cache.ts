import { queryClient, trpc } from '../../lib/trpc.ts';
import { refreshIncident } from '../incidents/cache.ts';

/** After a playbook was applied: the incident (its tasks and timeline) and every task list. */
export async function refreshAfterApply(incidentId: string): Promise<void> {
  void queryClient.invalidateQueries(trpc.tasks.pathFilter());
  await refreshIncident(incidentId);
}
