import { listAdvisoryAgencyIds, setAdvisoryAgencies, updateAdvisoryVersioned, writeAudit } from '@anc/db';
import { DomainError, auditDiff, type UpdateAdvisoryInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildAdvisoryDetail } from './advisory-dto.ts';
import { advisoryAuditFields, assertAdvisoryVersion, checkAudience, readableAdvisoryOr404 } from './advisory-rules.ts';

/** `advisories.update` (coordinators): any subset of a draft's fields, with the version read; the merged advisory obeys every audience rule. */
export async function updateAdvisory(ctx: UseCaseContext, input: UpdateAdvisoryInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const { row: before, agencyIds: agenciesBefore } = await readableAdvisoryOr404(tx, ctx.actor, input.id, { lock: 'update' });
    assertAdvisoryVersion(before, input.version);
    if (before.status !== 'draft') throw new DomainError('UNPROCESSABLE', 'advisory_not_draft');
    const tlp = input.tlp ?? before.tlp;
    const allAgencies = input.allAgencies ?? before.allAgencies;
    // Switching to every agency drops the named ones unless new ones are given (then the rule says "not both").
    const agencyIds = input.agencyIds ?? (allAgencies ? [] : agenciesBefore);
    await checkAudience(tx, ctx.actor, { tlp, allAgencies, agencyIds, incidentId: before.incidentId });
    const updated = await updateAdvisoryVersioned(tx, before.id, input.version, {
      title: input.title,
      summary: input.summary,
      body: input.body,
      severity: input.severity,
      tlp,
      cves: input.cves,
      actionRequired: input.actionRequired,
      respondBy: input.respondBy ? new Date(input.respondBy) : undefined,
      allAgencies,
    });
    if (!updated) throw new DomainError('CONFLICT', 'stale_version');
    await setAdvisoryAgencies(tx, updated.id, allAgencies ? [] : agencyIds);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'advisory.update',
      entityType: 'advisory',
      entityId: updated.id,
      diff: auditDiff(advisoryAuditFields(before, agenciesBefore), advisoryAuditFields(updated, await listAdvisoryAgencyIds(tx, updated.id))),
      origin: ctx.origin,
    });
    return updated;
  });
  return buildAdvisoryDetail(ctx.db, ctx.actor, row);
}
