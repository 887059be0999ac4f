import { activeAgencyIds, getAdvisoryRow, getReadableIncident, listAdvisoryAgencyIds, type AdvisoryRow, type Db } from '@anc/db';
import {
  DomainError,
  audienceProblems,
  canReadAdvisory,
  sourceIncidentProblems,
  type Actor,
  type AdvisoryAudience,
  type FieldErrors,
  type Tlp,
} from '@anc/domain';

/**
 * The advisory if the actor may read it (domain `canReadAdvisory`: staff never read a draft nor
 * one addressed elsewhere); NOT_FOUND otherwise, the same answer as "absent".
 */
export async function readableAdvisoryOr404(db: Db, actor: Actor, id: string, options: { lock?: 'update' | 'share' } = {}) {
  const row = await getAdvisoryRow(db, id, options);
  if (!row) throw new DomainError('NOT_FOUND', 'not_found');
  const agencyIds = await listAdvisoryAgencyIds(db, row.id);
  if (!canReadAdvisory(actor, { status: row.status, allAgencies: row.allAgencies, agencyIds })) throw new DomainError('NOT_FOUND', 'not_found');
  return { row, agencyIds };
}

export function assertAdvisoryVersion(row: Pick<AdvisoryRow, 'version'>, version: number): void {
  if (row.version !== version) throw new DomainError('CONFLICT', 'stale_version');
}

export function throwIfProblems(problems: FieldErrors): void {
  if (Object.keys(problems).length) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: problems });
}

/**
 * Every rule on an advisory's audience, on the whole (merged) advisory: the TLP rule, named
 * agencies active, and — drafted from an incident — the incident's own read policy.
 */
export async function checkAudience(db: Db, actor: Actor, advisory: AdvisoryAudience & { tlp: Tlp; incidentId: string | null }): Promise<void> {
  const problems: FieldErrors = { ...audienceProblems(advisory.tlp, advisory) };
  if (advisory.agencyIds.length) {
    const active = await activeAgencyIds(db, advisory.agencyIds);
    if (advisory.agencyIds.some((id) => !active.has(id))) (problems.agencyIds ??= []).push('unknown_agency');
  }
  if (advisory.incidentId) {
    const incident = await getReadableIncident(db, actor, advisory.incidentId);
    if (!incident) problems.incidentId = ['not_found'];
    else for (const [path, keys] of Object.entries(sourceIncidentProblems(incident, advisory))) (problems[path] ??= []).push(...keys);
  }
  throwIfProblems(problems);
}

/** What an advisory's audit rows record (long texts: only their length). */
export const advisoryAuditFields = (row: AdvisoryRow, agencyIds: readonly string[]) => ({
  reference: row.reference,
  title: row.title,
  summaryLength: row.summary.length,
  bodyLength: row.body.length,
  severity: row.severity,
  tlp: row.tlp,
  cves: row.cves,
  actionRequiredLength: row.actionRequired.length,
  respondBy: row.respondBy.toISOString(),
  allAgencies: row.allAgencies,
  agencyIds: [...agencyIds].sort(),
  status: row.status,
  incidentId: row.incidentId,
});
