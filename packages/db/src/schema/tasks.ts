import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { agencies } from './agencies.ts';
import { notificationKind, taskPriority, taskStatus } from './enums.ts';
import { incidents } from './incidents.ts';
import { initiatives } from './initiatives.ts';
import { advisories } from './advisories.ts';
import { users } from './users.ts';

const ts = () => timestamp({ withTimezone: true, precision: 3 });

/** Work the ANC assigns to an agency (DESIGN: Task). References `TSK-YYYY-NNNNNN` come from `reference_counters`. */
export const tasks = pgTable(
  'tasks',
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    title: text().notNull(),
    description: text().notNull().default(''),
    priority: taskPriority().notNull().default('normal'),
    status: taskStatus().notNull().default('open'),
    dueAt: ts().notNull(),
    incidentId: uuid().references(() => incidents.id),
    initiativeId: uuid().references(() => initiatives.id),
    assigneeAgencyId: uuid()
      .notNull()
      .references(() => agencies.id),
    assigneeUserId: uuid().references(() => users.id),
    creatorId: uuid()
      .notNull()
      .references(() => users.id),
    statusChangedAt: ts().notNull().defaultNow(),
    /** The due date an overdue notification was already written for (the job's claim: once per due date). */
    overdueNotifiedFor: ts(),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  // Newest first (keyset on created_at, id); one index per list filter.
  (t) => [
    index().on(t.createdAt.desc(), t.id.desc()),
    index().on(t.assigneeAgencyId, t.createdAt.desc(), t.id.desc()),
    index().on(t.status, t.createdAt.desc(), t.id.desc()),
    index().on(t.assigneeUserId, t.createdAt.desc(), t.id.desc()),
    index().on(t.incidentId, t.createdAt.desc(), t.id.desc()),
    index().on(t.initiativeId, t.createdAt.desc(), t.id.desc()),
    // Open work by due date: the overdue filter, the due-soon filter and the overdue job.
    index('tasks_active_due_idx')
      .on(t.dueAt, t.id)
      .where(sql`${t.status} not in ('done', 'cancelled')`),
    // The list's sortable columns (queries/tasks.ts `TASK_SORTS`): keyset on (key, id) either way;
    // the unique index on `reference` serves the reference sort.
    index('tasks_sort_priority_idx').on(t.priority, t.id),
    index('tasks_sort_status_idx').on(t.status, t.id),
    index('tasks_sort_due_idx').on(t.dueAt, t.id),
    // The list's free-text `q`, a substring of the title or the reference (queries/tasks.ts
    // filterSql): trigrams (pg_trgm, created by migration 0026) answer `ilike '%…%'` from the
    // index, each column's condition a range of this one index (a BitmapOr of the two).
    index('tasks_search_trgm_idx').using('gin', t.title.op('gin_trgm_ops'), t.reference.op('gin_trgm_ops')),
    check('tasks_one_link', sql`${t.incidentId} is null or ${t.initiativeId} is null`),
  ],
);

export const TASK_EVENT_KINDS = ['created', 'updated', 'reassigned', 'status', 'comment'] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

/** The history: every change and comment, in order, with its author. */
export const taskEvents = pgTable(
  'task_events',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    taskId: uuid()
      .notNull()
      .references(() => tasks.id, { onDelete: 'cascade' }),
    at: ts().notNull().defaultNow(),
    /** Null for the system (the overdue job). */
    actorId: uuid().references(() => users.id),
    kind: text({ enum: TASK_EVENT_KINDS }).notNull(),
    body: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index().on(t.taskId, t.id)],
);

/** In-app notifications, one row per recipient; written in the transaction of the change they announce. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: notificationKind().notNull(),
    taskId: uuid().references(() => tasks.id, { onDelete: 'cascade' }),
    /** Set for notifications about an incident (exactly one of `taskId` / `incidentId`). */
    incidentId: uuid().references(() => incidents.id, { onDelete: 'cascade' }),
    /** Set for notifications about an advisory (schema/advisories.ts): exactly one subject per row. */
    advisoryId: uuid().references(() => advisories.id, { onDelete: 'cascade' }),
    /** What the title is composed from in the reader's language (reference, title, comment…). */
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /**
     * For notifications that must exist once: a task overdue (`overdue:<dueAt>`), an incident
     * event (`event:<id>`), a deadline reminder (`obligation:<kind>:<dueAt>:<state>`); unique per
     * user and task or incident.
     */
    dedupeKey: text(),
    readAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    /**
     * Allocation order, the `id:` of the live bell's server-sent events: a reconnecting browser
     * sends the last one it saw and is given the ones after it (apps/api/src/modules/notifications/events/).
     * Allocated at insert, so two transactions may commit out of seq order: a hint, not a ledger.
     */
    seq: bigint({ mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [
    index().on(t.userId, t.createdAt.desc(), t.id.desc()),
    index().on(t.userId, t.seq),
    index('notifications_unread_idx')
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
    uniqueIndex('notifications_dedupe_idx')
      .on(t.userId, t.taskId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null`),
    // The same for incidents (the index above never matches a row without a task: nulls differ).
    uniqueIndex('notifications_incident_dedupe_idx')
      .on(t.userId, t.incidentId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null and ${t.incidentId} is not null`),
    // The same for advisories (a reminder: once per advisory and recipient).
    uniqueIndex('notifications_advisory_dedupe_idx')
      .on(t.userId, t.advisoryId, t.dedupeKey)
      .where(sql`${t.dedupeKey} is not null and ${t.advisoryId} is not null`),
    check('notifications_one_subject', sql`num_nonnulls(${t.taskId}, ${t.incidentId}, ${t.advisoryId}) = 1`),
  ],
);
