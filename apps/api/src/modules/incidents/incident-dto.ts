import {
  getIncidentHeader,
  listIncidentEvents,
  listIncidentTaskSummaries,
  listObservablesWithSightings,
  listReports,
  listShares,
  type Db,
  type IncidentRow,
  type IncidentSummaryRow,
} from '@anc/db';
import {
  allowedIncidentTransitions,
  incidentCapabilities,
  isReportingStaff,
  nextObligationState,
  seesEveryIncident,
  type Actor,
  type IncidentStatus,
  type ObligationKind,
  type ObligationState,
  type ObservableType,
  type RsitClass,
  type RsitType,
  type Tlp,
} from '@anc/domain';
import { toTaskSummary } from '../tasks/task-dto.ts';
import { incidentNamer } from './incident-names.ts';
import { obligationsOf } from './incident-rules.ts';
import { visibleStatusReason, visibleTimelineEvents } from './note-visibility.ts';

export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

export interface NextObligationDto {
  kind: ObligationKind;
  dueAt: string;
  state: ObligationState;
}

export interface IncidentSummary {
  id: string;
  reference: string;
  title: string;
  agency: AgencyRef;
  status: IncidentStatus;
  severity: number;
  tlp: Tlp;
  rsitClass: RsitClass;
  rsitType: RsitType | null;
  awareAt: string;
  createdAt: string;
  nextObligation: NextObligationDto | null;
}

export function toIncidentSummary(r: IncidentSummaryRow, now: Date): IncidentSummary {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    agency: { id: r.agencyId, code: r.agencyCode, name: r.agencyName, nameEn: r.agencyNameEn },
    status: r.status,
    severity: r.severity,
    tlp: r.tlp,
    rsitClass: r.rsitClass,
    rsitType: r.rsitType,
    awareAt: r.awareAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    nextObligation:
      r.nextObligationKind && r.nextObligationDueAt && r.nextObligationSoonAt
        ? {
            kind: r.nextObligationKind,
            dueAt: r.nextObligationDueAt.toISOString(),
            state: nextObligationState({ dueAt: r.nextObligationDueAt, dueSoonAt: r.nextObligationSoonAt }, now),
          }
        : null,
  };
}

const SHARE_EVENT_KINDS = new Set(['shared', 'unshared']);

/**
 * Everything the detail page shows. Who the incident was shared with is told to the ANC and to
 * the reporting body (its own data), not to the bodies it was shared with.
 */
export async function buildIncidentDetail(db: Db, actor: Actor, row: IncidentRow, now: Date = new Date()) {
  const seesShares = seesEveryIncident(actor) || isReportingStaff(actor, row);
  const [header, observables, events, shares, reports, tasks] = await Promise.all([
    getIncidentHeader(db, row.id),
    listObservablesWithSightings(db, actor, row.id),
    listIncidentEvents(db, row.id),
    seesShares ? listShares(db, row.id) : Promise.resolve(null),
    listReports(db, row.id),
    listIncidentTaskSummaries(db, actor, row.id),
  ]);
  if (!header) throw new Error('incident header missing');
  // Another incident or a task is named only to a reader who may read it now (incident-names.ts).
  const names = await incidentNamer(db, actor, header.mergedInto?.id ?? null, events);
  return {
    id: row.id,
    reference: row.reference,
    agency: header.agency,
    reporter: { id: header.reporter.id, name: header.reporter.name },
    title: row.title,
    description: row.description,
    rsitClass: row.rsitClass,
    rsitType: row.rsitType,
    severity: row.severity,
    tlp: row.tlp,
    status: row.status,
    statusReason: visibleStatusReason(actor, row, events),
    mergedInto: names.incident(header.mergedInto?.id),
    detectedAt: row.detectedAt.toISOString(),
    awareAt: row.awareAt.toISOString(),
    affectedSystems: row.affectedSystems,
    impact: {
      personalData: row.personalData,
      records: row.records,
      criticalService: row.criticalService,
      crossBorder: row.crossBorder,
      estimatedLossMxn: row.estimatedLossMxn,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    obligations: obligationsOf(row, now).map((o) => ({
      kind: o.kind,
      dueAt: o.dueAt.toISOString(),
      submittedAt: o.submittedAt?.toISOString() ?? null,
      state: o.state,
    })),
    observables: observables.map((o) => ({ id: o.id, type: o.type as ObservableType, value: o.value, alsoSeenIn: o.alsoSeenIn })),
    timeline: visibleTimelineEvents(actor, row, events)
      .filter((e) => (seesShares || !SHARE_EVENT_KINDS.has(e.kind)) && names.showsTaskEvent(e))
      .map((e) => names.event(e))
      .map((e) => ({
        id: String(e.id),
        at: e.at.toISOString(),
        kind: e.kind,
        body: e.body,
        /** Who reads this note (comments and step reasons only; null for every other entry). */
        visibility: e.visibility,
        data: e.data,
        actor: { id: e.actorId, name: e.actorName, agencyCode: e.actorAgencyCode },
      })),
    shares: shares
      ? {
          allAgencies: row.sharedWithAllAt?.toISOString() ?? null,
          agencies: shares.map((s) => ({ id: s.agencyId, code: s.code, name: s.name, nameEn: s.nameEn, sharedAt: s.createdAt.toISOString() })),
        }
      : null,
    reports: reports.map((r) => ({
      id: r.id,
      kind: r.kind,
      body: r.body,
      submittedAt: r.submittedAt.toISOString(),
      submittedBy: { id: r.submittedById, name: r.submittedByName },
    })),
    /** The tasks about this incident the caller may read (staff: their agency's), newest first. */
    tasks: tasks.map((t) => toTaskSummary(t, now)),
    allowedTransitions: allowedIncidentTransitions(actor, row.status),
    can: incidentCapabilities(actor, row),
  };
}

export type IncidentDetail = Awaited<ReturnType<typeof buildIncidentDetail>>;
