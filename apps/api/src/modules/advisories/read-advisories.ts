import { listAdvisorySummaries } from '@anc/db';
import type { AdvisoryIdInput, ListAdvisoriesInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildAdvisoryDetail, toAdvisorySummary } from './advisory-dto.ts';
import { readableAdvisoryOr404 } from './advisory-rules.ts';

/** `advisories.list`: coordinators and admins every advisory (filter by state); staff the published and closed ones addressed to them, with their answer. */
export async function listAdvisories(ctx: UseCaseContext, input: ListAdvisoriesInput) {
  const { rows, nextCursor } = await listAdvisorySummaries(ctx.db, ctx.actor, input);
  const now = new Date();
  return { items: rows.map((r) => toAdvisorySummary(r, ctx.actor, now)), nextCursor };
}

/** `advisories.get`: NOT_FOUND outside the audience and for staff on a draft. */
export async function getAdvisory(ctx: UseCaseContext, input: AdvisoryIdInput) {
  const { row } = await readableAdvisoryOr404(ctx.db, ctx.actor, input.id);
  return buildAdvisoryDetail(ctx.db, ctx.actor, row);
}
