import { getReadableIncident, incidentObservablesForAdvisory, insertAdvisory, nextReferenceNumber, setAdvisoryAgencies, writeAudit, type Db } from '@anc/db';
import {
  CreateAdvisoryInput,
  DomainError,
  advisoryDraftFromIncident,
  auditDiff,
  formatReference,
  mexicoCityYear,
  type CreateAdvisoryData,
  type CreateAdvisoryFromIncidentInput,
} from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildAdvisoryDetail } from './advisory-dto.ts';
import { advisoryAuditFields, checkAudience } from './advisory-rules.ts';

/** Writes a draft (reference `ALR-YYYY-NNNNNN`, gapless per year) and its audit row in the caller's transaction. */
async function insertDraft(tx: Db, ctx: UseCaseContext, input: CreateAdvisoryData, action: 'advisory.create' | 'advisory.createFromIncident') {
  const incidentId = input.incidentId ?? null;
  await checkAudience(tx, ctx.actor, { tlp: input.tlp, allAgencies: input.allAgencies, agencyIds: input.agencyIds, incidentId });
  const year = mexicoCityYear(new Date());
  // The counter row stays locked until commit: numbers are gapless and in commit order.
  const n = await nextReferenceNumber(tx, 'ALR', year);
  const now = new Date();
  const row = await insertAdvisory(tx, {
    reference: formatReference('ALR', year, n),
    title: input.title,
    summary: input.summary,
    body: input.body,
    severity: input.severity,
    tlp: input.tlp,
    cves: input.cves,
    actionRequired: input.actionRequired,
    respondBy: new Date(input.respondBy),
    allAgencies: input.allAgencies,
    status: 'draft',
    incidentId,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  const agencyIds = input.allAgencies ? [] : input.agencyIds;
  await setAdvisoryAgencies(tx, row.id, agencyIds);
  await writeAudit(tx, {
    actorId: ctx.actor.userId,
    action,
    entityType: 'advisory',
    entityId: row.id,
    diff: auditDiff(null, advisoryAuditFields(row, agencyIds)),
    origin: ctx.origin,
  });
  return row;
}

/** `advisories.create` (coordinators): a draft. */
export async function createAdvisory(ctx: UseCaseContext, input: CreateAdvisoryData) {
  const row = await ctx.db.transaction((tx) => insertDraft(tx, ctx, input, 'advisory.create'));
  return buildAdvisoryDetail(ctx.db, ctx.actor, row);
}

/**
 * `advisories.createFromIncident`: a draft carrying the incident's CVEs and other indicators, its
 * severity and TLP, addressed as widely as the incident's own read policy allows
 * (domain `advisoryDraftFromIncident`); NOT_FOUND for an incident the caller may not read.
 */
export async function createAdvisoryFromIncident(ctx: UseCaseContext, input: CreateAdvisoryFromIncidentInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const incident = await getReadableIncident(tx, ctx.actor, input.incidentId);
    if (!incident) throw new DomainError('NOT_FOUND', 'not_found');
    const observables = await incidentObservablesForAdvisory(tx, incident.id);
    const draft = advisoryDraftFromIncident({ ...incident, observables }, new Date());
    const parsed = CreateAdvisoryInput.parse({ ...draft, incidentId: incident.id });
    return insertDraft(tx, ctx, parsed, 'advisory.createFromIncident');
  });
  return buildAdvisoryDetail(ctx.db, ctx.actor, row);
}
