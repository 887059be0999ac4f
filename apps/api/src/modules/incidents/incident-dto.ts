import {
  getIncidentHeader,
  listIncidentEvents,
  listIncidentTaskSummaries,
  listObservablesWithSightings,
  listReports,
  listShares,
  type Db,
  type IncidentEventKind,
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
  type IncidentDetail,
  type IncidentSummary,
  type IncidentTimelineEntry,
} from '@anc/domain';
import { listAttachments } from '../files/attachments.ts';
import { toTaskSummary } from '../tasks/task-dto.ts';
import { incidentNamer } from './incident-names.ts';
import { obligationsOf } from './incident-rules.ts';
import { visibleStatusReason, visibleTimelineEvents } from './note-visibility.ts';

/**
 * The answers are typed from their zod schemas in packages/domain/src/schemas/incident-dto.ts (the
 * one description of them, also REST v1's OpenAPI document): a field here that the schema lacks,
 * or the other way round, fails `tsc`; apps/api/src/rest/answers.test.ts parses real answers.
 */
export type { IncidentDetail, IncidentSummary };

type TimelineEntry = IncidentTimelineEntry;
/** `kind` with its `data`, one pair per kind of entry. */
type KindAndData = TimelineEntry extends infer E ? (E extends TimelineEntry ? { kind: E['kind']; data: E['data'] } : never) : never;

/**
 * The one place the timeline's `data` (jsonb, `Record<string, unknown>` to TypeScript) is taken to
 * have the shape its kind's schema names: what apps/api/src/modules/incidents/* and
 * tasks/create-task.ts write, after `incidentNamer` replaced the objects it names.
 * answers.test.ts checks it on real answers of every kind; nothing parses it per request.
 */
const kindAndData = (e: { kind: IncidentEventKind; data: Record<string, unknown> }): KindAndData => ({ kind: e.kind, data: e.data }) as KindAndData;

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
    version: r.version,
    nextObligation:
      r.nextObligationKind && r.nextObligationDueAt && r.nextObligationSoonAt
        ? {
            kind: r.nextObligationKind,
            dueAt: r.nextObligationDueAt.toISOString(),
            state: nextObligationState({ dueAt: r.nextObligationDueAt, dueSoonAt: r.nextObligationSoonAt }, now),
          }
        : null,
    owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
  };
}

const SHARE_EVENT_KINDS = new Set(['shared', 'unshared']);

/**
 * Everything the detail page shows. Who the incident was shared with is told to the ANC and to
 * the reporting body (its own data), not to the bodies it was shared with.
 */
export async function buildIncidentDetail(db: Db, actor: Actor, row: IncidentRow, now: Date = new Date()): Promise<IncidentDetail> {
  const seesShares = seesEveryIncident(actor) || isReportingStaff(actor, row);
  const [header, observables, events, shares, reports, tasks, attachments] = await Promise.all([
    getIncidentHeader(db, row.id),
    listObservablesWithSightings(db, actor, row.id),
    listIncidentEvents(db, row.id),
    seesShares ? listShares(db, row.id) : Promise.resolve(null),
    listReports(db, row.id),
    listIncidentTaskSummaries(db, actor, row.id),
    listAttachments(db, actor, { kind: 'incident', id: row.id }),
  ]);
  if (!header) throw new Error('incident header missing');
  // Another incident or a task is named only to a reader who may read it now (incident-names.ts).
  const names = await incidentNamer(db, actor, header.mergedInto?.id ?? null, events);
  return {
    id: row.id,
    reference: row.reference,
    agency: header.agency,
    reporter: { id: header.reporter.id, name: header.reporter.name },
    // Every reader sees who at the ANC is in charge (domain incidents/owner.ts).
    owner: header.owner,
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
    obligations: obligationsOf(row, now).map((o): IncidentDetail['obligations'][number] => ({
      kind: o.kind,
      dueAt: o.dueAt.toISOString(),
      submittedAt: o.submittedAt?.toISOString() ?? null,
      state: o.state,
    })),
    observables: observables.map((o): IncidentDetail['observables'][number] => ({ id: o.id, type: o.type, value: o.value, alsoSeenIn: o.alsoSeenIn })),
    timeline: visibleTimelineEvents(actor, row, events)
      .filter((e) => (seesShares || !SHARE_EVENT_KINDS.has(e.kind)) && names.showsTaskEvent(e))
      .map((e) => names.event(e))
      .map((e): TimelineEntry => ({
        id: String(e.id),
        at: e.at.toISOString(),
        ...kindAndData(e),
        body: e.body,
        /** Who reads this note (comments and step reasons only; null for every other entry). */
        visibility: e.visibility,
        actor: { id: e.actorId, name: e.actorName, agencyCode: e.actorAgencyCode },
      })),
    shares: shares
      ? {
          allAgencies: row.sharedWithAllAt?.toISOString() ?? null,
          agencies: shares.map((s): NonNullable<IncidentDetail['shares']>['agencies'][number] => ({
            id: s.agencyId,
            code: s.code,
            name: s.name,
            nameEn: s.nameEn,
            sharedAt: s.createdAt.toISOString(),
          })),
        }
      : null,
    reports: reports.map((r): IncidentDetail['reports'][number] => ({
      id: r.id,
      kind: r.kind,
      body: r.body,
      submittedAt: r.submittedAt.toISOString(),
      submittedBy: { id: r.submittedById, name: r.submittedByName },
    })),
    /** The tasks about this incident the caller may read (staff: their agency's), newest first. */
    attachments,
    tasks: tasks.map((t) => toTaskSummary(t, now)),
    allowedTransitions: allowedIncidentTransitions(actor, row.status),
    can: incidentCapabilities(actor, row),
  };
}
