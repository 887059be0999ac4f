import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import {
  DomainError,
  TASK_DUE_SOON_MS,
  TASK_PRIORITIES,
  TASK_STATUSES,
  decodeCursor,
  effectiveSort,
  encodeCursor,
  sortCursorKey,
  sortCursorValue,
  type Actor,
  type SortDirection,
  type TaskFilters,
  type TaskPriority,
  type TaskSort,
  type TaskSortKey,
  type TaskStatus,
} from '@anc/domain';
import { rowsOf, type Db } from '../client.ts';
import { agencies, initiatives, isPerson, taskEvents, tasks, users, type TaskEventKind } from '../schema/index.ts';
import { incidentScopeSql, type ReadScope, type WriteScope } from '../scope/incidents.ts';
import { taskScopeSql, taskWriteScope } from '../scope/tasks.ts';

export type TaskRow = typeof tasks.$inferSelect;
export type TaskInsert = typeof tasks.$inferInsert;
type Scope = ReadScope;

/** An instant as a bound parameter of raw SQL: postgres.js refuses a Date there, so ISO text with a cast. */
const instant = (at: Date | string) => sql`${typeof at === 'string' ? at : at.toISOString()}::timestamptz`;

/**
 * "Still owed" spelled with literal constants, exactly as the partial index `tasks_active_due_idx`
 * is: bound parameters would keep the planner from proving the index's predicate.
 */
const activeSql = (alias: string) => sql.raw(`${alias}.status not in ('done', 'cancelled')`);

export async function insertTask(tx: Db, values: TaskInsert): Promise<TaskRow> {
  const [row] = await tx.insert(tasks).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** One task the actor may read (scope in the WHERE clause), or undefined. `forUpdate` locks the row. */
export async function getReadableTask(db: Db, actor: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<TaskRow | undefined> {
  const query = db
    .select()
    .from(tasks)
    .where(and(eq(tasks.id, id), taskScopeSql(actor, 'tasks')));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/**
 * Optimistic concurrency: applies only if the row still has the version the caller read.
 * Returns null when it did not (stale version, or the row is gone).
 */
export async function updateTaskVersioned(
  tx: Db,
  scope: WriteScope,
  id: string,
  version: number,
  set: Partial<TaskInsert>,
  now: Date = new Date(),
): Promise<TaskRow | null> {
  const [row] = await tx
    .update(tasks)
    .set({ ...set, version: sql`${tasks.version} + 1`, updatedAt: now })
    .where(and(eq(tasks.id, id), eq(tasks.version, version), taskWriteScope(scope)))
    .returning();
  return row ?? null;
}

export interface TaskEventValues {
  taskId: string;
  /** Null for the system (the overdue job). */
  actorId: string | null;
  kind: TaskEventKind;
  body?: string | null;
  data?: Record<string, unknown>;
  at?: Date;
}

export async function insertTaskEvent(tx: Db, event: TaskEventValues): Promise<void> {
  await tx.insert(taskEvents).values({ ...event, body: event.body ?? null, data: event.data ?? {} });
}

/** The history of a task, oldest first, with each author's name and agency (none for the system). */
export async function listTaskEvents(db: Db, taskId: string) {
  return db
    .select({
      id: taskEvents.id,
      at: taskEvents.at,
      kind: taskEvents.kind,
      body: taskEvents.body,
      data: taskEvents.data,
      actorId: users.id,
      actorName: users.name,
      actorAgencyCode: agencies.code,
    })
    .from(taskEvents)
    .leftJoin(users, eq(users.id, taskEvents.actorId))
    .leftJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(taskEvents.taskId, taskId))
    .orderBy(asc(taskEvents.at), asc(taskEvents.id));
}

export async function getInitiativeRef(db: Db, id: string): Promise<{ id: string; code: string; title: string } | undefined> {
  const [row] = await db.select({ id: initiatives.id, code: initiatives.code, title: initiatives.title }).from(initiatives).where(eq(initiatives.id, id));
  return row;
}

/** What the assignee rules need to know about a user (see the domain's `assigneeUserProblem`). */
export async function getAssigneeCandidate(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, name: users.name, agencyId: users.agencyId, role: users.role, active: users.active })
    .from(users)
    .where(and(eq(users.id, id), isPerson));
  return row ?? null;
}

/** The active staff of an agency a coordinator may name as a task's assignee, by name. */
export async function listAssignableUsers(db: Db, agencyId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.role, 'staff'), eq(users.active, true), isPerson))
    .orderBy(asc(users.name), asc(users.id));
}

// ---------------------------------------------------------------------------------------------
// Summaries (lists, the detail header, an incident's tasks)

export interface TaskSummaryRow {
  id: string;
  reference: string;
  title: string;
  priority: TaskPriority;
  status: TaskStatus;
  dueAt: Date;
  createdAt: Date;
  updatedAt: Date;
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  agencyNameEn: string;
  assigneeUserId: string | null;
  assigneeUserName: string | null;
  /** Null also when the linked incident is outside the reader's incident scope. */
  incidentId: string | null;
  incidentReference: string | null;
  incidentTitle: string | null;
  initiativeId: string | null;
  initiativeCode: string | null;
  initiativeTitle: string | null;
  creatorId: string;
  creatorName: string;
}

/**
 * The columns of a summary on `tasks t` (with `extra` columns appended). The linked incident is
 * named only to a reader who may read the incident itself (a task for SEDENA about a TLP:RED
 * report of SEMAR says nothing of it).
 */
function summarySelect(actor: Scope, extra: SQL = sql``): SQL {
  const incidentScope = incidentScopeSql(actor, 'i');
  return sql`select t.id, t.reference, t.title, t.priority, t.status, t.due_at as "dueAt", t.created_at as "createdAt", t.updated_at as "updatedAt",
      t.assignee_agency_id as "agencyId", a.code as "agencyCode", a.name as "agencyName", a.name_en as "agencyNameEn",
      t.assignee_user_id as "assigneeUserId", u.name as "assigneeUserName",
      i.id as "incidentId", i.reference as "incidentReference", i.title as "incidentTitle",
      n.id as "initiativeId", n.code as "initiativeCode", n.title as "initiativeTitle",
      c.id as "creatorId", c.name as "creatorName"${extra}
    from tasks t
    join agencies a on a.id = t.assignee_agency_id
    join users c on c.id = t.creator_id
    left join users u on u.id = t.assignee_user_id
    left join incidents i on i.id = t.incident_id ${incidentScope ? sql`and ${incidentScope}` : sql``}
    left join initiatives n on n.id = t.initiative_id`;
}

const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const strOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

function toSummaryRow(r: Record<string, unknown>): TaskSummaryRow {
  return {
    id: String(r.id),
    reference: String(r.reference),
    title: String(r.title),
    priority: r.priority as TaskPriority,
    status: r.status as TaskStatus,
    dueAt: asDate(r.dueAt),
    createdAt: asDate(r.createdAt),
    updatedAt: asDate(r.updatedAt),
    agencyId: String(r.agencyId),
    agencyCode: String(r.agencyCode),
    agencyName: String(r.agencyName),
    agencyNameEn: String(r.agencyNameEn),
    assigneeUserId: strOrNull(r.assigneeUserId),
    assigneeUserName: strOrNull(r.assigneeUserName),
    incidentId: strOrNull(r.incidentId),
    incidentReference: strOrNull(r.incidentReference),
    incidentTitle: strOrNull(r.incidentTitle),
    initiativeId: strOrNull(r.initiativeId),
    initiativeCode: strOrNull(r.initiativeCode),
    initiativeTitle: strOrNull(r.initiativeTitle),
    creatorId: String(r.creatorId),
    creatorName: String(r.creatorName),
  };
}

export interface TaskDetailRow extends TaskSummaryRow {
  description: string;
  version: number;
}

/**
 * One task's summary with its description and version, read in one statement (a consistent
 * snapshot). No task scope: the caller has already read the row within its scope.
 */
export async function getTaskDetailRow(db: Db, actor: Scope, id: string): Promise<TaskDetailRow | undefined> {
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`${summarySelect(actor, sql`, t.description, t.version`)} where t.id = ${id}`));
  const r = rows[0];
  return r ? { ...toSummaryRow(r), description: String(r.description), version: Number(r.version) } : undefined;
}

/** The tasks linked to an incident that the actor may read, newest first. */
export async function listIncidentTaskSummaries(db: Db, actor: Scope, incidentId: string, limit = 200): Promise<TaskSummaryRow[]> {
  const scope = taskScopeSql(actor, 't');
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`${summarySelect(actor)} where t.incident_id = ${incidentId} ${scope ? sql`and ${scope}` : sql``}
      order by t.created_at desc nulls last, t.id desc nulls last limit ${limit}`),
  );
  return rows.map(toSummaryRow);
}

const REFERENCE = /^TSK-(\d{4})-(\d{1,6})$/i;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const inList = (column: string, values: readonly string[], cast: string) =>
  sql`t.${sql.raw(column)} in (${sql.join(
    values.map((v) => sql`${v}::${sql.raw(cast)}`),
    sql`, `,
  )})`;

/**
 * The filters of `tasks.list` on alias `t`. Each has an index of `tasks` (see the schema): the
 * agency, status, assignee user, incident and initiative ones lead a (column, created_at, id)
 * index; overdue and due soon read the partial index of active tasks by due date; a whole
 * reference reads the unique index; a free-text `q` reads the trigram index of title and
 * reference (taskTextSearchSql).
 */
function filterSql(filters: TaskFilters, actor: Pick<Actor, 'userId'>, now: Date): SQL[] {
  const out: SQL[] = [];
  if (filters.status?.length) out.push(inList('status', filters.status, 'task_status'));
  if (filters.priority?.length) out.push(inList('priority', filters.priority, 'task_priority'));
  if (filters.assigneeAgencyId) out.push(sql`t.assignee_agency_id = ${filters.assigneeAgencyId}`);
  if (filters.mine) out.push(sql`t.assignee_user_id = ${actor.userId}`);
  if (filters.incidentId) out.push(sql`t.incident_id = ${filters.incidentId}`);
  if (filters.initiativeId) out.push(sql`t.initiative_id = ${filters.initiativeId}`);
  if (filters.overdue) out.push(sql`${activeSql('t')} and t.due_at < ${instant(now)}`);
  if (filters.dueSoon) {
    const until = new Date(now.getTime() + TASK_DUE_SOON_MS);
    out.push(sql`${activeSql('t')} and t.due_at >= ${instant(now)} and t.due_at <= ${instant(until)}`);
  }
  if (filters.q) {
    const ref = REFERENCE.exec(filters.q);
    if (ref) out.push(sql`t.reference = ${`TSK-${ref[1]}-${(ref[2] ?? '').padStart(6, '0')}`}`);
    else out.push(taskTextSearchSql(filters.q));
  }
  return out;
}

/**
 * `q` as a substring of the title or the reference of task `t`, any case: each `ilike '%q%'` is
 * answered by tasks_search_trgm_idx (pg_trgm, schema/tasks.ts) when `q` holds a trigram (three
 * characters or more); a shorter `q` filters the walk of the other conditions.
 */
export function taskTextSearchSql(q: string): SQL {
  const like = `%${escapeLike(q)}%`;
  return sql`(t.title ilike ${like} or t.reference ilike ${like})`;
}

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor this list handed out, or BAD_REQUEST (never silently the first page, never a SQL error). */
function validCursor(cursor: string) {
  const after = decodeCursor(cursor);
  // Strictly the ISO form this list writes: Date.parse is lenient (it reads "severity.desc:5" as a date).
  if (!after || !ISO_MILLIS.test(after.sortKey) || !UUID.test(after.id)) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { cursor: ['invalid_cursor'] } });
  }
  return after;
}

/**
 * Newest first, keyset on (created_at, id), scoped in SQL (staff: their agency's tasks only).
 * `desc nulls last` as in the indexes (drizzle's `.desc()`): plain `desc` means NULLS FIRST,
 * which no index provides.
 */
export async function listTaskSummaries(
  db: Db,
  actor: Pick<Actor, 'role' | 'agencyId' | 'userId'>,
  input: TaskFilters & TaskSort & { cursor?: string | undefined; limit: number },
  now: Date = new Date(),
): Promise<{ rows: TaskSummaryRow[]; nextCursor: string | null }> {
  // Any other sort than the default (newest first) takes the sorted path below.
  const sorted = effectiveSort(input, 'created');
  if (sorted.sort !== 'created' || sorted.dir !== 'desc') return listSortedTaskSummaries(db, actor, input, sorted, now);
  const after = input.cursor ? validCursor(input.cursor) : null;
  const take = input.limit + 1;
  const parts = [
    taskScopeSql(actor, 't'),
    ...filterSql(input, actor, now),
    after ? sql`(t.created_at, t.id) < (${instant(after.sortKey)}, ${after.id}::uuid)` : undefined,
  ].filter((p): p is SQL => p !== undefined);
  const where = parts.length ? sql.join(parts, sql` and `) : sql`true`;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`${summarySelect(actor)} where ${where}
      order by t.created_at desc nulls last, t.id desc nulls last limit ${take}`),
  ).map(toSummaryRow);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
}

/** A cursor's instant: UTC with microseconds (what PostgreSQL stores), so the keyset compares exactly. */
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/**
 * Each sortable column of the tasks list: its column, the type a cursor value is cast back to, a
 * check of a cursor value, and the null order of its index (`tasks_sort_*`; `created` reads the
 * (created_at desc, id desc) index backwards for ascending). All columns are NOT NULL.
 */
const TASK_SORTS: Record<TaskSortKey, { column: string; cast: string; valid: (v: string) => boolean; nulls: Record<SortDirection, string> }> = {
  created: { column: 'created_at', cast: 'timestamptz', valid: (v) => ISO_MICROS.test(v), nulls: { asc: 'nulls first', desc: 'nulls last' } },
  due: { column: 'due_at', cast: 'timestamptz', valid: (v) => ISO_MICROS.test(v), nulls: { asc: 'nulls last', desc: 'nulls first' } },
  priority: {
    column: 'priority',
    cast: 'task_priority',
    valid: (v) => (TASK_PRIORITIES as readonly string[]).includes(v),
    nulls: { asc: 'nulls last', desc: 'nulls first' },
  },
  status: {
    column: 'status',
    cast: 'task_status',
    valid: (v) => (TASK_STATUSES as readonly string[]).includes(v),
    nulls: { asc: 'nulls last', desc: 'nulls first' },
  },
  reference: { column: 'reference', cast: 'text', valid: (v) => /^TSK-\d{4}-\d{6}$/.test(v), nulls: { asc: 'nulls last', desc: 'nulls first' } },
};

/** The list sorted by one column: keyset on (key, id) in the chosen direction; the cursor names the sort. */
async function listSortedTaskSummaries(
  db: Db,
  actor: Pick<Actor, 'role' | 'agencyId' | 'userId'>,
  input: TaskFilters & { cursor?: string | undefined; limit: number },
  { sort, dir }: { sort: TaskSortKey; dir: SortDirection },
  now: Date,
): Promise<{ rows: TaskSummaryRow[]; nextCursor: string | null }> {
  const spec = TASK_SORTS[sort];
  let after: { value: string; id: string } | null = null;
  if (input.cursor) {
    const decoded = decodeCursor(input.cursor);
    const value = decoded ? sortCursorValue(decoded.sortKey, sort, dir) : null;
    if (!decoded || value === null || !spec.valid(value) || !UUID.test(decoded.id)) {
      throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { cursor: ['invalid_cursor'] } });
    }
    after = { value, id: decoded.id };
  }
  const key = sql.raw(`t.${spec.column}`);
  const order = sql.raw(`${dir} ${spec.nulls[dir]}`);
  const op = sql.raw(dir === 'asc' ? '>' : '<');
  const parts = [
    taskScopeSql(actor, 't'),
    ...filterSql(input, actor, now),
    after ? sql`(${key}, t.id) ${op} (${after.value}::${sql.raw(spec.cast)}, ${after.id}::uuid)` : undefined,
  ].filter((p): p is SQL => p !== undefined);
  const where = parts.length ? sql.join(parts, sql` and `) : sql`true`;
  const value = spec.cast === 'timestamptz' ? sql`to_char(${key} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : sql`(${key})::text`;
  const raw = rowsOf<Record<string, unknown>>(
    await db.execute(sql`${summarySelect(actor, sql`, ${value} as "sortValue"`)} where ${where}
      order by ${key} ${order}, t.id ${order} limit ${input.limit + 1}`),
  );
  const page = raw.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(toSummaryRow),
    nextCursor: raw.length > input.limit && last ? encodeCursor(sortCursorKey(sort, dir, String(last.sortValue)), String(last.id)) : null,
  };
}

export interface AgencyTaskCounts {
  agency: { id: string; code: string; name: string; nameEn: string };
  open: number;
  overdue: number;
  inReview: number;
}

/**
 * Per agency with any active task: active (open = not done/cancelled), overdue, in review; the
 * most overdue first, then by code. Reads the partial index of active tasks.
 */
export async function taskCountsByAgency(db: Db, now: Date = new Date()): Promise<AgencyTaskCounts[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select a.id, a.code, a.name, a.name_en as "nameEn",
        count(*)::int as "open",
        (count(*) filter (where t.due_at < ${instant(now)}))::int as "overdue",
        (count(*) filter (where t.status = 'in_review'))::int as "inReview"
      from tasks t join agencies a on a.id = t.assignee_agency_id
      where ${activeSql('t')}
      group by a.id, a.code, a.name, a.name_en
      order by "overdue" desc, a.code`),
  );
  return rows.map((r) => ({
    agency: { id: String(r.id), code: String(r.code), name: String(r.name), nameEn: String(r.nameEn) },
    open: Number(r.open),
    overdue: Number(r.overdue),
    inReview: Number(r.inReview),
  }));
}
