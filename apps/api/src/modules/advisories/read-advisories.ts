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

/** How many advisories the Panel lists. */
export const PANEL_ADVISORIES = 10;

/**
 * The Panel's advisories (dashboard.summary `advisories`): for coordinators and admins the open
 * (published) advisories, newest first, each with how many agencies answered / are overdue / pending;
 * for staff the published advisories addressed to their agency that it has not answered yet.
 */
export async function panelAdvisories(ctx: Pick<UseCaseContext, 'db' | 'actor'>, now: Date = new Date()) {
  const { rows } = await listAdvisorySummaries(ctx.db, ctx.actor, {
    limit: PANEL_ADVISORIES,
    status: ['published'],
    awaitingAnswer: ctx.actor.role === 'staff',
  });
  return rows.map((r) => toAdvisorySummary(r, ctx.actor, now));
}
