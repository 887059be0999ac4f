import { listIncidentSummaries } from '@anc/db';
import { withOwnerResolved, type IncidentList, type ListIncidentsInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toIncidentSummary } from './incident-dto.ts';

export async function listIncidents(ctx: UseCaseContext, input: ListIncidentsInput): Promise<IncidentList> {
  const now = new Date();
  const { rows, nextCursor } = await listIncidentSummaries(ctx.db, ctx.actor, withOwnerResolved(input, ctx.actor), now);
  return { items: rows.map((r) => toIncidentSummary(r, now)), nextCursor };
}
