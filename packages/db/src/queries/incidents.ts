import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import {
  DomainError,
  INCIDENT_STATUSES,
  decodeCursor,
  effectiveSort,
  encodeCursor,
  searchedIndicator,
  seesEveryIncident,
  sortCursorKey,
  sortCursorValue,
  type IncidentFilters,
  type IncidentSort,
  type IncidentSortKey,
  type SortDirection,
  type NoteVisibility,
  type ObservableType,
} from '@anc/domain';
import { rowsOf, type Db } from '../client.ts';
import { incidentScopeBranches, incidentScopeSql, incidentWriteScope, type ReadScope, type WriteScope } from '../scope/incidents.ts';
import {
  agencies,
  incidentEvents,
  incidentObservables,
  incidentReports,
  incidentShares,
  incidents,
  isPerson,
  referenceCounters,
  users,
  type IncidentEventKind,
} from '../schema/index.ts';

export type IncidentRow = typeof incidents.$inferSelect;
export type IncidentInsert = typeof incidents.$inferInsert;
type Scope = ReadScope;

/**
 * An instant as a bound parameter of raw SQL. postgres.js (unlike PGlite) refuses a Date there,
 * so it goes as ISO 8601 text with an explicit cast.
 */
const instant = (at: Date | string) => sql`${typeof at === 'string' ? at : at.toISOString()}::timestamptz`;

/** Allocates the next number of a gapless yearly sequence; the row stays locked until commit. */
export async function nextReferenceNumber(tx: Db, scope: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(referenceCounters)
    .values({ scope, year, last: 1 })
    .onConflictDoUpdate({ target: [referenceCounters.scope, referenceCounters.year], set: { last: sql`${referenceCounters.last} + 1` } })
    .returning({ last: referenceCounters.last });
  if (!row) throw new Error('reference counter returned no row');
  return row.last;
}

export async function insertIncident(tx: Db, values: IncidentInsert): Promise<IncidentRow> {
  const [row] = await tx.insert(incidents).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/**
 * Optimistic concurrency: the update applies only if the row still has the version the caller
 * read. Returns null when it did not (stale version, or the row is gone).
 */
export async function updateIncidentVersioned(
  tx: Db,
  scope: WriteScope,
  id: string,
  version: number,
  set: Partial<IncidentInsert>,
): Promise<IncidentRow | null> {
  const [row] = await tx
    .update(incidents)
    .set({ ...set, version: sql`${incidents.version} + 1`, updatedAt: new Date() })
    .where(and(eq(incidents.id, id), eq(incidents.version, version), incidentWriteScope(scope)))
    .returning();
  return row ?? null;
}

/** Same, for changes that do not come with a version the user read (comments, reports, shares). */
export async function touchIncident(tx: Db, scope: WriteScope, id: string, set: Partial<IncidentInsert> = {}): Promise<IncidentRow> {
  const [row] = await tx
    .update(incidents)
    .set({ ...set, version: sql`${incidents.version} + 1`, updatedAt: new Date() })
    .where(and(eq(incidents.id, id), incidentWriteScope(scope)))
    .returning();
  if (!row) throw new Error('incident vanished inside its transaction');
  return row;
}

/** One incident the actor may read (scope in the WHERE clause), or undefined. `forUpdate` locks the row. */
export async function getReadableIncident(db: Db, actor: Scope, id: string, options: { forUpdate?: boolean } = {}): Promise<IncidentRow | undefined> {
  const query = db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), incidentScopeSql(actor, 'incidents')));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

export async function insertObservables(
  tx: Db,
  incidentId: string,
  addedBy: string,
  observables: readonly { type: ObservableType; value: string }[],
): Promise<{ id: string; type: ObservableType; value: string }[]> {
  if (observables.length === 0) return [];
  return tx
    .insert(incidentObservables)
    .values(observables.map((o) => ({ incidentId, addedBy, type: o.type, value: o.value })))
    .onConflictDoNothing()
    .returning({ id: incidentObservables.id, type: incidentObservables.type, value: incidentObservables.value });
}

export async function countObservables(db: Db, incidentId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(incidentObservables)
    .where(eq(incidentObservables.incidentId, incidentId));
  return row?.n ?? 0;
}

export async function deleteObservable(tx: Db, scope: WriteScope, incidentId: string, observableId: string) {
  const inScope = scope === 'system' ? undefined : incidentScopeSql(scope, 'i');
  const [row] = await tx
    .delete(incidentObservables)
    .where(
      and(
        eq(incidentObservables.id, observableId),
        eq(incidentObservables.incidentId, incidentId),
        inScope ? sql`exists (select 1 from incidents i where i.id = ${incidentId} and ${inScope})` : undefined,
      ),
    )
    .returning({ id: incidentObservables.id, type: incidentObservables.type, value: incidentObservables.value });
  return row;
}

export interface IncidentEventValues {
  incidentId: string;
  actorId: string;
  kind: IncidentEventKind;
  body?: string | null;
  data?: Record<string, unknown>;
  /** Who reads the note in `body` (domain incidents/visibility.ts); entries that are not notes leave it out. */
  visibility?: NoteVisibility;
  /** Defaults to now; the demo seed back-dates its history. */
  at?: Date;
}

/** Writes one timeline entry; answers its id (what a notification announcing it is keyed by). */
export async function insertIncidentEvent(tx: Db, event: IncidentEventValues): Promise<{ id: number }> {
  const [row] = await tx
    .insert(incidentEvents)
    .values({ ...event, body: event.body ?? null, data: event.data ?? {} })
    .returning({ id: incidentEvents.id });
  if (!row) throw new Error('incident event not written');
  return row;
}

export async function insertShares(
  tx: Db,
  incident: Pick<IncidentRow, 'id' | 'createdAt'>,
  agencyIds: readonly string[],
  sharedBy: string,
  at: Date = new Date(),
): Promise<string[]> {
  if (agencyIds.length === 0) return [];
  const rows = await tx
    .insert(incidentShares)
    .values(agencyIds.map((agencyId) => ({ incidentId: incident.id, agencyId, incidentCreatedAt: incident.createdAt, sharedBy, createdAt: at })))
    .onConflictDoNothing()
    .returning({ agencyId: incidentShares.agencyId });
  return rows.map((r) => r.agencyId);
}

export async function deleteShare(tx: Db, incidentId: string, agencyId: string): Promise<boolean> {
  const rows = await tx
    .delete(incidentShares)
    .where(and(eq(incidentShares.incidentId, incidentId), eq(incidentShares.agencyId, agencyId)))
    .returning({ agencyId: incidentShares.agencyId });
  return rows.length > 0;
}

export async function insertReport(tx: Db, values: typeof incidentReports.$inferInsert) {
  const [row] = await tx.insert(incidentReports).values(values).onConflictDoNothing().returning();
  return row;
}

// ---------------------------------------------------------------------------------------------
// Lists

/** The filters of `incidents.list` as SQL on alias `alias` (all of them index-served, see schema). */
function filterSql(filters: IncidentFilters, alias: string, now: Date): SQL[] {
  const i = sql.raw(alias);
  const out: SQL[] = [];
  const inList = (column: string, values: readonly (string | number)[], cast: string) =>
    sql`${i}.${sql.raw(column)} in (${sql.join(
      values.map((v) => sql`${v}::${sql.raw(cast)}`),
      sql`, `,
    )})`;
  if (filters.status?.length) out.push(inList('status', filters.status, 'incident_status'));
  if (filters.rsitClass?.length) out.push(inList('rsit_class', filters.rsitClass, 'rsit_class'));
  if (filters.severity?.length) out.push(inList('severity', filters.severity, 'smallint'));
  if (filters.tlp?.length) out.push(inList('tlp', filters.tlp, 'tlp'));
  if (filters.agencyId) out.push(sql`${i}.agency_id = ${filters.agencyId}`);
  if (filters.from) out.push(sql`${i}.created_at >= ${instant(filters.from)}`);
  if (filters.to) out.push(sql`${i}.created_at < ${instant(filters.to)}`);
  if (filters.q) {
    const q = filters.q;
    // A reference typed whole finds that incident; anything else is a full-text search in Spanish.
    const ref = /^INC-(\d{4})-(\d{1,6})$/i.exec(q);
    if (ref) out.push(sql`${i}.reference = ${`INC-${ref[1]}-${(ref[2] ?? '').padStart(6, '0')}`}`);
    else out.push(textOrIndicatorSql(i, q));
  }
  if (filters.ownerId) out.push(ownerFilterSql(i, filters.ownerId));
  if (filters.obligation === 'overdue') out.push(sql`${i}.next_obligation_due_at < ${instant(now)}`);
  if (filters.obligation === 'due_soon') out.push(sql`${i}.next_obligation_due_at >= ${instant(now)} and ${i}.next_obligation_soon_at <= ${instant(now)}`);
  if (filters.ids?.length)
    out.push(
      sql`${i}.id in (${sql.join(
        filters.ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  return out;
}

/**
 * `q` as full text OR, when it looks like an indicator (domain `searchedIndicator`: an IP, domain,
 * URL, e-mail, hash or CVE, in the spelling observables are stored in), the incidents that hold
 * that observable. The observable's incidents are read once through the (type, value) index into
 * an array, so the incidents side is an index lookup on the primary key (a BitmapOr with the
 * full-text GIN index), not a probe per row; the caller's scope stays on the incident (the branch
 * this condition sits in).
 */
function textOrIndicatorSql(i: SQL, q: string): SQL {
  const text = sql`${i}.search @@ websearch_to_tsquery('spanish'::regconfig, ${q})`;
  const indicator = searchedIndicator(q);
  if (!indicator) return text;
  return sql`(${text} or ${i}.id = any(array(select io.incident_id from incident_observables io
    where io.type = ${indicator.type}::observable_type and io.value = ${indicator.value})))`;
}

/** The search and owner conditions on their own, on alias `alias` (for EXPLAIN in tests). */
export const incidentSearchSql = (alias: string, q: string) => textOrIndicatorSql(sql.raw(alias), q);
export const incidentOwnerSql = (alias: string, ownerId: string) => ownerFilterSql(sql.raw(alias), ownerId);

/** The incidents one coordinator owns; `me` is resolved to the caller's id before (domain `withOwnerResolved`). */
function ownerFilterSql(i: SQL, ownerId: string): SQL {
  if (ownerId === 'me') throw new Error('the owner filter "me" reached the query unresolved');
  return sql`${i}.owner_id = ${ownerId}::uuid`;
}

const allOf = (parts: readonly (SQL | undefined)[]) => {
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length ? sql.join(present, sql` and `) : sql`true`;
};

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

export interface IncidentSummaryRow {
  id: string;
  reference: string;
  title: string;
  status: IncidentRow['status'];
  severity: number;
  tlp: IncidentRow['tlp'];
  rsitClass: IncidentRow['rsitClass'];
  rsitType: IncidentRow['rsitType'];
  agencyId: string;
  agencyCode: string;
  agencyName: string;
  agencyNameEn: string;
  awareAt: Date;
  createdAt: Date;
  nextObligationKind: IncidentRow['nextObligationKind'];
  nextObligationDueAt: Date | null;
  nextObligationSoonAt: Date | null;
  /** The coordinator in charge (domain incidents/owner.ts), or null. */
  ownerId: string | null;
  ownerName: string | null;
  version: number;
}

const SUMMARY_COLUMNS = sql`i.id, i.reference, i.title, i.status, i.severity, i.tlp, i.rsit_class as "rsitClass", i.rsit_type as "rsitType",
  i.agency_id as "agencyId", a.code as "agencyCode", a.name as "agencyName", a.name_en as "agencyNameEn",
  i.aware_at as "awareAt", i.created_at as "createdAt", i.next_obligation_kind as "nextObligationKind",
  i.next_obligation_due_at as "nextObligationDueAt", i.next_obligation_soon_at as "nextObligationSoonAt", i.version,
  i.owner_id as "ownerId", (select ou.name from users ou where ou.id = i.owner_id) as "ownerName"`;

/** postgres.js and PGlite both return timestamptz as Date, except inside raw results on some paths. */
const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const asDateOrNull = (v: unknown): Date | null => (v === null || v === undefined ? null : asDate(v));

function toSummaryRow(r: Record<string, unknown>): IncidentSummaryRow {
  return {
    ...(r as unknown as IncidentSummaryRow),
    severity: Number(r.severity),
    version: Number(r.version),
    awareAt: asDate(r.awareAt),
    createdAt: asDate(r.createdAt),
    nextObligationDueAt: asDateOrNull(r.nextObligationDueAt),
    nextObligationSoonAt: asDateOrNull(r.nextObligationSoonAt),
  };
}

/**
 * Newest first, keyset on (created_at, id), scoped in SQL. For a staff user the scope is three
 * index-ordered branches (own agency, shared with all, shared by name) each cut at the page size
 * and merged, so a page costs the same at the first page and deep in the list.
 * `desc nulls last` as in the indexes (drizzle's `.desc()`): a plain `desc` means NULLS FIRST, which
 * no index provides, so PostgreSQL would read every matching row and sort (the columns are NOT NULL,
 * but the planner matches the null order literally).
 */
export async function listIncidentSummaries(
  db: Db,
  actor: Scope,
  input: IncidentFilters & IncidentSort & { cursor?: string | undefined; limit: number },
  now: Date = new Date(),
): Promise<{ rows: IncidentSummaryRow[]; nextCursor: string | null }> {
  // Any other sort than the default (newest first) takes the sorted path below.
  const sorted = effectiveSort(input, 'reported');
  if (sorted.sort !== 'reported' || sorted.dir !== 'desc') return listSortedIncidentSummaries(db, actor, input, sorted, now);
  const after = input.cursor ? validCursor(input.cursor) : null;
  const take = input.limit + 1;
  const keyset = (alias: string, at = 'created_at', id = 'id') =>
    after ? sql`(${sql.raw(alias)}.${sql.raw(at)}, ${sql.raw(alias)}.${sql.raw(id)}) < (${instant(after.sortKey)}, ${after.id}::uuid)` : undefined;

  let query: SQL;
  if (seesEveryIncident(actor)) {
    query = sql`select ${SUMMARY_COLUMNS} from incidents i join agencies a on a.id = i.agency_id
      where ${allOf([...filterSql(input, 'i', now), keyset('i')])}
      order by i.created_at desc nulls last, i.id desc nulls last limit ${take}`;
  } else {
    const scope = incidentScopeBranches(actor);
    const own = sql`(select o.id, o.created_at from incidents o
      where ${allOf([scope.own('o'), ...filterSql(input, 'o', now), keyset('o')])}
      order by o.created_at desc nulls last, o.id desc nulls last limit ${take})`;
    const all = sql`(select w.id, w.created_at from incidents w
      where ${allOf([scope.sharedWithAll('w'), ...filterSql(input, 'w', now), keyset('w')])}
      order by w.created_at desc nulls last, w.id desc nulls last limit ${take})`;
    const named = sql`(select n.id, n.created_at from incident_shares s join incidents n on n.id = s.incident_id
      where ${allOf([scope.sharedByName('s', 'n'), ...filterSql(input, 'n', now), keyset('s', 'incident_created_at', 'incident_id')])}
      order by s.incident_created_at desc nulls last, s.incident_id desc nulls last limit ${take})`;
    query = sql`select ${SUMMARY_COLUMNS} from incidents i join agencies a on a.id = i.agency_id
      where i.id in (select id from (${own} union ${all} union ${named}) page)
      order by i.created_at desc nulls last, i.id desc nulls last limit ${take}`;
  }
  const rows = rowsOf<Record<string, unknown>>(await db.execute(query)).map(toSummaryRow);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
}

// ---------------------------------------------------------------------------------------------
// Sorted lists (the list's clickable columns) and bulk selections

/**
 * Each sortable column: the SQL of its key on alias `i`, the type its cursor value is cast back to,
 * a check of a cursor value, and the null order that matches its index (`sort` + `id` in the same
 * direction, so one index serves both directions; see the schema's `incidents_sort_*` indexes;
 * `reported` reads the (created_at desc, id desc) index backwards for ascending).
 */
const SORTS: Record<IncidentSortKey, { key: (alias: string) => SQL; cast: string; valid: (v: string) => boolean; nulls: Record<SortDirection, string> }> = {
  reported: {
    key: (a) => sql.raw(`${a}.created_at`),
    cast: 'timestamptz',
    valid: (v) => ISO_MICROS.test(v),
    nulls: { asc: 'nulls first', desc: 'nulls last' },
  },
  severity: { key: (a) => sql.raw(`${a}.severity`), cast: 'smallint', valid: (v) => /^[0-5]$/.test(v), nulls: { asc: 'nulls last', desc: 'nulls first' } },
  status: {
    key: (a) => sql.raw(`${a}.status`),
    cast: 'incident_status',
    valid: (v) => (INCIDENT_STATUSES as readonly string[]).includes(v),
    nulls: { asc: 'nulls last', desc: 'nulls first' },
  },
  reference: {
    key: (a) => sql.raw(`${a}.reference`),
    cast: 'text',
    valid: (v) => /^INC-\d{4}-\d{6}$/.test(v),
    nulls: { asc: 'nulls last', desc: 'nulls first' },
  },
  // No deadline owed (closed, rejected, merged…) sorts last both ways: +infinity ascending, -infinity descending.
  deadline: {
    key: () => sql``,
    cast: 'timestamptz',
    valid: (v) => v === 'infinity' || v === '-infinity' || ISO_MICROS.test(v),
    nulls: { asc: 'nulls last', desc: 'nulls first' },
  },
};

/** A cursor's instant: UTC with microseconds (what PostgreSQL stores), so the keyset compares exactly. */
const ISO_MICROS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const sortValueSql = (key: SQL, cast: string): SQL =>
  cast === 'timestamptz'
    ? sql`case when isfinite(${key}) then to_char(${key} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') else (${key})::text end`
    : sql`(${key})::text`;

const sortKeySql = (sort: IncidentSortKey, dir: SortDirection, alias: string): SQL =>
  sort === 'deadline'
    ? sql.raw(`coalesce(${alias}.next_obligation_due_at, '${dir === 'asc' ? 'infinity' : '-infinity'}'::timestamptz)`)
    : SORTS[sort].key(alias);

function validSortCursor(cursor: string, sort: IncidentSortKey, dir: SortDirection) {
  const after = decodeCursor(cursor);
  const value = after ? sortCursorValue(after.sortKey, sort, dir) : null;
  if (!after || value === null || !SORTS[sort].valid(value) || !UUID.test(after.id)) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { cursor: ['invalid_cursor'] } });
  }
  return { value, id: after.id };
}

/**
 * The list sorted by one column, keyset on (key, id) in the chosen direction, scoped in SQL. The
 * cursor names the sort, so a cursor of another sort is a bad request rather than a wrong page.
 * Staff read through the one scope predicate (own agency, shared with all, shared by name) on the
 * sort's index, not the three-branch walk of the default order.
 */
async function listSortedIncidentSummaries(
  db: Db,
  actor: Scope,
  input: IncidentFilters & { cursor?: string | undefined; limit: number },
  { sort, dir }: { sort: IncidentSortKey; dir: SortDirection },
  now: Date,
): Promise<{ rows: IncidentSummaryRow[]; nextCursor: string | null }> {
  const after = input.cursor ? validSortCursor(input.cursor, sort, dir) : null;
  const key = sortKeySql(sort, dir, 'i');
  const { cast, nulls } = SORTS[sort];
  const op = sql.raw(dir === 'asc' ? '>' : '<');
  const order = sql.raw(`${dir} ${nulls[dir]}`);
  const keyset = after ? sql`(${key}, i.id) ${op} (${after.value}::${sql.raw(cast)}, ${after.id}::uuid)` : undefined;
  const query = sql`select ${SUMMARY_COLUMNS}, ${sortValueSql(key, cast)} as "sortValue" from incidents i join agencies a on a.id = i.agency_id
    where ${allOf([incidentScopeSql(actor, 'i'), ...filterSql(input, 'i', now), keyset])}
    order by ${key} ${order}, i.id ${order} limit ${input.limit + 1}`;
  const raw = rowsOf<Record<string, unknown>>(await db.execute(query));
  const page = raw.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page.map(toSummaryRow),
    nextCursor: raw.length > input.limit && last ? encodeCursor(sortCursorKey(sort, dir, String(last.sortValue)), String(last.id)) : null,
  };
}

export interface BulkTarget {
  id: string;
  reference: string;
  version: number;
}

/**
 * The incidents a bulk action's filter selects within the actor's scope, oldest first, at most
 * `limit` (the caller asks for one more than its cap to tell "too many" from "exactly the cap").
 */
export async function incidentsMatching(db: Db, actor: Scope, filters: IncidentFilters, limit: number, now: Date = new Date()): Promise<BulkTarget[]> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select i.id, i.reference, i.version from incidents i
      where ${allOf([incidentScopeSql(actor, 'i'), ...filterSql(filters, 'i', now)])}
      order by i.created_at asc nulls first, i.id asc nulls first limit ${limit}`),
  );
  return rows.map((r) => ({ id: String(r.id), reference: String(r.reference), version: Number(r.version) }));
}

/** The references of the incidents among `ids` the actor may read (a bulk answer names only those). */
export async function readableReferences(db: Db, actor: Scope, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = rowsOf<{ id: string; reference: string }>(
    await db.execute(sql`select i.id, i.reference from incidents i
      where ${allOf([
        incidentScopeSql(actor, 'i'),
        sql`i.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ])}`),
  );
  return new Map(rows.map((r) => [String(r.id), String(r.reference)]));
}

// ---------------------------------------------------------------------------------------------
// Detail

export async function getIncidentHeader(db: Db, id: string) {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select a.id as "agencyId", a.code as "agencyCode", a.name as "agencyName", a.name_en as "agencyNameEn",
        u.id as "reporterId", u.name as "reporterName", u.email as "reporterEmail",
        m.id as "mergedIntoId", m.reference as "mergedIntoReference",
        ow.id as "ownerId", ow.name as "ownerName"
      from incidents i join agencies a on a.id = i.agency_id join users u on u.id = i.reporter_id
      left join incidents m on m.id = i.merged_into_id
      left join users ow on ow.id = i.owner_id
      where i.id = ${id}`),
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    agency: { id: String(r.agencyId), code: String(r.agencyCode), name: String(r.agencyName), nameEn: String(r.agencyNameEn) },
    reporter: { id: String(r.reporterId), name: String(r.reporterName), email: String(r.reporterEmail) },
    mergedInto: r.mergedIntoId ? { id: String(r.mergedIntoId), reference: String(r.mergedIntoReference) } : null,
    owner: r.ownerId ? { id: String(r.ownerId), name: String(r.ownerName) } : null,
  };
}

/**
 * The incident's observables, each with the number of *other* incidents the actor may read that
 * saw the same value (so a TLP:RED report of another body never shows up in the count).
 */
export async function listObservablesWithSightings(db: Db, actor: Scope, incidentId: string) {
  const scope = incidentScopeSql(actor, 'i');
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select o.id, o.type, o.value, o.created_at as "createdAt",
        (select count(distinct o2.incident_id)::int from incident_observables o2 join incidents i on i.id = o2.incident_id
          where o2.type = o.type and o2.value = o.value and o2.incident_id <> o.incident_id ${scope ? sql`and ${scope}` : sql``}) as "alsoSeenIn"
      from incident_observables o where o.incident_id = ${incidentId}
      order by o.created_at, o.id`),
  );
  return rows.map((r) => ({
    id: String(r.id),
    type: r.type as ObservableType,
    value: String(r.value),
    createdAt: asDate(r.createdAt),
    alsoSeenIn: Number(r.alsoSeenIn),
  }));
}

/** Incidents the actor may read that share at least one observable value with this one. */
export async function listRelatedIncidents(db: Db, actor: Scope, incidentId: string, limit = 50) {
  const scope = incidentScopeSql(actor, 'i');
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select ${SUMMARY_COLUMNS},
        json_agg(json_build_object('type', o2.type, 'value', o2.value) order by o2.type, o2.value) as "shared"
      from incident_observables o1
      join incident_observables o2 on o2.type = o1.type and o2.value = o1.value and o2.incident_id <> o1.incident_id
      join incidents i on i.id = o2.incident_id
      join agencies a on a.id = i.agency_id
      where o1.incident_id = ${incidentId} ${scope ? sql`and ${scope}` : sql``}
      group by i.id, a.id
      order by count(*) desc, i.created_at desc
      limit ${limit}`),
  );
  return rows.map((r) => ({
    ...toSummaryRow(r),
    shared: (typeof r.shared === 'string' ? JSON.parse(r.shared) : r.shared) as { type: ObservableType; value: string }[],
  }));
}

export async function listIncidentEvents(db: Db, incidentId: string) {
  return db
    .select({
      id: incidentEvents.id,
      at: incidentEvents.at,
      kind: incidentEvents.kind,
      body: incidentEvents.body,
      data: incidentEvents.data,
      visibility: incidentEvents.visibility,
      actorId: users.id,
      actorName: users.name,
      actorAgencyCode: agencies.code,
    })
    .from(incidentEvents)
    .innerJoin(users, eq(users.id, incidentEvents.actorId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(incidentEvents.incidentId, incidentId))
    .orderBy(asc(incidentEvents.at), asc(incidentEvents.id));
}

export async function listShares(db: Db, incidentId: string) {
  return db
    .select({ agencyId: agencies.id, code: agencies.code, name: agencies.name, nameEn: agencies.nameEn, createdAt: incidentShares.createdAt })
    .from(incidentShares)
    .innerJoin(agencies, eq(agencies.id, incidentShares.agencyId))
    .where(eq(incidentShares.incidentId, incidentId))
    .orderBy(asc(agencies.code));
}

export async function listReports(db: Db, incidentId: string) {
  return db
    .select({
      id: incidentReports.id,
      kind: incidentReports.kind,
      body: incidentReports.body,
      submittedAt: incidentReports.submittedAt,
      submittedById: users.id,
      submittedByName: users.name,
    })
    .from(incidentReports)
    .innerJoin(users, eq(users.id, incidentReports.submittedBy))
    .where(eq(incidentReports.incidentId, incidentId))
    .orderBy(asc(incidentReports.submittedAt));
}

/** The active coordinators, by name: who may own an incident (domain incidents/owner.ts). */
export async function listOwnerCandidates(db: Db) {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.role, 'coordinator'), eq(users.active, true), isPerson))
    .orderBy(asc(users.name), asc(users.id));
}

/** One account as an owner candidate (role and whether it is active), or undefined. */
export async function getOwnerCandidate(db: Db, id: string) {
  const [row] = await db
    .select({ id: users.id, role: users.role, active: users.active, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), isPerson));
  return row;
}

/** Active agencies among `ids` (to validate share targets in one query). */
export async function activeAgenciesAmong(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: agencies.id, code: agencies.code, kind: agencies.kind })
    .from(agencies)
    .where(and(inArray(agencies.id, [...ids]), eq(agencies.active, true)));
}
