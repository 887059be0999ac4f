// The Panel's statements: their numbers against a count made by hand, and their plans — each one
// must be answerable from an index range (EXPLAIN with sequential scans priced out: if the
// planner still scans the table, no index can answer the statement).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { INCIDENT_STATUSES, lastMexicoCityDays, mexicoCityDate, mexicoCityDayStart } from '@anc/domain';
import { rowsOf } from '../client.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { seedDemoData, seedReferenceData } from '../seed.ts';
import { agencies, incidents, tasks, users } from '../schema/index.ts';
import { dashboardStatements, incidentWindowCounts, obligationCounts, overdueTasksByAgency } from './dashboard.ts';

let t: TestDatabase;
const now = new Date('2026-11-21T18:00:00Z');
const DAY = 86_400_000;
const ids = { sedena: '', semar: '', reporter: '', coordinator: '' };
const made: { agencyId: string; createdAt: Date; status: string; severity: number; dueAt: Date | null; soonAt: Date | null }[] = [];

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'not-a-real-hash' });
  const byCode = new Map((await t.db.select().from(agencies)).map((a) => [a.code, a.id]));
  const byEmail = new Map((await t.db.select().from(users)).map((u) => [u.email, u.id]));
  ids.sedena = byCode.get('SEDENA') ?? '';
  ids.semar = byCode.get('SEMAR') ?? '';
  ids.reporter = byEmail.get('enlace@sedena.gob.mx') ?? '';
  ids.coordinator = byEmail.get('coordinacion@anc.gob.mx') ?? '';
  const statuses = ['submitted', 'triaged', 'investigating', 'resolved', 'closed'] as const;
  const values = Array.from({ length: 240 }, (_, n) => {
    // Every 20 hours back over 200 days: both sides of the 90-day window, and of Mexico City midnights.
    const createdAt = new Date(now.getTime() - n * 20 * 3_600_000);
    const dueAt = n % 3 === 0 ? null : new Date(now.getTime() + ((n % 7) - 3) * DAY);
    const row = {
      agencyId: n % 4 === 0 ? ids.semar : ids.sedena,
      createdAt,
      status: statuses[n % statuses.length] ?? 'submitted',
      severity: n % 6,
      dueAt,
      soonAt: dueAt ? new Date(dueAt.getTime() - DAY) : null,
    };
    made.push(row);
    return {
      reference: `INC-2026-${String(n + 1).padStart(6, '0')}`,
      agencyId: row.agencyId,
      reporterId: ids.reporter,
      title: `Incidente ${n}`,
      description: 'Prueba del Panel.',
      rsitClass: 'other' as const,
      severity: row.severity,
      tlp: 'AMBER' as const,
      status: row.status,
      detectedAt: createdAt,
      awareAt: createdAt,
      personalData: false,
      criticalService: false,
      crossBorder: false,
      nextObligationKind: dueAt ? ('notification' as const) : null,
      nextObligationDueAt: row.dueAt,
      nextObligationSoonAt: row.soonAt,
      createdAt,
    };
  });
  await t.db.insert(incidents).values(values);
  await t.db.insert(tasks).values(
    Array.from({ length: 12 }, (_, n) => ({
      reference: `TSK-2026-${String(n + 1).padStart(6, '0')}`,
      title: `Tarea ${n}`,
      status: (['open', 'in_progress', 'done', 'cancelled'] as const)[n % 4],
      dueAt: new Date(now.getTime() + (n % 2 === 0 ? -DAY : DAY)),
      assigneeAgencyId: n % 3 === 0 ? ids.semar : ids.sedena,
      creatorId: ids.coordinator,
    })),
  );
  // Statistics as a running server keeps them: the planner then prices the partial index of open
  // work below the list's full (due_at, id) sort index (schema/tasks.ts).
  await t.db.execute(sql`analyze tasks`);
  // A settled table, as autovacuum leaves it: VACUUM marks its pages all-visible, which is what
  // lets an index-only scan skip the heap.
  await t.db.execute(sql`vacuum (analyze) incidents`);
});
afterAll(() => t.close());

const since = mexicoCityDayStart(lastMexicoCityDays(now, 90)[0] ?? '');

describe('dashboard counts', () => {
  it('counts the 90-day window by status, severity and Mexico City day, nationally and for one agency', async () => {
    for (const agencyId of [undefined, ids.sedena]) {
      const inWindow = made.filter((m) => m.createdAt >= since && (!agencyId || m.agencyId === agencyId));
      const counts = await incidentWindowCounts(t.db, since, { agencyId });
      expect(counts.total).toBe(inWindow.length);
      expect(counts.byStatus.investigating).toBe(inWindow.filter((m) => m.status === 'investigating').length);
      expect(counts.bySeverity).toEqual([0, 1, 2, 3, 4, 5].map((s) => inWindow.filter((m) => m.severity === s).length));
      const byDay = new Map<string, number>();
      for (const m of inWindow) byDay.set(mexicoCityDate(m.createdAt), (byDay.get(mexicoCityDate(m.createdAt)) ?? 0) + 1);
      expect(Object.fromEntries(counts.byDay)).toEqual(Object.fromEntries(byDay));
    }
  });

  it('pins the status index to every status the column can hold (the national window counts by INCIDENT_STATUSES)', async () => {
    const [row] = rowsOf<{ statuses: string[] }>(await t.db.execute(sql`select enum_range(null::incident_status)::text[] as statuses`));
    expect(row?.statuses).toEqual([...INCIDENT_STATUSES]);
  });

  it('counts overdue and due-soon obligations as the incident list filters them', async () => {
    for (const agencyId of [undefined, ids.semar]) {
      const mine = made.filter((m) => !agencyId || m.agencyId === agencyId);
      expect(await obligationCounts(t.db, now, { agencyId })).toEqual({
        overdue: mine.filter((m) => m.dueAt && m.dueAt < now).length,
        dueSoon: mine.filter((m) => m.dueAt && m.soonAt && m.dueAt >= now && m.soonAt <= now).length,
      });
    }
  });

  it('counts open overdue tasks per agency', async () => {
    const all = await overdueTasksByAgency(t.db, now);
    // n even → overdue; n % 4 of 0 or 2 → open or done: only the open ones (n = 0, 4, 8) count.
    expect(all.map((r) => [r.agency.code, r.count])).toEqual([
      ['SEDENA', 2],
      ['SEMAR', 1],
    ]);
    expect((await overdueTasksByAgency(t.db, now, { agencyId: ids.semar })).map((r) => r.agency.code)).toEqual(['SEMAR']);
  });
});

/** The plan's scan nodes, with sequential scans (and optionally bitmap scans) priced out of the running. */
async function plan(statement: SQL, options: { bitmap?: boolean } = {}): Promise<string> {
  return t.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    // Bitmap scans priced out too where an index-only read is asserted (see analyzedScans).
    if (options.bitmap === false) await tx.execute(sql`set local enable_bitmapscan = off`);
    const rows = rowsOf<Record<string, string>>(await tx.execute(sql`explain ${statement}`));
    return rows.map((r) => Object.values(r)[0]).join('\n');
  });
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Heap Fetches'?: number;
  'Actual Rows'?: number;
  Plans?: PlanNode[];
}

/**
 * The scans of incidents in EXPLAIN (ANALYZE, BUFFERS) of the statement, as run, with sequential
 * and bitmap scans priced out: on these 240 rows (a few heap pages) reading the heap is rightly
 * cheapest; what is asserted is that an index answers the statement without the heap. At 1,000,000
 * incidents the planner picks the index-only scans by itself (README, "Benchmark": the Panel).
 */
async function analyzedScans(statement: SQL): Promise<PlanNode[]> {
  const rows = await t.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    await tx.execute(sql`set local enable_bitmapscan = off`);
    return rowsOf<Record<string, unknown>>(await tx.execute(sql`explain (analyze, buffers, format json) ${statement}`));
  });
  const raw = Object.values(rows[0] ?? {})[0];
  const doc = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const out: PlanNode[] = [];
  const walk = (n: PlanNode) => {
    if (n['Relation Name'] === 'incidents') out.push(n);
    for (const c of n.Plans ?? []) walk(c);
  };
  for (const d of doc) walk(d.Plan);
  return out;
}

describe('dashboard plans (EXPLAIN)', () => {
  it('reads the national window index-only (status, severity and day indexes) and one agency’s from the agency index', async () => {
    const national = await plan(dashboardStatements.incidentWindow(since), { bitmap: false });
    for (const index of ['incidents_status_created_at_id_index', 'incidents_severity_created_at_id_index', 'incidents_created_at_id_index']) {
      expect(national).toMatch(new RegExp(`Index Only Scan using ${index} on incidents`));
    }
    expect(national).not.toMatch(/Seq Scan on incidents|Heap Scan on incidents|Index Scan using \w+ on incidents/);
    const agency = await plan(dashboardStatements.incidentWindow(since, { agencyId: ids.sedena }));
    expect(agency).toMatch(/incidents_agency_id_created_at_id_index/);
    expect(agency).not.toMatch(/Seq Scan on incidents/);
  });

  it('visits no heap row for the national window once the table is vacuumed (EXPLAIN ANALYZE: heap fetches 0)', async () => {
    const nodes = await analyzedScans(dashboardStatements.incidentWindow(since));
    expect(nodes.map((n) => n['Node Type'])).toEqual(['Index Only Scan', 'Index Only Scan', 'Index Only Scan']);
    expect(nodes.map((n) => n['Heap Fetches'])).toEqual([0, 0, 0]);
    // The three scans together read the window three times over, and nothing else.
    const inWindow = made.filter((m) => m.createdAt >= since).length;
    expect(nodes.map((n) => n['Actual Rows'])).toEqual([inWindow, inWindow, inWindow]);
  });

  it('reads the deadlines from the next-obligation indexes, both ranges, nationally and for one agency', async () => {
    const national = await plan(dashboardStatements.obligations(now));
    expect(national.match(/incidents_next_obligation_idx/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(national).not.toMatch(/Seq Scan on incidents/);
    const agency = await plan(dashboardStatements.obligations(now, { agencyId: ids.sedena }));
    expect(agency.match(/incidents_agency_next_obligation_idx/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
    expect(agency).not.toMatch(/Seq Scan on incidents/);
  });

  it('reads overdue tasks from the partial index of open work', async () => {
    const p = await plan(dashboardStatements.overdueTasks(now));
    expect(p).toMatch(/tasks_active_due_idx/);
    expect(p).not.toMatch(/Seq Scan on tasks/);
  });
});
