import { listRelatedIncidents } from '@anc/db';
import type { IncidentIdInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toIncidentSummary } from './incident-dto.ts';
import { readableOr404 } from './incident-rules.ts';

/** Incidents sharing an observable value with this one, among those the caller may read. */
export async function relatedIncidents(ctx: UseCaseContext, input: IncidentIdInput) {
  await readableOr404(ctx.db, ctx.actor, input.id);
  const now = new Date();
  const rows = await listRelatedIncidents(ctx.db, ctx.actor, input.id);
  return { items: rows.map((r) => ({ ...toIncidentSummary(r, now), shared: r.shared })) };
}
