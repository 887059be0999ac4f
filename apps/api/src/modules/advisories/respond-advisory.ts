import { insertAdvisoryResponse, lockAdvisoryAgency, writeAudit } from '@anc/db';
import { DomainError, assertMayRespond, auditDiff, type RespondAdvisoryInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildAdvisoryDetail } from './advisory-dto.ts';
import { readableAdvisoryOr404 } from './advisory-rules.ts';

/**
 * `advisories.respond`: staff of an addressed agency say where they stand, as often as it changes.
 * Every answer is kept; the latest is current. The advisory is share-locked (a close waits, and an
 * answer never lands after it) and the agency's audience row is locked: two answers of one agency
 * take turns, so the newest history row and the current answer always agree.
 */
export async function respondAdvisory(ctx: UseCaseContext, input: RespondAdvisoryInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const { row: advisory, agencyIds } = await readableAdvisoryOr404(tx, ctx.actor, input.id, { lock: 'share' });
    assertMayRespond(ctx.actor, { status: advisory.status, allAgencies: advisory.allAgencies, agencyIds });
    const place = await lockAdvisoryAgency(tx, advisory.id, ctx.actor.agencyId);
    if (!place) throw new DomainError('NOT_FOUND', 'not_found');
    const comment = input.comment?.trim() || null;
    const response = await insertAdvisoryResponse(tx, {
      advisoryId: advisory.id,
      agencyId: ctx.actor.agencyId,
      userId: ctx.actor.userId,
      status: input.status,
      comment,
      respondedAt: new Date(),
    });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'advisory.respond',
      entityType: 'advisory',
      entityId: advisory.id,
      diff: auditDiff(
        { status: place.latestStatus },
        { status: response.status, agencyId: response.agencyId, responseId: response.id, commentLength: comment?.length ?? 0 },
      ),
      origin: ctx.origin,
    });
    return advisory;
  });
  return buildAdvisoryDetail(ctx.db, ctx.actor, row);
}
