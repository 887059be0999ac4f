import { sql, type SQL } from 'drizzle-orm';
import { DISPLAY_TIME_ZONE, INCIDENT_STATUSES, type IncidentStatus } from '@anc/domain';
import { rowsOf, type Db } from '../client.ts';
import type { AgencyRefRow } from './initiatives.ts';

/**
 * The Panel's numbers (dashboard.summary). Each statement is answered by an index range whose
 * size is what it counts — never by a pass over every incident:
 *
 * - incidents of the window, nationally: index-only scans of `created_at >= since` on the status,
 *   severity and created_at indexes (dashboardStatements.incidentWindow); one agency's:
 *   `agency_id = X and created_at >= since` on incidents_agency_id_created_at_id_index;
 * - legal deadlines: `next_obligation_due_at < now` (overdue) and `>= now` with `soon_at <= now`
 *   (due soon), two ranges of incidents_next_obligation_idx, whose rows are only incidents that still
 *   owe a report; one agency's: the same two ranges inside that agency, on
 *   incidents_agency_next_obligation_idx (migration 0004);
 * - overdue tasks: `due_at < now` on the partial tasks_active_due_idx (open work only).
 *
 * dashboard.test.ts asserts these plans with EXPLAIN (sequential scans priced out). Measured with
 * EXPLAIN ANALYZE on PostgreSQL 15 (this 2-core machine, shared), 500,000 incidents over three years:
 *   national 90-day window  Bitmap Index Scan on incidents_created_at_id_index, 40,684 rows, 91 ms
 *                           (before it was read index-only: README "Benchmark", bench:panel, has the
 *                           figures at 1,000,000 incidents, 14,464 buffers then, 2,586 now)
 *   SEDENA's window         Bitmap Index Scan on incidents_agency_id_created_at_id_index, 2,141 rows, 3 ms
 *   deadlines, national     incidents_next_obligation_idx, 6,250 overdue rows, 19 ms
 *   deadlines, SEDENA       incidents_agency_next_obligation_idx, 329 rows, 0.7 ms
 * The national window costs what the window holds, not what the table holds.
 */

/** Every status, as a literal array the planner can split into one index descent per value. */
const statusArray = sql.raw(`array[${INCIDENT_STATUSES.map((s) => `'${s}'`).join(', ')}]::incident_status[]`);
const instant = (at: Date) => sql`${at.toISOString()}::timestamptz`;

type Scope = { agencyId?: string | undefined };
const agencyCondition = (column: string, options: Scope): SQL => (options.agencyId ? sql`and ${sql.raw(column)} = ${options.agencyId}` : sql``);

/** The statements, apart so that dashboard.test.ts can EXPLAIN exactly what runs. */
export const dashboardStatements = {
  /**
   * The window's marginals, one row per status, per severity and per Mexico City day (the other two
   * columns null). Nationally: three index-only scans of the window, one per index that holds the
   * counted column beside created_at — (status, created_at, id), (severity, created_at, id) and
   * (created_at, id) — with the leading column pinned to every value it can take (`= any`: one
   * descent per value), so no row of the heap is visited. One agency: one pass over its
   * (agency_id, created_at, id) range, grouped three ways at once.
   */
  incidentWindow: (since: Date, options: Scope = {}) =>
    options.agencyId
      ? sql`select i.status::text as status, i.severity, (i.created_at at time zone ${DISPLAY_TIME_ZONE})::date::text as day, count(*)::int as n
      from incidents i
      where i.created_at >= ${instant(since)} ${agencyCondition('i.agency_id', options)}
      group by grouping sets ((1), (2), (3))`
      : sql`select i.status::text as status, null::smallint as severity, null::text as day, count(*)::int as n
      from incidents i
      where i.status = any(${statusArray}) and i.created_at >= ${instant(since)}
      group by i.status
      union all
      select null, i.severity, null, count(*)::int
      from incidents i
      where i.severity = any(array[0, 1, 2, 3, 4, 5]::smallint[]) and i.created_at >= ${instant(since)}
      group by i.severity
      union all
      select null, null, (i.created_at at time zone ${DISPLAY_TIME_ZONE})::date::text, count(*)::int
      from incidents i
      where i.created_at >= ${instant(since)}
      group by 3`,
  obligations: (now: Date, options: Scope = {}) =>
    sql`select
        (select count(*)::int from incidents i where i.next_obligation_due_at < ${instant(now)} ${agencyCondition('i.agency_id', options)}) as overdue,
        (select count(*)::int from incidents i
          where i.next_obligation_due_at >= ${instant(now)} and i.next_obligation_soon_at <= ${instant(now)} ${agencyCondition('i.agency_id', options)}) as "dueSoon"`,
  overdueTasks: (now: Date, options: Scope = {}) =>
    sql`select a.id, a.code, a.name, a.name_en as "nameEn", o.n
      from (select t.assignee_agency_id, count(*)::int as n from tasks t
            where t.status not in ('done', 'cancelled') and t.due_at < ${instant(now)} ${agencyCondition('t.assignee_agency_id', options)}
            group by t.assignee_agency_id) o
      join agencies a on a.id = o.assignee_agency_id
      order by o.n desc, a.code`,
};

export interface IncidentWindowCounts {
  total: number;
  byStatus: Record<IncidentStatus, number>;
  /** Severity 0–5 → count. */
  bySeverity: number[];
  /** Mexico City day 'YYYY-MM-DD' → incidents filed that day (days without any are absent). */
  byDay: Map<string, number>;
}

/**
 * Incidents filed since `since` (the list's `from` filter is the same `created_at` condition, so
 * each number matches the list it links to), counted by status, by severity and by Mexico City day
 * (dashboardStatements.incidentWindow: nationally an index-only read of the window, no heap row
 * visited once VACUUM has marked the pages all-visible).
 */
export async function incidentWindowCounts(db: Db, since: Date, options: Scope = {}): Promise<IncidentWindowCounts> {
  const rows = rowsOf<{ status: string | null; severity: unknown; day: string | null; n: unknown }>(
    await db.execute(dashboardStatements.incidentWindow(since, options)),
  );
  const byStatus = Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, 0])) as Record<IncidentStatus, number>;
  const bySeverity = [0, 0, 0, 0, 0, 0];
  const byDay = new Map<string, number>();
  let total = 0;
  for (const r of rows) {
    const n = Number(r.n);
    if (r.status !== null) {
      total += n;
      byStatus[r.status as IncidentStatus] += n;
    } else if (r.severity !== null) {
      const severity = Number(r.severity);
      bySeverity[severity] = (bySeverity[severity] ?? 0) + n;
    } else if (r.day !== null) byDay.set(r.day, (byDay.get(r.day) ?? 0) + n);
  }
  return { total, byStatus, bySeverity, byDay };
}

/**
 * Legal deadlines (the next report each incident owes), as the `obligation` filter of
 * incidents.list counts them: overdue = due before now; due soon = not yet due, inside its
 * "due soon" stretch.
 */
export async function obligationCounts(db: Db, now: Date, options: Scope = {}): Promise<{ overdue: number; dueSoon: number }> {
  const [row] = rowsOf<{ overdue: unknown; dueSoon: unknown }>(await db.execute(dashboardStatements.obligations(now, options)));
  return { overdue: Number(row?.overdue ?? 0), dueSoon: Number(row?.dueSoon ?? 0) };
}

/** Open tasks past their due time, per assignee agency (most first), as `tasks.list { overdue: true }` counts them. */
export async function overdueTasksByAgency(db: Db, now: Date, options: Scope = {}): Promise<{ agency: AgencyRefRow; count: number }[]> {
  const rows = rowsOf<Record<string, unknown>>(await db.execute(dashboardStatements.overdueTasks(now, options)));
  return rows.map((r) => ({
    agency: { id: String(r.id), code: String(r.code), name: String(r.name), nameEn: String(r.nameEn) },
    count: Number(r.n),
  }));
}
