import { getReadableIncident, type Db, type IncidentRow } from '@anc/db';
import { DomainError, nextObligation, obligationsFor, type Actor, type Obligation } from '@anc/domain';

/** The incident if the actor may read it; NOT_FOUND otherwise (the same answer as "absent"). */
export async function readableOr404(db: Db, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<IncidentRow> {
  const row = await getReadableIncident(db, actor, id, options);
  if (!row) throw new DomainError('NOT_FOUND', 'not_found');
  return row;
}

/** An edit carries the version it read; anything else means someone changed the incident since. */
export function assertVersion(row: Pick<IncidentRow, 'version'>, version: number): void {
  if (row.version !== version) throw new DomainError('CONFLICT', 'stale_version');
}

type ClockFacts = Pick<IncidentRow, 'awareAt' | 'createdAt' | 'notificationSubmittedAt' | 'finalReportSubmittedAt'>;

export const obligationsOf = (row: ClockFacts, now: Date): Obligation[] =>
  obligationsFor(
    { awareAt: row.awareAt, filedAt: row.createdAt, notificationSubmittedAt: row.notificationSubmittedAt, finalReportSubmittedAt: row.finalReportSubmittedAt },
    now,
  );

/** The stored "next obligation" columns that lists filter on, recomputed whenever a clock fact changes. */
export function nextObligationColumns(row: ClockFacts & Pick<IncidentRow, 'status'>, now: Date) {
  const next = nextObligation(obligationsOf(row, now), row.status);
  return {
    nextObligationKind: next?.kind ?? null,
    nextObligationDueAt: next?.dueAt ?? null,
    nextObligationSoonAt: next?.dueSoonAt ?? null,
  };
}

/** The fields of an incident its audit rows record (the description is long: only its length). */
export const incidentAuditFields = (row: IncidentRow) => ({
  reference: row.reference,
  agencyId: row.agencyId,
  title: row.title,
  descriptionLength: row.description.length,
  rsitClass: row.rsitClass,
  rsitType: row.rsitType,
  severity: row.severity,
  tlp: row.tlp,
  status: row.status,
  detectedAt: row.detectedAt.toISOString(),
  awareAt: row.awareAt.toISOString(),
  affectedSystems: row.affectedSystems,
  personalData: row.personalData,
  records: row.records,
  criticalService: row.criticalService,
  crossBorder: row.crossBorder,
  estimatedLossMxn: row.estimatedLossMxn,
  mergedIntoId: row.mergedIntoId,
  statusReason: row.statusReason,
});
