import { and, asc, count, eq, inArray, isNotNull, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import {
  DomainError,
  ENCS_OBJECTIVES,
  INITIATIVE_CODE_PATTERN,
  INITIATIVE_STATUSES,
  decodeCursor,
  encodeCursor,
  type EncsObjective,
  type InitiativeFilters,
  type InitiativeStatus,
  type Actor,
  type TaskStatus,
  type TransversalAxis,
} from '@anc/domain';
import { taskScopeSql } from '../scope/tasks.ts';
import { rowsOf, type Db } from '../client.ts';
import { agencies, initiativeKpiValues, initiativeKpis, initiativeMilestones, initiativeParticipants, initiatives, users } from '../schema/index.ts';

export type InitiativeRow = typeof initiatives.$inferSelect;
export type InitiativeInsert = typeof initiatives.$inferInsert;
export type MilestoneRow = typeof initiativeMilestones.$inferSelect;
export type KpiRow = typeof initiativeKpis.$inferSelect;

export interface AgencyRefRow {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

/**
 * Raw results differ by driver (postgres.js parses json and dates, PGlite not always): every raw
 * column that is not plain text is cast to text or json in SQL and read through these.
 */
const asDate = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));
const asJson = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

// ---------------------------------------------------------------------------------------------
// Writes

export async function insertInitiative(tx: Db, values: InitiativeInsert): Promise<InitiativeRow> {
  const [row] = await tx.insert(initiatives).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** Optimistic concurrency: applies only if the row still has the version the caller read; null otherwise. */
export async function updateInitiativeVersioned(tx: Db, id: string, version: number, set: Partial<InitiativeInsert>): Promise<InitiativeRow | null> {
  const [row] = await tx
    .update(initiatives)
    .set({ ...set, version: sql`${initiatives.version} + 1`, updatedAt: new Date() })
    .where(and(eq(initiatives.id, id), eq(initiatives.version, version)))
    .returning();
  return row ?? null;
}

/**
 * One initiative, or undefined. `lock: 'update'` for edits and transitions (two of them take
 * turns and the second sees the new version); `'share'` for milestone and KPI changes, which may
 * run side by side but not beside a transition (no milestone ticked on an initiative being cancelled).
 */
export async function getInitiative(db: Db, id: string, options: { lock?: 'update' | 'share' } = {}): Promise<InitiativeRow | undefined> {
  const query = db.select().from(initiatives).where(eq(initiatives.id, id));
  const [row] = options.lock ? await query.for(options.lock) : await query;
  return row;
}

/** The participating agencies become exactly `agencyIds`; returns the ids added and removed. */
export async function setParticipants(tx: Db, initiativeId: string, agencyIds: readonly string[]): Promise<{ added: string[]; removed: string[] }> {
  const removed = await tx
    .delete(initiativeParticipants)
    .where(
      and(eq(initiativeParticipants.initiativeId, initiativeId), agencyIds.length ? notInArray(initiativeParticipants.agencyId, [...agencyIds]) : undefined),
    )
    .returning({ agencyId: initiativeParticipants.agencyId });
  const added = agencyIds.length
    ? await tx
        .insert(initiativeParticipants)
        .values(agencyIds.map((agencyId) => ({ initiativeId, agencyId })))
        .onConflictDoNothing()
        .returning({ agencyId: initiativeParticipants.agencyId })
    : [];
  return { added: added.map((r) => r.agencyId), removed: removed.map((r) => r.agencyId) };
}

export async function listParticipantIds(db: Db, initiativeId: string): Promise<string[]> {
  const rows = await db
    .select({ agencyId: initiativeParticipants.agencyId })
    .from(initiativeParticipants)
    .where(eq(initiativeParticipants.initiativeId, initiativeId));
  return rows.map((r) => r.agencyId).sort();
}

/** Of these ids, the ones of active agencies (a new lead or participant must be one). */
export async function activeAgencyIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ id: agencies.id })
    .from(agencies)
    .where(and(inArray(agencies.id, [...ids]), eq(agencies.active, true)));
  return new Set(rows.map((r) => r.id));
}

export async function insertMilestone(tx: Db, values: typeof initiativeMilestones.$inferInsert): Promise<MilestoneRow> {
  const [row] = await tx.insert(initiativeMilestones).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function countInitiativeMilestones(db: Db, initiativeId: string, options: { openOnly?: boolean } = {}): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(initiativeMilestones)
    .where(and(eq(initiativeMilestones.initiativeId, initiativeId), options.openOnly ? isNull(initiativeMilestones.doneDate) : undefined));
  return row?.n ?? 0;
}

export async function getMilestone(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<MilestoneRow | undefined> {
  const query = db.select().from(initiativeMilestones).where(eq(initiativeMilestones.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row;
}

/**
 * Marks a milestone done (or open again with `doneDate: null`) only if it is not already in that
 * state; null when it was (a second tick of the same milestone changes nothing).
 */
export async function setMilestoneDone(tx: Db, id: string, done: { doneDate: string; doneBy: string } | null): Promise<MilestoneRow | null> {
  const [row] = await tx
    .update(initiativeMilestones)
    .set(done ? { doneDate: done.doneDate, doneBy: done.doneBy } : { doneDate: null, doneBy: null })
    .where(and(eq(initiativeMilestones.id, id), done ? isNull(initiativeMilestones.doneDate) : isNotNull(initiativeMilestones.doneDate)))
    .returning();
  return row ?? null;
}

export async function insertKpi(tx: Db, values: typeof initiativeKpis.$inferInsert): Promise<KpiRow> {
  const [row] = await tx.insert(initiativeKpis).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function countInitiativeKpis(db: Db, initiativeId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(initiativeKpis).where(eq(initiativeKpis.initiativeId, initiativeId));
  return row?.n ?? 0;
}

export async function getKpi(db: Db, id: string): Promise<KpiRow | undefined> {
  const [row] = await db.select().from(initiativeKpis).where(eq(initiativeKpis.id, id));
  return row;
}

export async function insertKpiValue(tx: Db, values: { kpiId: string; value: string; at: Date; recordedBy: string }) {
  const [row] = await tx.insert(initiativeKpiValues).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

// ---------------------------------------------------------------------------------------------
// Lists

export interface InitiativeSummaryRow {
  id: string;
  code: string;
  title: string;
  objective: EncsObjective;
  axes: TransversalAxis[];
  status: InitiativeStatus;
  leadAgency: AgencyRefRow;
  startDate: string;
  endDate: string;
  budgetMxn: string;
  version: number;
  updatedAt: Date;
  milestones: { total: number; done: number; late: number };
}

/** `%q%` for ILIKE, with the pattern characters of q taken literally. */
const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filterSql(filters: InitiativeFilters): SQL[] {
  const out: SQL[] = [];
  if (filters.objective) out.push(sql`i.objective = ${filters.objective}::encs_objective`);
  if (filters.axis) out.push(sql`${filters.axis}::transversal_axis = any(i.axes)`);
  if (filters.status?.length)
    out.push(
      sql`i.status in (${sql.join(
        filters.status.map((s) => sql`${s}::initiative_status`),
        sql`, `,
      )})`,
    );
  if (filters.leadAgencyId) out.push(sql`i.lead_agency_id = ${filters.leadAgencyId}`);
  if (filters.agencyId) {
    out.push(sql`(i.lead_agency_id = ${filters.agencyId}
      or exists (select 1 from initiative_participants p where p.initiative_id = i.id and p.agency_id = ${filters.agencyId}))`);
  }
  if (filters.q) {
    const p = containsPattern(filters.q);
    out.push(sql`(i.code ilike ${p} or i.title ilike ${p} or i.description ilike ${p})`);
  }
  return out;
}

const allOf = (parts: readonly (SQL | undefined)[]) => {
  const present = parts.filter((p): p is SQL => p !== undefined);
  return present.length ? sql.join(present, sql` and `) : sql`true`;
};

/** A cursor this list handed out (objective, code), or BAD_REQUEST. */
function validCursor(cursor: string): { objective: EncsObjective; code: string } {
  const after = decodeCursor(cursor);
  if (!after || !(ENCS_OBJECTIVES as readonly string[]).includes(after.sortKey) || !INITIATIVE_CODE_PATTERN.test(after.id)) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { cursor: ['invalid_cursor'] } });
  }
  return { objective: after.sortKey as EncsObjective, code: after.id };
}

/** The milestone counts of initiative `i` as of the Mexico City day `today` (a cancelled one owes none: never late, as the domain's `milestonesStillOwed`). */
const milestoneCountsSql = (today: string) => sql`left join lateral (
    select count(*)::int as total, count(m.done_date)::int as done,
      count(*) filter (where m.done_date is null and m.due_date < ${today}::date and i.status <> 'cancelled')::int as late
    from initiative_milestones m where m.initiative_id = i.id) ms on true`;

const SUMMARY_COLUMNS = sql`i.id, i.code, i.title, i.objective::text as objective, to_json(i.axes)::text as axes, i.status::text as status,
  a.id as "leadId", a.code as "leadCode", a.name as "leadName", a.name_en as "leadNameEn",
  i.start_date::text as "startDate", i.end_date::text as "endDate", i.budget_mxn::text as "budgetMxn",
  i.version, i.updated_at as "updatedAt", ms.total, ms.done, ms.late`;

function toSummaryRow(r: Record<string, unknown>): InitiativeSummaryRow {
  return {
    id: String(r.id),
    code: String(r.code),
    title: String(r.title),
    objective: r.objective as EncsObjective,
    axes: asJson<TransversalAxis[]>(r.axes),
    status: r.status as InitiativeStatus,
    leadAgency: { id: String(r.leadId), code: String(r.leadCode), name: String(r.leadName), nameEn: String(r.leadNameEn) },
    startDate: String(r.startDate),
    endDate: String(r.endDate),
    budgetMxn: String(r.budgetMxn),
    version: Number(r.version),
    updatedAt: asDate(r.updatedAt),
    milestones: { total: Number(r.total), done: Number(r.done), late: Number(r.late) },
  };
}

/**
 * The registry in the order it is read: by strategic objective (in the strategy's order: the
 * enum's) and code, keyset on (objective, code) — the order of the (objective, code) index.
 * The plan holds tens to hundreds of initiatives, so the filters other than those are plain conditions.
 */
export async function listInitiativeSummaries(
  db: Db,
  input: InitiativeFilters & { cursor?: string | undefined; limit: number },
  today: string,
): Promise<{ rows: InitiativeSummaryRow[]; nextCursor: string | null }> {
  const after = input.cursor ? validCursor(input.cursor) : null;
  const keyset = after ? sql`(i.objective, i.code) > (${after.objective}::encs_objective, ${after.code})` : undefined;
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select ${SUMMARY_COLUMNS}
      from initiatives i join agencies a on a.id = i.lead_agency_id ${milestoneCountsSql(today)}
      where ${allOf([...filterSql(input), keyset])}
      order by i.objective, i.code limit ${input.limit + 1}`),
  ).map(toSummaryRow);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > input.limit && last ? encodeCursor(last.objective, last.code) : null };
}

export async function getInitiativeSummary(db: Db, id: string, today: string): Promise<InitiativeSummaryRow | undefined> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select ${SUMMARY_COLUMNS}
      from initiatives i join agencies a on a.id = i.lead_agency_id ${milestoneCountsSql(today)}
      where i.id = ${id}`),
  );
  return rows[0] ? toSummaryRow(rows[0]) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Detail

export async function getInitiativeHeader(db: Db, initiative: Pick<InitiativeRow, 'leadAgencyId' | 'createdBy'>) {
  const [lead] = await db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, nameEn: agencies.nameEn })
    .from(agencies)
    .where(eq(agencies.id, initiative.leadAgencyId));
  const [creator] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, initiative.createdBy));
  if (!lead || !creator) throw new Error('initiative header missing');
  return { leadAgency: lead, createdBy: creator };
}

export async function listParticipants(db: Db, initiativeId: string): Promise<AgencyRefRow[]> {
  return db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, nameEn: agencies.nameEn })
    .from(initiativeParticipants)
    .innerJoin(agencies, eq(agencies.id, initiativeParticipants.agencyId))
    .where(eq(initiativeParticipants.initiativeId, initiativeId))
    .orderBy(asc(agencies.code));
}

/** Milestones in the order they fall due, with who marked them done. */
export async function listMilestones(db: Db, initiativeId: string) {
  return db
    .select({
      id: initiativeMilestones.id,
      title: initiativeMilestones.title,
      dueDate: initiativeMilestones.dueDate,
      doneDate: initiativeMilestones.doneDate,
      doneById: users.id,
      doneByName: users.name,
      createdAt: initiativeMilestones.createdAt,
    })
    .from(initiativeMilestones)
    .leftJoin(users, eq(users.id, initiativeMilestones.doneBy))
    .where(eq(initiativeMilestones.initiativeId, initiativeId))
    .orderBy(asc(initiativeMilestones.dueDate), asc(initiativeMilestones.createdAt), asc(initiativeMilestones.id));
}

/** KPIs in the order they were added, each with its whole history (oldest first; the last is the current value). */
export async function listKpisWithValues(db: Db, initiativeId: string) {
  const kpis = await db
    .select()
    .from(initiativeKpis)
    .where(eq(initiativeKpis.initiativeId, initiativeId))
    .orderBy(asc(initiativeKpis.createdAt), asc(initiativeKpis.id));
  if (kpis.length === 0) return [];
  const values = await db
    .select({
      id: initiativeKpiValues.id,
      kpiId: initiativeKpiValues.kpiId,
      value: initiativeKpiValues.value,
      at: initiativeKpiValues.at,
      recordedById: users.id,
      recordedByName: users.name,
    })
    .from(initiativeKpiValues)
    .innerJoin(users, eq(users.id, initiativeKpiValues.recordedBy))
    .where(
      inArray(
        initiativeKpiValues.kpiId,
        kpis.map((k) => k.id),
      ),
    )
    .orderBy(asc(initiativeKpiValues.kpiId), asc(initiativeKpiValues.at), asc(initiativeKpiValues.id));
  return kpis.map((k) => ({ ...k, values: values.filter((v) => v.kpiId === k.id) }));
}

export interface InitiativeTaskRow {
  id: string;
  reference: string;
  title: string;
  status: TaskStatus;
  dueAt: Date;
  assigneeAgency: AgencyRefRow;
}

/**
 * The tasks that carry the initiative out (tasks.initiative_id) that the actor may read (the task
 * scope of `tasks.list`, `taskScopeSql`), soonest due first, and how many others there are: the
 * registry is public, another agency's tasks are not (issue 10, defect 12).
 */
export async function listInitiativeTasks(
  db: Db,
  actor: Pick<Actor, 'role' | 'agencyId'>,
  initiativeId: string,
  limit = 200,
): Promise<{ rows: InitiativeTaskRow[]; hiddenCount: number }> {
  const scope = taskScopeSql(actor, 't');
  const [rows, hidden] = await Promise.all([
    db.execute(sql`select t.id, t.reference, t.title, t.status, t.due_at as "dueAt",
        a.id as "agencyId", a.code as "agencyCode", a.name as "agencyName", a.name_en as "agencyNameEn"
      from tasks t join agencies a on a.id = t.assignee_agency_id
      where t.initiative_id = ${initiativeId} ${scope ? sql`and ${scope}` : sql``}
      order by t.due_at, t.id limit ${limit}`),
    scope ? db.execute(sql`select count(*)::int as n from tasks t where t.initiative_id = ${initiativeId} and not ${scope}`) : Promise.resolve([{ n: 0 }]),
  ]);
  return {
    rows: rowsOf<Record<string, unknown>>(rows).map((r) => ({
      id: String(r.id),
      reference: String(r.reference),
      title: String(r.title),
      status: r.status as TaskStatus,
      dueAt: r.dueAt instanceof Date ? r.dueAt : new Date(String(r.dueAt)),
      assigneeAgency: { id: String(r.agencyId), code: String(r.agencyCode), name: String(r.agencyName), nameEn: String(r.agencyNameEn) },
    })),
    hiddenCount: Number(rowsOf<{ n: number }>(hidden)[0]?.n ?? 0),
  };
}

// ---------------------------------------------------------------------------------------------
// The plan as a whole

export interface ObjectiveProgressRow {
  objective: EncsObjective;
  /** Initiatives not cancelled. */
  initiatives: number;
  /** Cancelled initiatives: listed under the objective in the registry, left out of its totals. */
  cancelled: number;
  milestones: { total: number; done: number; late: number };
  /** Sum of the budgets of the initiatives not cancelled, summed as numeric in SQL. */
  budgetMxn: string;
}

export interface PlanSummaryRow {
  byStatus: Record<InitiativeStatus, number>;
  byObjective: ObjectiveProgressRow[];
  milestones: { total: number; done: number; late: number };
  totalBudgetMxn: string;
}

/**
 * The registry header and the Panel's plan progress: initiatives by status; per objective the
 * initiatives, milestones (done, late) and budget of what is not cancelled (a cancelled initiative
 * no longer spends or owes anything). With `agencyId`, only what that agency leads or takes part in.
 * Money is summed as numeric and read as text: no float on the way.
 */
export async function planSummary(db: Db, today: string, options: { agencyId?: string | undefined } = {}): Promise<PlanSummaryRow> {
  const scope = options.agencyId
    ? sql`(i.lead_agency_id = ${options.agencyId}
        or exists (select 1 from initiative_participants p where p.initiative_id = i.id and p.agency_id = ${options.agencyId}))`
    : sql`true`;
  const statusRows = rowsOf<{ status: string; n: unknown }>(
    await db.execute(sql`select i.status::text as status, count(*)::int as n from initiatives i where ${scope} group by i.status`),
  );
  const objectiveRows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select i.objective::text as objective,
        count(*) filter (where i.status <> 'cancelled')::int as initiatives,
        count(*) filter (where i.status = 'cancelled')::int as cancelled,
        coalesce(sum(ms.total) filter (where i.status <> 'cancelled'), 0)::int as total,
        coalesce(sum(ms.done) filter (where i.status <> 'cancelled'), 0)::int as done,
        coalesce(sum(ms.late) filter (where i.status <> 'cancelled'), 0)::int as late,
        coalesce(sum(i.budget_mxn) filter (where i.status <> 'cancelled'), 0.00)::text as budget
      from initiatives i ${milestoneCountsSql(today)}
      where ${scope}
      group by i.objective`),
  );
  const [total] = rowsOf<{ budget: string }>(
    await db.execute(sql`select coalesce(sum(i.budget_mxn), 0.00)::text as budget from initiatives i where ${scope} and i.status <> 'cancelled'`),
  );
  const byStatus = Object.fromEntries(INITIATIVE_STATUSES.map((s) => [s, 0])) as Record<InitiativeStatus, number>;
  for (const r of statusRows) byStatus[r.status as InitiativeStatus] = Number(r.n);
  const found = new Map(objectiveRows.map((r) => [String(r.objective), r]));
  const byObjective = ENCS_OBJECTIVES.map((objective): ObjectiveProgressRow => {
    const r = found.get(objective);
    return {
      objective,
      initiatives: Number(r?.initiatives ?? 0),
      cancelled: Number(r?.cancelled ?? 0),
      milestones: { total: Number(r?.total ?? 0), done: Number(r?.done ?? 0), late: Number(r?.late ?? 0) },
      budgetMxn: r ? String(r.budget) : '0.00',
    };
  });
  const milestones = byObjective.reduce(
    (acc, o) => ({ total: acc.total + o.milestones.total, done: acc.done + o.milestones.done, late: acc.late + o.milestones.late }),
    { total: 0, done: 0, late: 0 },
  );
  return { byStatus, byObjective, milestones, totalBudgetMxn: total?.budget ?? '0.00' };
}
