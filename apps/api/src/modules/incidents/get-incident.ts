import type { IncidentIdInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildIncidentDetail } from './incident-dto.ts';
import { readableOr404 } from './incident-rules.ts';

export async function getIncident(ctx: UseCaseContext, input: IncidentIdInput) {
  const row = await readableOr404(ctx.db, ctx.actor, input.id);
  return buildIncidentDetail(ctx.db, ctx.actor, row);
}
