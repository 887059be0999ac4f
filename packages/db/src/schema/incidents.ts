import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { INCIDENT_EVENT_KINDS, NOTE_VISIBILITIES, type IncidentEventKind } from '@anc/domain';
import { agencies } from './agencies.ts';
import { incidentStatus, obligationKind, observableType, reportKind, rsitClass, rsitType, tlp } from './enums.ts';
import { users } from './users.ts';

const ts = () => timestamp({ withTimezone: true, precision: 3 });
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * Gapless yearly sequences (`INC-2026-000001`): the counter row is incremented inside the
 * transaction that uses the number, so a rolled-back create gives its number back.
 */
export const referenceCounters = pgTable(
  'reference_counters',
  {
    scope: text().notNull(),
    year: integer().notNull(),
    last: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.year] })],
);

export const incidents = pgTable(
  'incidents',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    reporterId: uuid()
      .notNull()
      .references(() => users.id),
    title: text().notNull(),
    description: text().notNull(),
    rsitClass: rsitClass().notNull(),
    rsitType: rsitType(),
    severity: smallint().notNull(),
    tlp: tlp().notNull(),
    status: incidentStatus().notNull().default('submitted'),
    detectedAt: ts().notNull(),
    awareAt: ts().notNull(),
    affectedSystems: text().notNull().default(''),
    personalData: boolean().notNull(),
    records: bigint({ mode: 'number' }),
    criticalService: boolean().notNull(),
    crossBorder: boolean().notNull(),
    /** Exact decimal; drizzle hands it over as a string and it stays one to the wire. */
    estimatedLossMxn: numeric({ precision: 16, scale: 2 }),
    notificationSubmittedAt: ts(),
    finalReportSubmittedAt: ts(),
    /** The next obligation still owed (domain `nextObligation`), kept on the row so lists filter it through an index. */
    nextObligationKind: obligationKind(),
    nextObligationDueAt: ts(),
    nextObligationSoonAt: ts(),
    /**
     * The due date of the next obligation a due-soon / an overdue reminder was already written for
     * (the reminder job's claims, like `tasks.overdue_notified_for`: once per obligation and state).
     */
    dueSoonRemindedFor: ts(),
    overdueRemindedFor: ts(),
    /** Shared with every agency at once (only honoured while the TLP is CLEAR or GREEN). */
    sharedWithAllAt: ts(),
    mergedIntoId: uuid().references((): AnyPgColumn => incidents.id),
    statusReason: text(),
    /** The ANC coordinator in charge of it, or null (domain incidents/owner.ts). */
    ownerId: uuid().references(() => users.id),
    search: tsvector().generatedAlwaysAs(
      sql`setweight(to_tsvector('spanish'::regconfig, title), 'A') || setweight(to_tsvector('spanish'::regconfig, left(description, 4000)), 'B')`,
    ),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  // Newest first everywhere (keyset on created_at, id); one index per list filter so that the
  // first page of any single filter is an index range, not a sort of the table.
  (t) => [
    index().on(t.createdAt.desc(), t.id.desc()),
    index().on(t.agencyId, t.createdAt.desc(), t.id.desc()),
    index().on(t.status, t.createdAt.desc(), t.id.desc()),
    index().on(t.severity, t.createdAt.desc(), t.id.desc()),
    index().on(t.rsitClass, t.createdAt.desc(), t.id.desc()),
    index().on(t.tlp, t.createdAt.desc(), t.id.desc()),
    index('incidents_shared_with_all_idx')
      .on(t.createdAt.desc(), t.id.desc())
      .where(sql`${t.sharedWithAllAt} is not null`),
    // The TAXII collection's indicators of an incident shared with all after they were added, in
    // the order of the share (queries/indicators.ts).
    index('incidents_shared_with_all_at_idx')
      .on(t.sharedWithAllAt, t.id)
      .where(sql`${t.sharedWithAllAt} is not null`),
    index('incidents_next_obligation_idx')
      .on(t.nextObligationDueAt, t.nextObligationSoonAt)
      .where(sql`${t.nextObligationDueAt} is not null`),
    // One agency's deadlines (the Panel of a staff user; the list's obligation filter on its own
    // agency): without it, counting them reads every incident of the agency.
    index('incidents_agency_next_obligation_idx')
      .on(t.agencyId, t.nextObligationDueAt, t.nextObligationSoonAt)
      .where(sql`${t.nextObligationDueAt} is not null`),
    index('incidents_search_idx').using('gin', t.search),
    // "Mis incidentes": one coordinator's incidents, newest first (queries/incidents.ts `ownerId`).
    index('incidents_owner_idx')
      .on(t.ownerId, t.createdAt.desc(), t.id.desc())
      .where(sql`${t.ownerId} is not null`),
    // The list's sortable columns (queries/incidents.ts `SORTS`): a keyset walk on (key, id) in
    // either direction (the unique index on `reference` serves the reference sort). The deadline
    // sorts put "no deadline owed" last in both directions.
    index('incidents_sort_severity_idx').on(t.severity, t.id),
    index('incidents_sort_status_idx').on(t.status, t.id),
    index('incidents_sort_deadline_asc_idx').on(sql`coalesce(${t.nextObligationDueAt}, 'infinity'::timestamptz)`, t.id),
    index('incidents_sort_deadline_desc_idx').on(sql`coalesce(${t.nextObligationDueAt}, '-infinity'::timestamptz)`, t.id),
    check('incidents_severity_range', sql`${t.severity} between 0 and 5`),
  ],
);

export const incidentObservables = pgTable(
  'incident_observables',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    type: observableType().notNull(),
    value: text().notNull(),
    addedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  // (type, value) is the correlation key: "which other incidents saw this value".
  // (created_at, id): the order of the TAXII collection (queries/indicators.ts), read page by page.
  (t) => [unique().on(t.incidentId, t.type, t.value), index().on(t.type, t.value, t.incidentId), index().on(t.createdAt, t.id)],
);

/**
 * Named shares; `incident_created_at` is copied so that a staff list pages through its shares by
 * index. (agency_id, created_at): the TAXII collection's indicators of incidents shared with an
 * agency after they were added, in the order of the shares (queries/indicators.ts).
 */
export const incidentShares = pgTable(
  'incident_shares',
  {
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    agencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    incidentCreatedAt: ts().notNull(),
    sharedBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.agencyId] }),
    index().on(t.agencyId, t.incidentCreatedAt.desc(), t.incidentId.desc()),
    index().on(t.agencyId, t.createdAt, t.incidentId),
  ],
);

// The kinds, and what each carries in `data`, are described in packages/domain/src/schemas/incident-dto.ts.
export { INCIDENT_EVENT_KINDS, type IncidentEventKind };

/** The timeline: every comment, status change, share and report, in order, with its author. */
export const incidentEvents = pgTable(
  'incident_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    at: ts().notNull().defaultNow(),
    actorId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text({ enum: INCIDENT_EVENT_KINDS }).notNull(),
    body: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /**
     * Who reads the note (`body` of a comment or a step): domain incidents/visibility.ts. Entries
     * that are not notes keep the default.
     */
    visibility: text({ enum: NOTE_VISIBILITIES }).notNull().default('all_readers'),
  },
  (t) => [index().on(t.incidentId, t.id), check('incident_events_visibility_check', sql`${t.visibility} in ('anc', 'reporting', 'all_readers')`)],
);

/** Follow-up reports the law requires (the early warning is the filing itself). */
export const incidentReports = pgTable(
  'incident_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    incidentId: uuid()
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    kind: reportKind().notNull(),
    body: text().notNull(),
    submittedBy: uuid()
      .notNull()
      .references(() => users.id),
    submittedAt: ts().notNull().defaultNow(),
  },
  (t) => [unique().on(t.incidentId, t.kind)],
);
