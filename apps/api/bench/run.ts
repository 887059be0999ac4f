// The incident benchmark (`pnpm bench`): seed, drive the real HTTP API, measure the direct-SQL
// floor at the same concurrency, print both with their ratios, and write the results as JSON.
// Settings: BENCH_* variables (see config.ts). Not part of the test suite.
import os from 'node:os';
import { relative } from 'node:path';
import postgres from 'postgres';
import { apiClient, signIn, startApi, type ApiProcess } from './api.ts';
import { REPO_ROOT, benchDatabaseUrl, loadBenchConfig, type BenchConfig } from './config.ts';
import { explain } from './explain.ts';
import { loadFixtures, type Fixtures } from './fixtures.ts';
import { captureIndicatorPage, captureList, floorScenario, pgliteFloor, postgresFloor, sealFloorAudit, type FloorDriver } from './floor.ts';
import { runLoad, type LoadOptions, type LoadResult } from './load.ts';
import { printCounterLock, printCpu, printExplain, printResults, printVerdict, verdict, writeResults, type ScenarioResult } from './report.ts';
import { prepareBenchDatabase } from './seed.ts';

type DbPids = (() => Promise<number[]>) | undefined;
type LockWaiters = (() => Promise<number>) | undefined;
/** Run before each scenario: the state the previous one left is cleared away (see `settler`). */
type Settle = (options: { sealer: boolean }) => Promise<void>;

/** The tables a scenario writes (an incident's rows, its notifications and mail, the audit chain, REST's keys). */
const WRITTEN_TABLES = [
  'incidents',
  'incident_events',
  'incident_observables',
  'notifications',
  'mail_outbox',
  'audit_events',
  'audit_chain_head',
  'reference_counters',
  'idempotency_keys',
  'api_clients',
  'sessions',
];

/**
 * Each scenario starts from the same kind of database, not from the debris of the one before:
 * the audit sealer has caught up with the previous scenario's rows, the tables it wrote are
 * vacuumed (this machine's PostgreSQL runs without autovacuum, so thousands of dead counter and
 * key versions would otherwise be left for the next scenario to step over) and its dirty pages are
 * written by a checkpoint, not during the next scenario's load. Without it, whichever write
 * scenario ran second paid for the first: `rest.create` measured right after `create` ran at
 * 50–68 % of it, while on its own it ran as fast as `create` on its own (README "Benchmark").
 */
function settler(monitor: postgres.Sql | null): Settle {
  return async ({ sealer }) => {
    if (!monitor) return;
    // The floor's rows are sealed at its end (floor.ts `sealFloorAudit`): only the API's sealer is waited for.
    const deadline = Date.now() + (sealer ? 30_000 : 0);
    while (Date.now() < deadline) {
      const [row] = await monitor`select count(*)::int as n from audit_events where sealed_at is null`;
      if (!row?.n) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await monitor.unsafe(`vacuum (analyze) ${WRITTEN_TABLES.join(', ')}`);
    await monitor.unsafe('checkpoint');
  };
}

const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const fmt = (r: LoadResult) =>
  `${r.requests.toLocaleString('en')} requests, ${Math.round(r.rps).toLocaleString('en')} req/s, p50 ${r.p50.toFixed(2)} ms, p95 ${r.p95.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms${r.errors ? `, ${r.errors} ERRORS` : ''}`;

async function apiPhase(
  cfg: BenchConfig,
  apiEnv: Record<string, string>,
  fixtures: Fixtures,
  load: LoadOptions,
  dbPids: DbPids,
  lockWaiters: LockWaiters,
  settle: Settle,
) {
  const n = cfg.apiProcesses;
  console.log(`\nAPI phase: starting ${n === 1 ? 'the API' : `${n} API processes`} (NODE_ENV=production, LOG_LEVEL=${cfg.logLevel}) …`);
  const apis: ApiProcess[] = [];
  const out = new Map<string, LoadResult>();
  try {
    // One after another: each applies migrations at start (under an advisory lock anyway).
    for (let i = 0; i < n; i++) apis.push(await startApi(cfg, apiEnv));
    const [api] = apis;
    if (!api) throw new Error('no API process');
    // Sessions live in the database: a cookie from one process is good on every other.
    const cookies = {
      coordinator: await signIn(api.origin, fixtures.coordinator.email, cfg.password, fixtures.coordinator.totpKey),
      staff: await signIn(api.origin, fixtures.staff.email, cfg.password),
    };
    const client = apiClient(
      apis.map((a) => a.origin),
      cookies,
      fixtures,
      cfg.concurrency,
    );
    try {
      for (const s of fixtures.scenarios) {
        await settle({ sealer: true });
        const probe = await client.probe(s);
        process.stdout.write(`  ${s.key.padEnd(16)} (probe: ${probe}) … `);
        const result = await runLoad(client.operation(s), {
          ...load,
          cpu: { apiPids: apis.map((a) => a.pid), dbPids },
          lockWaiters: s.key === 'create' ? lockWaiters : undefined,
        });
        out.set(s.key, result);
        console.log(fmt(result));
        if (result.errors) console.log(`    last API log lines:\n${api.logTail(10).replace(/^/gm, '      ')}`);
      }
    } finally {
      await client.close();
    }
  } finally {
    await Promise.all(apis.map((a) => a.stop()));
  }
  return out;
}

async function floorPhase(cfg: BenchConfig, fixtures: Fixtures, load: LoadOptions, dbPids: DbPids, lockWaiters: LockWaiters, settle: Settle) {
  console.log(`\nfloor phase: the same statements straight through ${cfg.db === 'postgres' ? 'postgres.js' : "PGlite's query API"} …`);
  const driver: FloorDriver = cfg.db === 'postgres' ? postgresFloor(benchDatabaseUrl(cfg)) : await pgliteFloor(cfg.pgliteDir);
  const out = new Map<string, Omit<ScenarioResult, 'key' | 'procedure' | 'description' | 'api'>>();
  try {
    for (const s of fixtures.scenarios) {
      await settle({ sealer: false });
      const floor = await floorScenario(driver, s, fixtures);
      process.stdout.write(`  ${s.key.padEnd(16)} … `);
      const result = await runLoad(floor.operation, { ...load, cpu: { dbPids }, lockWaiters: s.key === 'create' ? lockWaiters : undefined });
      console.log(fmt(result));
      out.set(s.key, { floor: result, floorStatements: floor.statements, ...(floor.counterLock && { counterLock: floor.counterLock() }) });
    }
    for (const s of fixtures.scenarios) {
      const actor = s.as === 'staff' ? fixtures.staff.actor : fixtures.coordinator.actor;
      if (s.procedure === 'taxii.objects') {
        const entry = out.get(s.key);
        if (entry) entry.explain = await explain(driver, await captureIndicatorPage(driver, actor));
      }
      if (s.procedure !== 'incidents.list' || !s.listInput) continue;
      const statement = await captureList(driver, actor, s.listInput);
      const entry = out.get(s.key);
      if (entry) entry.explain = await explain(driver, statement);
    }
    const sealed = await sealFloorAudit(driver);
    if (sealed) console.log(`  sealed the ${sealed.toLocaleString('en')} audit rows the floor's creates wrote`);
  } finally {
    await driver.close();
  }
  return out;
}

async function main() {
  const cfg = loadBenchConfig();
  const loadAtStart = loadAverage();
  const load: LoadOptions = { concurrency: cfg.concurrency, durationMs: cfg.durationMs, requests: cfg.requests, warmupMs: cfg.warmupMs };
  console.log(
    `incident benchmark: ${cfg.db}, ${cfg.incidents.toLocaleString('en')} incidents, concurrency ${cfg.concurrency}, ` +
      `${cfg.requests ? `${cfg.requests} requests` : `${cfg.durationMs / 1000} s`} per scenario after ${cfg.warmupMs / 1000} s warm-up, ` +
      `${cfg.apiProcesses} API process${cfg.apiProcesses === 1 ? '' : 'es'}`,
  );
  if (cfg.db === 'pglite' && cfg.incidentsDefaulted) {
    console.log(
      'PGlite: 20,000 incidents by default (embedded WASM, one connection); set BENCH_INCIDENTS for more, or BENCH_DB=postgres for the 1,000,000 target run.',
    );
  }
  console.log(`machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB; the API, the database and this load generator share it.`);
  console.log(
    `load average: ${loadAverage()}${(os.loadavg()[0] ?? 0) > 1 ? ' — other work is running: figures will be lower and noisier than on an idle machine' : ''}\n`,
  );

  const prepared = await prepareBenchDatabase(cfg);
  const { seed } = prepared;
  console.log(
    seed.reused
      ? `database reused: ${seed.incidents.toLocaleString('en')} incidents`
      : `seeded ${seed.inserted.toLocaleString('en')} incidents in ${seed.seconds.toFixed(1)} s (${seed.rowsPerSecond.toLocaleString('en')} incidents/s while inserting; VACUUM ANALYZE ${seed.analyzeSeconds.toFixed(1)} s)`,
  );
  console.log(
    `  rows: ${Object.entries(seed.tables)
      .map(([t, n]) => `${t} ${n.toLocaleString('en')}`)
      .join(', ')}`,
  );
  console.log(`  references per year (count = last number ⇒ gapless): ${seed.references.map((r) => `${r.year}: ${r.count}/${r.last}`).join(', ')}`);
  console.log(`  next-obligation columns agree with nextObligationColumns on ${seed.obligationCheck.agreeing}/${seed.obligationCheck.sampled} sampled rows`);

  if (cfg.seedOnly) {
    await prepared.database.close();
    return;
  }
  let fixtures: Fixtures;
  try {
    fixtures = await loadFixtures(prepared.database.db, cfg.scenarios);
  } finally {
    // PGlite has one owner at a time: the API process opens the folder next.
    await prepared.database.close();
  }

  // PostgreSQL backends of the bench database, to measure their CPU per request (PGlite runs in-process).
  const monitor = cfg.db === 'postgres' ? postgres(benchDatabaseUrl(cfg), { max: 1, onnotice: () => {} }) : null;
  const dbPids: DbPids = monitor
    ? async () => (await monitor`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`).map((r) => Number(r.pid))
    : undefined;
  const lockWaiters: LockWaiters = monitor
    ? async () =>
        Number((await monitor`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`)[0]?.n ?? 0)
    : undefined;
  const settle = settler(monitor);
  let api: Awaited<ReturnType<typeof apiPhase>>;
  let floor: Awaited<ReturnType<typeof floorPhase>>;
  try {
    api = await apiPhase(cfg, prepared.apiEnv, fixtures, load, dbPids, lockWaiters, settle);
    floor = await floorPhase(cfg, fixtures, load, dbPids, lockWaiters, settle);
  } finally {
    await monitor?.end();
  }

  const results: ScenarioResult[] = fixtures.scenarios.flatMap((s) => {
    const a = api.get(s.key);
    const f = floor.get(s.key);
    return a && f ? [{ key: s.key, procedure: s.procedure, description: s.description, api: a, ...f }] : [];
  });
  printResults(cfg, results);
  printCpu(cfg, os.cpus().length, results);
  const create = results.find((r) => r.key === 'create');
  if (create) printCounterLock(cfg, create);
  printExplain(results);
  const v = verdict(cfg, seed.incidents, results);
  printVerdict(v);
  const file = writeResults(cfg, {
    seed,
    results,
    verdict: v,
    machine: {
      cores: os.cpus().length,
      cpu: os.cpus()[0]?.model ?? '',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: { start: loadAtStart, end: loadAverage() },
    },
  });
  console.log(`\nresults: ${relative(REPO_ROOT, file)}`);
  if (!v.pass && (v.applies || v.checks.some((c) => c.name.endsWith('errors') && !c.pass))) process.exitCode = 1;
}

try {
  await main();
} catch (err) {
  // drizzle wraps driver errors: the database's own message is in `cause`, the statement in the message.
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : null;
  console.error(cause ? `${cause}\n(${err instanceof Error ? err.message.slice(0, 300) : ''} …)` : err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
}
