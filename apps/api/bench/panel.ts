// The Panel and the tasks' free-text search (`bench:panel`, issue 16): on the incident bench's
// database (seeded by `pnpm bench`, reused here), the statements of the national 90-day window
// and of `tasks.list { q }` under EXPLAIN (ANALYZE, BUFFERS), before and after the change, and the
// whole dashboard.summary and tasks.list use cases in process, each repeated and reported as
// medians. Settings: the BENCH_* variables of config.ts (BENCH_REUSE is implied), plus
// BENCH_PANEL_TASKS (tasks to hold, default one per five incidents) and BENCH_PANEL_RUNS (5).
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { dashboardStatements, listTaskSummaries, rowsOf, type Db } from '@anc/db';
import { DISPLAY_TIME_ZONE, lastMexicoCityDays, mexicoCityDayStart, type Actor } from '@anc/domain';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { summarizeDashboard } from '../src/modules/dashboard/summarize-dashboard.ts';
import type { UseCaseContext } from '../src/modules/use-case.ts';
import { RESULTS_DIR, loadBenchConfig } from './config.ts';
import { prepareBenchDatabase } from './seed.ts';
import { TITLE_OPENINGS, TITLE_PLACES, TITLE_TARGETS, sqlTextArray } from './vocabulary.ts';

const extra = z
  .object({ BENCH_PANEL_TASKS: z.coerce.number().int().positive().optional(), BENCH_PANEL_RUNS: z.coerce.number().int().positive().default(5) })
  .parse(process.env);

/** The national window as dashboard.ts read it before issue 16: one pass, the heap visited for status and severity. */
const windowBefore = (since: Date) =>
  sql`select i.status::text as status, i.severity, (i.created_at at time zone ${DISPLAY_TIME_ZONE})::date::text as day, count(*)::int as n
    from incidents i
    where i.created_at >= ${since.toISOString()}::timestamptz
    group by 1, 2, 3`;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  'Heap Fetches'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

interface Explained {
  executionMs: number;
  scans: string[];
  heapFetches: number;
  buffers: number;
}

async function explain(db: Db, statement: SQL): Promise<Explained> {
  const rows = rowsOf<Record<string, unknown>>(await db.execute(sql`explain (analyze, buffers, format json) ${statement}`));
  const raw = Object.values(rows[0] ?? {})[0];
  const [doc] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode; 'Execution Time': number }[];
  if (!doc) throw new Error('EXPLAIN returned no plan');
  const scans: string[] = [];
  let heapFetches = 0;
  const walk = (n: PlanNode) => {
    if (/Scan/.test(n['Node Type']) && n['Node Type'] !== 'Subquery Scan') {
      scans.push(`${n['Node Type']} ${n['Index Name'] ?? n['Relation Name'] ?? '?'}: ${(n['Actual Rows'] ?? 0) * (n['Actual Loops'] ?? 1)} rows`);
    }
    heapFetches += n['Heap Fetches'] ?? 0;
    for (const c of n.Plans ?? []) walk(c);
  };
  walk(doc.Plan);
  return { executionMs: doc['Execution Time'], scans, heapFetches, buffers: (doc.Plan['Shared Hit Blocks'] ?? 0) + (doc.Plan['Shared Read Blocks'] ?? 0) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

async function repeat<T>(runs: number, fn: () => Promise<T>): Promise<{ ms: number[]; last: T }> {
  const ms: number[] = [];
  let last = await fn(); // warm-up, not counted
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    last = await fn();
    ms.push(performance.now() - t);
  }
  return { ms, last };
}

/** `fn` inside a transaction that hides the trigram index (DROP INDEX, rolled back): the plan before migration 0026. */
async function withoutTrigramIndex<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  let out: T | undefined;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`drop index tasks_search_trgm_idx`);
      out = await fn(tx as unknown as Db);
      throw new RollBack();
    })
    .catch((e: unknown) => {
      if (!(e instanceof RollBack)) throw e;
    });
  if (out === undefined) throw new Error('no result without the trigram index');
  return out;
}
class RollBack extends Error {}

async function ensureTasks(db: Db, target: number, assigneeIds: string[], creatorId: string) {
  const [row] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from tasks`));
  const have = Number(row?.n ?? 0);
  if (have >= target) return { inserted: 0, seconds: 0 };
  const t = performance.now();
  const batch = 50_000;
  for (let from = have; from < target; from += batch) {
    const to = Math.min(target, from + batch);
    // Titles from the incidents' vocabulary plus a number; references TSK-B-NNNNNNN (no clash with TSK-YYYY-…).
    await db.execute(
      sql.raw(`insert into tasks (reference, title, due_at, assignee_agency_id, creator_id, status, created_at, updated_at, status_changed_at)
        select 'TSK-B-' || lpad(g::text, 7, '0'),
          (${sqlTextArray(TITLE_OPENINGS)})[1 + g % ${TITLE_OPENINGS.length}] || ' ' || (${sqlTextArray(TITLE_TARGETS)})[1 + (g / 7) % ${TITLE_TARGETS.length}]
            || ' ' || (${sqlTextArray(TITLE_PLACES)})[1 + (g / 53) % ${TITLE_PLACES.length}] || ' (lote ' || g || ')',
          now() + ((g % 120) - 60) * interval '1 day',
          (${sqlTextArray(assigneeIds)})[1 + g % ${assigneeIds.length}]::uuid,
          '${creatorId}'::uuid,
          (array['open', 'in_progress', 'done', 'cancelled']::task_status[])[1 + g % 4],
          now() - (${target} - g) * interval '5 minutes', now(), now()
        from generate_series(${from + 1}, ${to}) g`),
    );
    process.stdout.write(`\rtasks ${to}/${target}`);
  }
  process.stdout.write('\n');
  await db.execute(sql`vacuum (analyze) tasks`);
  return { inserted: target - have, seconds: (performance.now() - t) / 1000 };
}

async function main() {
  const cfg = { ...loadBenchConfig(), reuse: true };
  const runs = extra.BENCH_PANEL_RUNS;
  console.log(`bench:panel on ${cfg.db}${cfg.db === 'postgres' ? ` (${cfg.pgDatabase})` : ''}, ${cfg.incidents} incidents, ${runs} runs each (medians)`);
  console.log(
    `load average before: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} on ${os.cpus().length} cores`,
  );
  const prepared = await prepareBenchDatabase(cfg);
  const { db } = prepared.database;
  try {
    const [coordinator] = rowsOf<{ id: string; agencyId: string; agencyKind: Actor['agencyKind'] }>(
      await db.execute(
        sql`select u.id, u.agency_id as "agencyId", a.kind as "agencyKind" from users u join agencies a on a.id = u.agency_id where u.email = 'coordinacion@anc.gob.mx'`,
      ),
    );
    if (!coordinator) throw new Error('coordinator account missing');
    const agencyIds = rowsOf<{ id: string }>(await db.execute(sql`select id from agencies where code <> 'ANC' order by code`)).map((r) => r.id);
    const tasksTarget = extra.BENCH_PANEL_TASKS ?? Math.round(prepared.seed.incidents / 5);
    const taskSeed = await ensureTasks(db, tasksTarget, agencyIds, coordinator.id);
    const actor: Actor = { userId: coordinator.id, role: 'coordinator', agencyId: coordinator.agencyId, agencyKind: coordinator.agencyKind, locale: 'es-MX' };

    const now = new Date();
    const since = mexicoCityDayStart(lastMexicoCityDays(now, 90)[0] ?? '');
    const results: Record<string, unknown> = {};
    const report = (key: string, ms: number[], plan?: Explained) => {
      results[key] = { medianMs: median(ms), ms, plan };
      const planText = plan ? ` | ${plan.scans.join('; ')} | heap fetches ${plan.heapFetches}, buffers ${plan.buffers}` : '';
      console.log(`${key.padEnd(34)} median ${median(ms).toFixed(1).padStart(7)} ms${planText}`);
    };
    // EXPLAIN ANALYZE execution times (the server's own clock), median of the runs.
    const execMedian = async (key: string, run: () => Promise<Explained>) => {
      const all: Explained[] = [];
      await run();
      for (let i = 0; i < runs; i++) all.push(await run());
      const last = all[all.length - 1];
      report(
        key,
        all.map((e) => e.executionMs),
        last,
      );
    };

    await execMedian('window.national.before (SQL)', () => explain(db, windowBefore(since)));
    await execMedian('window.national.after (SQL)', () => explain(db, dashboardStatements.incidentWindow(since)));
    // The same two statements as sent (no EXPLAIN instrumentation), timed by the client.
    report('window.national.before (wall)', (await repeat(runs, () => db.execute(windowBefore(since)))).ms);
    report('window.national.after (wall)', (await repeat(runs, () => db.execute(dashboardStatements.incidentWindow(since)))).ms);
    const ctx: UseCaseContext = { db, actor, origin: { requestId: 'bench-panel', ip: '127.0.0.1', userAgent: 'anc-bench' }, locale: 'es-MX', sealer: null };
    const summary = await repeat(runs, () => summarizeDashboard(ctx, now));
    report('dashboard.summary (use case)', summary.ms);

    // Two searches: a word in about one task in 700 (TITLE_PLACES × TITLE_TARGETS), and one in none
    // (without the index the list walks every task to find out).
    const [sample] = rowsOf<{ title: string }>(
      await db.execute(sql`select title from tasks where reference like 'TSK-B-%' order by reference limit 1 offset 4242`),
    );
    const rare = (sample?.title.match(/\(lote \d+\)/)?.[0] ?? 'lote 4243').slice(1, -1);
    for (const [name, q] of [
      ['rare', rare],
      ['absent', 'zzqxj inexistente'],
    ] as const) {
      const statement = () =>
        sql`select t.id from tasks t where (t.title ilike ${`%${q}%`} or t.reference ilike ${`%${q}%`}) order by t.created_at desc nulls last, t.id desc nulls last limit 26`;
      await execMedian(`tasks.q.${name}.before (SQL)`, () => withoutTrigramIndex(db, (tx) => explain(tx, statement())));
      await execMedian(`tasks.q.${name}.after (SQL)`, () => explain(db, statement()));
      const list = await repeat(runs, () => listTaskSummaries(db, actor, { q, limit: 25 }, now));
      report(`tasks.list q ${name} (use case)`, list.ms);
    }

    const file = `${RESULTS_DIR}panel-${cfg.db}-${prepared.seed.incidents}.json`;
    const out = {
      at: new Date().toISOString(),
      db: cfg.db,
      incidents: prepared.seed.incidents,
      tasks: tasksTarget,
      taskSeed,
      runs,
      loadAverageAfter: os.loadavg(),
      cores: os.cpus().length,
      results,
    };
    writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
    console.log(
      `load average after: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; results: ${file}`,
    );
  } finally {
    await prepared.database.close();
  }
}

await main();
