import { listIncidentSummaries } from '@anc/db';
import type { IncidentList, ListIncidentsInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toIncidentSummary } from './incident-dto.ts';

export async function listIncidents(ctx: UseCaseContext, input: ListIncidentsInput): Promise<IncidentList> {
  const now = new Date();
  const { rows, nextCursor } = await listIncidentSummaries(ctx.db, ctx.actor, input, now);
  return { items: rows.map((r) => toIncidentSummary(r, now)), nextCursor };
}
