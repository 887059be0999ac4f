// The bench database: created (or reused), migrated, demo agencies and accounts, then incidents
// in bulk with server-side INSERT … SELECT FROM generate_series, each batch one statement that
// also writes the rows an incident carries (timeline, reports, shares, observables).
import { existsSync, rmSync } from 'node:fs';
import { hashPassword } from '@anc/auth';
import { DEMO_USERS, createDb, rowsOf, seedDemoData, seedReferenceData, type Database, type Db } from '@anc/db';
import { mexicoCityYear } from '@anc/domain';
import cliProgress from 'cli-progress';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { nextObligationColumns } from '../src/modules/incidents/incident-rules.ts';
import { benchDatabaseUrl, type BenchConfig } from './config.ts';
import {
  AFFECTED_SYSTEMS,
  CLASSIFICATIONS,
  OBSERVABLE_POOL,
  REJECTION_REASONS,
  REPORT_BODIES,
  SENTENCES,
  SEVERITY_WEIGHTS,
  TITLE_OPENINGS,
  TITLE_PLACES,
  TITLE_TARGETS,
  TLP_WEIGHTS,
  poolSql,
  sqlTextArray,
  weighted,
} from './vocabulary.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Seeded incidents are spread over this many years before the seed time. */
const SPAN_MS = Math.round(3 * 365.25 * DAY);
/** Incidents younger than this are still being worked on; older ones are mostly closed. */
const RECENT_MS = 45 * DAY;

export interface SeedSummary {
  reused: boolean;
  /** Incidents in the database when the run starts. */
  incidents: number;
  /** Incidents inserted by this run (0 when reused). */
  inserted: number;
  seconds: number;
  rowsPerSecond: number;
  analyzeSeconds: number;
  tables: Record<string, number>;
  references: { year: number; count: number; last: number }[];
  obligationCheck: { sampled: number; agreeing: number };
}

export interface PreparedDatabase {
  database: Database;
  /** What the API process needs to open the same database. */
  apiEnv: Record<string, string>;
  seed: SeedSummary;
}

export interface SeedActors {
  agencies: { id: string; code: string; staffId: string; staffEmail: string }[];
  coordinatorId: string;
}

const quiet = () => {};

/** Opens (creating or recreating) the bench database, migrates, seeds, and returns it open. */
export async function prepareBenchDatabase(cfg: BenchConfig): Promise<PreparedDatabase> {
  const { database, apiEnv, existing } = cfg.db === 'postgres' ? await openPostgres(cfg) : await openPglite(cfg);
  const started = performance.now();
  await database.migrate();
  await seedReferenceData(database.db);
  await seedDemoData(database.db, { passwordHash: await hashPassword(cfg.password) });
  // The bench's own database: the accounts it signs in with always take BENCH_PASSWORD.
  const demoEmails = DEMO_USERS.map((u) => u.email);
  await database.db.execute(
    sql`update users set password_hash = ${await hashPassword(cfg.password)} where email in (${sql.join(
      demoEmails.map((e) => sql`${e}`),
      sql`, `,
    )})`,
  );
  const actors = await loadSeedActors(database.db);

  const reused = existing >= cfg.incidents;
  let inserted = 0;
  let insertSeconds = 0;
  if (!reused) {
    const t = performance.now();
    inserted = await insertIncidents(database, cfg, actors);
    insertSeconds = (performance.now() - t) / 1000;
    await setReferenceCounters(database.db);
  }
  const t = performance.now();
  // VACUUM also sets the visibility map, so the database behaves as one in steady state.
  process.stdout.write(reused ? 'ANALYZE …' : 'VACUUM ANALYZE …');
  await database.db.execute(
    sql.raw(
      `${reused ? 'analyze' : 'vacuum (analyze)'} incidents, incident_events, incident_reports, incident_shares, incident_observables, reference_counters`,
    ),
  );
  const analyzeSeconds = (performance.now() - t) / 1000;
  process.stdout.write(` ${analyzeSeconds.toFixed(1)} s\n`);

  const tables = await tableCounts(database.db);
  return {
    database,
    apiEnv,
    seed: {
      reused,
      incidents: tables.incidents ?? 0,
      inserted,
      seconds: reused ? 0 : (performance.now() - started) / 1000,
      rowsPerSecond: insertSeconds > 0 ? Math.round(inserted / insertSeconds) : 0,
      analyzeSeconds,
      tables,
      references: await referenceSummary(database.db),
      obligationCheck: await checkObligationColumns(database.db),
    },
  };
}

async function openPostgres(cfg: BenchConfig) {
  const url = benchDatabaseUrl(cfg);
  const admin = postgres(cfg.pgUrl, { max: 1, onnotice: quiet });
  const database = cfg.pgDatabase;
  let existing = 0;
  try {
    const [found] = await admin`select 1 as found from pg_database where datname = ${database}`;
    if (found && cfg.reuse) existing = await countIncidents(url);
    if (existing < cfg.incidents) {
      if (found)
        console.log(
          cfg.reuse ? `${database} holds ${existing} incidents (< ${cfg.incidents}): recreating it` : `recreating ${database} (BENCH_REUSE=1 keeps it)`,
        );
      await admin.unsafe(`drop database if exists ${database} with (force)`);
      await admin.unsafe(`create database ${database}`);
      existing = 0;
    } else {
      console.log(`reusing ${database}: ${existing} incidents ≥ ${cfg.incidents}`);
    }
  } finally {
    await admin.end();
  }
  return { database: createDb({ url, max: cfg.seedParallel + 1 }), apiEnv: { DATABASE_URL: url }, existing };
}

async function countIncidents(url: string): Promise<number> {
  const client = postgres(url, { max: 1, onnotice: quiet });
  try {
    const [row] = await client`select count(*)::int as n from incidents`;
    return Number(row?.n ?? 0);
  } catch {
    return 0; // not migrated yet
  } finally {
    await client.end();
  }
}

async function openPglite(cfg: BenchConfig) {
  let existing = 0;
  if (cfg.reuse && existsSync(cfg.pgliteDir)) {
    const probe = createDb({ pgliteDir: cfg.pgliteDir });
    try {
      existing = Number(rowsOf<{ n: number }>(await probe.db.execute(sql`select count(*)::int as n from incidents`))[0]?.n ?? 0);
    } catch {
      existing = 0;
    }
    await probe.close();
  }
  if (existing < cfg.incidents) {
    if (existsSync(cfg.pgliteDir)) console.log(`recreating ${cfg.pgliteDir}${cfg.reuse ? ` (holds ${existing} incidents)` : ' (BENCH_REUSE=1 keeps it)'}`);
    rmSync(cfg.pgliteDir, { recursive: true, force: true });
    existing = 0;
  } else {
    console.log(`reusing ${cfg.pgliteDir}: ${existing} incidents ≥ ${cfg.incidents}`);
  }
  return { database: createDb({ pgliteDir: cfg.pgliteDir }), apiEnv: { PGLITE_DIR: cfg.pgliteDir }, existing };
}

export async function loadSeedActors(db: Db): Promise<SeedActors> {
  const rows = rowsOf<{ id: string; code: string; staffId: string; staffEmail: string }>(
    await db.execute(sql`select a.id, a.code, u.id as "staffId", u.email as "staffEmail"
      from agencies a join users u on u.agency_id = a.id and u.role = 'staff'
      where u.email like 'enlace@%' order by a.code`),
  );
  const [coordinator] = rowsOf<{ id: string }>(await db.execute(sql`select id from users where email = 'coordinacion@anc.gob.mx'`));
  if (rows.length === 0 || !coordinator) throw new Error('demo agencies and accounts are missing after seeding');
  return { agencies: rows, coordinatorId: coordinator.id };
}

// ---------------------------------------------------------------------------------------------
// Incidents

export interface Plan {
  count: number;
  /** created_at of incident g is t0 + g·step + jitter(g), jitter < step: strictly increasing. */
  t0: number;
  step: number;
  end: number;
}

const createdMs = (plan: Plan, g: number) => plan.t0 + g * plan.step + ((g * 7919 + 13) % plan.step);

/** Runs of consecutive incidents in the same Mexico City year: references are numbered per year. */
function yearSegments(plan: Plan): { year: number; from: number; to: number }[] {
  const yearOf = (g: number) => mexicoCityYear(new Date(createdMs(plan, g)));
  const segments: { year: number; from: number; to: number }[] = [];
  let from = 0;
  while (from < plan.count) {
    const year = yearOf(from);
    let lo = from;
    let hi = plan.count - 1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (yearOf(mid) === year) lo = mid;
      else hi = mid - 1;
    }
    segments.push({ year, from, to: lo + 1 });
    from = lo + 1;
  }
  return segments;
}

async function insertIncidents(database: Database, cfg: BenchConfig, actors: SeedActors): Promise<number> {
  const end = Math.floor(Date.now() / 1000) * 1000 - 10 * MINUTE;
  const plan: Plan = { count: cfg.incidents, t0: end - SPAN_MS, step: Math.max(2, Math.floor(SPAN_MS / cfg.incidents)), end };
  const chunks = yearSegments(plan).flatMap((s) => {
    const out: { year: number; yearStart: number; lo: number; hi: number }[] = [];
    for (let lo = s.from; lo < s.to; lo += cfg.batch) out.push({ year: s.year, yearStart: s.from, lo, hi: Math.min(s.to, lo + cfg.batch) });
    return out;
  });

  const bar = new cliProgress.SingleBar(
    {
      format: 'seeding incidents |{bar}| {percentage}% | {value}/{total} | {rate} incidents/s | ETA {eta_formatted}',
      noTTYOutput: true,
      notTTYSchedule: 10_000,
      etaBuffer: 20,
      hideCursor: true,
      stream: process.stdout,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(plan.count, 0, { rate: 0 });
  let done = 0;
  let next = 0;
  const worker = async () => {
    for (let c = chunks[next++]; c; c = chunks[next++]) {
      await database.db.execute(sql.raw(batchSql(plan, actors, c)));
      done += c.hi - c.lo;
      bar.update(done, { rate: Math.round(done / ((performance.now() - started) / 1000)) });
    }
  };
  try {
    await Promise.all(Array.from({ length: cfg.seedParallel }, worker));
  } finally {
    bar.stop();
  }
  return done;
}

/** A SQL expression: a deterministic pseudo-random non-negative integer per incident and key. */
const R = (k: number) => `abs(hashint8(g * 64 + ${k})::bigint)`;
const ms = (n: number) => `(${n} * interval '1 millisecond')`;
const ts = (epochMs: number) => `('epoch'::timestamptz + ${ms(epochMs)})`;
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
const uuidArray = (ids: readonly string[]) => `array[${ids.map((id) => `'${id}'`).join(', ')}]::uuid[]`;
const intArray = (values: readonly number[]) => `array[${values.join(', ')}]::int[]`;
const at = (array: string, length: number, k: number) => `(${array})[(${R(k)} % ${length}) + 1]`;

const OLD_STATUSES = weighted(
  [
    { s: 'closed', weight: 80 },
    { s: 'resolved', weight: 6 },
    { s: 'rejected', weight: 5 },
    { s: 'contained', weight: 4 },
    { s: 'investigating', weight: 5 },
  ],
  (x) => x.s,
);
const RECENT_STATUSES = weighted(
  [
    { s: 'submitted', weight: 25 },
    { s: 'triaged', weight: 20 },
    { s: 'investigating', weight: 25 },
    { s: 'contained', weight: 12 },
    { s: 'resolved', weight: 10 },
    { s: 'rejected', weight: 8 },
  ],
  (x) => x.s,
);
/** The transitions that led to each status, as timeline rows (status, step, from, to). */
const FORWARD = ['triaged', 'investigating', 'contained', 'resolved', 'closed'];
const STATUS_PATHS: [string, number, string, string][] = [
  ...FORWARD.flatMap((status, i) =>
    FORWARD.slice(0, i + 1).map((to, k): [string, number, string, string] => [status, k + 1, k === 0 ? 'submitted' : (FORWARD[k - 1] ?? 'submitted'), to]),
  ),
  ['rejected', 1, 'submitted', 'rejected'],
];
const PATH_LENGTH = `case st.status when 'triaged' then 1 when 'investigating' then 2 when 'contained' then 3 when 'resolved' then 4 when 'closed' then 5 when 'rejected' then 1 else 0 end`;
const OBSERVABLE_TYPES = ['ipv4', 'domain', 'sha256', 'url'] as const;

export function batchSql(plan: Plan, actors: SeedActors, chunk: { year: number; yearStart: number; lo: number; hi: number }): string {
  const agencyIds = uuidArray(actors.agencies.map((a) => a.id));
  const reporterIds = uuidArray(actors.agencies.map((a) => a.staffId));
  const codes = sqlTextArray(actors.agencies.map((a) => a.code));
  const nAg = actors.agencies.length;
  const classes = weighted(CLASSIFICATIONS, (c) => c);
  const clsArray = sqlTextArray(classes.map((c) => c.rsitClass));
  const typArray = sqlTextArray(classes.map((c) => c.rsitType));
  const severities = weighted(
    SEVERITY_WEIGHTS.map((weight, level) => ({ weight, level })),
    (x) => x.level,
  );
  const tlps = weighted(TLP_WEIGHTS, (x) => x.tlp);
  const endTs = ts(plan.end);
  const coordinator = `'${actors.coordinatorId}'::uuid`;
  const reference = `'INC-${chunk.year}-' || lpad((g - ${chunk.yearStart} + 1)::text, greatest(6, length((g - ${chunk.yearStart} + 1)::text)), '0')`;
  const obsValue = `case obs_type ${OBSERVABLE_TYPES.map((t) => `when '${t}' then ${poolSql[t]('obs_p')}`).join(' ')} end`;
  const paths = `(values ${STATUS_PATHS.map(([s, k, from, to]) => `('${s}', ${k}, '${from}', '${to}')`).join(', ')}) as p(status, k, from_status, to_status)`;

  return `
with src as materialized (
  select
    gen_random_uuid() as id,
    ${reference} as reference,
    ag.idx as ag,
    (${agencyIds})[ag.idx + 1] as agency_id,
    (${reporterIds})[ag.idx + 1] as reporter_id,
    ${at(TITLE_OPENINGS_SQL, TITLE_OPENINGS.length, 17)} || ' ' || ${at(TITLE_TARGETS_SQL, TITLE_TARGETS.length, 18)} || ' ' || ${at(TITLE_PLACES_SQL, TITLE_PLACES.length, 19)} as title,
    ${[20, 21, 22, 23].map((k) => at(SENTENCES_SQL, SENTENCES.length, k)).join(` || ' ' || `)} as description,
    (${clsArray})[cls.idx + 1]::rsit_class as rsit_class,
    (${typArray})[cls.idx + 1]::rsit_type as rsit_type,
    ${at(intArray(severities), severities.length, 4)}::smallint as severity,
    tl.tlp,
    st.status,
    aw.aware_at - (${R(8)} % ${DAY}) * interval '1 millisecond' as detected_at,
    aw.aware_at,
    ${at(AFFECTED_SQL, AFFECTED_SYSTEMS.length, 9)} || ', ' || ${at(AFFECTED_SQL, AFFECTED_SYSTEMS.length, 10)} as affected_systems,
    ${R(11)} % 100 < 20 as personal_data,
    case when ${R(11)} % 100 < 20 then ${R(12)} % 500000 end as records,
    ${R(13)} % 100 < 8 as critical_service,
    ${R(14)} % 100 < 5 as cross_border,
    case when ${R(15)} % 100 < 30 then ((${R(16)} % 500000000) / 100.0)::numeric(16, 2) end as estimated_loss_mxn,
    n.notif_at,
    f.final_at,
    case when st.status = 'rejected' then null when n.notif_at is null then 'notification' when f.final_at is null then 'final_report' end::obligation_kind as next_kind,
    case when st.status = 'rejected' then null when n.notif_at is null then aw.aware_at + interval '72 hours' when f.final_at is null then fd.final_due end as next_due,
    case when st.status = 'rejected' then null when n.notif_at is null then aw.aware_at + interval '54 hours' when f.final_at is null then fd.final_due - (fd.final_due - n.notif_at) * 0.25 end as next_soon,
    case when tl.tlp in ('CLEAR', 'GREEN') and ${R(26)} % 100 < 20 then least(c.created_at + interval '2 hours', ${endTs}) end as shared_all_at,
    case when tl.tlp <> 'RED' and ${R(28)} % 100 < 6 then ((ag.idx + 1 + ${R(29)} % ${nAg - 1}) % ${nAg}) end as share_ag,
    case when st.status = 'rejected' then ${at(sqlTextArray(REJECTION_REASONS), REJECTION_REASONS.length, 27)} end as status_reason,
    ${PATH_LENGTH} as path_len,
    case when ${R(32)} % 10 = 0 then ${at(sqlTextArray(OBSERVABLE_TYPES), OBSERVABLE_TYPES.length, 33)} end as obs_type,
    ${R(34)} % ${OBSERVABLE_POOL} as obs_p,
    least(coalesce(f.final_at, n.notif_at, c.created_at + interval '1 day') + interval '1 hour', ${endTs}) as last_status_at,
    c.created_at
  from generate_series(${chunk.lo}::bigint, ${chunk.hi - 1}::bigint) g
  -- Each step is its own subquery (offset 0 keeps the planner from inlining it): inlined, every
  -- later reference would repeat the whole expression chain and evaluation gets ~6× slower.
  cross join lateral (select ${ts(plan.t0)} + ((g * ${plan.step} + ((g * 7919 + 13) % ${plan.step})) * interval '1 millisecond') as created_at offset 0) c
  cross join lateral (select (${R(2)} % ${nAg})::int as idx offset 0) ag
  cross join lateral (select (${R(3)} % ${classes.length})::int as idx offset 0) cls
  cross join lateral (select ${at(sqlTextArray(tlps), tlps.length, 5)}::tlp as tlp offset 0) tl
  cross join lateral (select (case when ${endTs} - c.created_at > ${ms(RECENT_MS)}
    then ${at(sqlTextArray(OLD_STATUSES), OLD_STATUSES.length, 6)} else ${at(sqlTextArray(RECENT_STATUSES), RECENT_STATUSES.length, 6)} end)::incident_status as status offset 0) st
  cross join lateral (select c.created_at - interval '5 minutes' - (${R(7)} % ${2 * DAY}) * interval '1 millisecond' as aware_at offset 0) aw
  cross join lateral (select case when st.status <> 'rejected' and ${R(24)} % 100 < 99 then greatest(c.created_at + interval '30 minutes', aw.aware_at + interval '12 hours' + (${R(25)} % ${84 * HOUR}) * interval '1 millisecond') end as notif0 offset 0) n0
  cross join lateral (select case when n0.notif0 <= ${endTs} then n0.notif0 end as notif_at offset 0) n
  cross join lateral (select n.notif_at + interval '7 days' + (${R(30)} % ${35 * DAY}) * interval '1 millisecond' as final0 offset 0) f0
  cross join lateral (select case when n.notif_at is not null and ${R(31)} % 100 < 98 and f0.final0 <= ${endTs} then f0.final0 end as final_at offset 0) f
  cross join lateral (select ((n.notif_at at time zone 'America/Mexico_City') + interval '1 month') at time zone 'America/Mexico_City' as final_due offset 0) fd
),
obs as materialized (
  select id, reporter_id, created_at, obs_type::observable_type as type, ${obsValue} as value from src where obs_type is not null
),
ins as (
  insert into incidents (id, reference, agency_id, reporter_id, title, description, rsit_class, rsit_type, severity, tlp, status,
    detected_at, aware_at, affected_systems, personal_data, records, critical_service, cross_border, estimated_loss_mxn,
    notification_submitted_at, final_report_submitted_at, next_obligation_kind, next_obligation_due_at, next_obligation_soon_at,
    shared_with_all_at, status_reason, version, created_at, updated_at)
  select id, reference, agency_id, reporter_id, title, description, rsit_class, rsit_type, severity, tlp, status,
    detected_at, aware_at, affected_systems, personal_data, records, critical_service, cross_border, estimated_loss_mxn,
    notif_at, final_at, next_kind, next_due, next_soon, shared_all_at, status_reason,
    1 + path_len + (notif_at is not null)::int + (final_at is not null)::int + (shared_all_at is not null)::int + (share_ag is not null)::int,
    created_at, greatest(created_at, notif_at, final_at, shared_all_at, case when path_len > 0 then last_status_at end)
  from src
  returning 1
),
ins_obs as (
  insert into incident_observables (incident_id, type, value, added_by, created_at)
  select id, type, value, reporter_id, created_at from obs
),
ins_shares as (
  insert into incident_shares (incident_id, agency_id, incident_created_at, shared_by, created_at)
  select id, (${agencyIds})[share_ag + 1], created_at, ${coordinator}, least(created_at + interval '3 hours', ${endTs}) from src where share_ag is not null
),
ins_reports as (
  insert into incident_reports (incident_id, kind, body, submitted_by, submitted_at)
  select id, 'notification'::report_kind, ${lit(REPORT_BODIES.notification)}, reporter_id, notif_at from src where notif_at is not null
  union all
  select id, 'final_report'::report_kind, ${lit(REPORT_BODIES.final_report)}, reporter_id, final_at from src where final_at is not null
),
ins_events as (
  insert into incident_events (incident_id, at, actor_id, kind, body, data, visibility)
  select s.id, s.created_at, s.reporter_id, 'created', null,
    jsonb_build_object('reference', s.reference, 'observables', (s.obs_type is not null)::int), 'all_readers'
  from src s
  union all
  select s.id, s.created_at + (s.last_status_at - s.created_at) * (p.k::double precision / s.path_len), ${coordinator}, 'status',
    case when p.to_status = 'rejected' then s.status_reason end, jsonb_build_object('from', p.from_status, 'to', p.to_status),
    -- a step's reason is read by the ANC and the reporting agency (domain incidents/visibility.ts)
    case when p.to_status = 'rejected' then 'reporting' else 'all_readers' end
  from src s join ${paths} on p.status = s.status::text
  union all
  select id, notif_at, reporter_id, 'report', ${lit(REPORT_BODIES.notification)}, '{"kind":"notification"}'::jsonb, 'all_readers' from src where notif_at is not null
  union all
  select id, final_at, reporter_id, 'report', ${lit(REPORT_BODIES.final_report)}, '{"kind":"final_report"}'::jsonb, 'all_readers' from src where final_at is not null
  union all
  select id, shared_all_at, ${coordinator}, 'shared', null, '{"agencies":[],"allAgencies":true}'::jsonb, 'all_readers' from src where shared_all_at is not null
  union all
  select id, least(created_at + interval '3 hours', ${endTs}), ${coordinator}, 'shared', null,
    jsonb_build_object('agencies', jsonb_build_array((${codes})[share_ag + 1]), 'allAgencies', false), 'all_readers'
  from src where share_ag is not null
)
select count(*)::int as n from ins`;
}

const TITLE_OPENINGS_SQL = sqlTextArray(TITLE_OPENINGS);
const TITLE_TARGETS_SQL = sqlTextArray(TITLE_TARGETS);
const TITLE_PLACES_SQL = sqlTextArray(TITLE_PLACES);
const SENTENCES_SQL = sqlTextArray(SENTENCES);
const AFFECTED_SQL = sqlTextArray(AFFECTED_SYSTEMS);

/** The counters continue where the seeded references end, so API creates keep the sequence gapless. */
async function setReferenceCounters(db: Db): Promise<void> {
  await db.execute(sql`insert into reference_counters (scope, year, last)
    select 'INC', split_part(reference, '-', 2)::int, max(split_part(reference, '-', 3)::int) from incidents group by 2
    on conflict (scope, year) do update set last = greatest(reference_counters.last, excluded.last)`);
}

async function tableCounts(db: Db): Promise<Record<string, number>> {
  const tables = ['incidents', 'incident_events', 'incident_reports', 'incident_shares', 'incident_observables', 'audit_events'];
  const [row] = rowsOf<Record<string, number>>(
    await db.execute(sql.raw(`select ${tables.map((t) => `(select count(*)::int from ${t}) as "${t}"`).join(', ')}`)),
  );
  return Object.fromEntries(tables.map((t) => [t, Number(row?.[t] ?? 0)]));
}

/** Per year: how many references, the highest number and the counter — equal when gapless. */
async function referenceSummary(db: Db) {
  const rows = rowsOf<{ year: number; count: number; last: number }>(
    await db.execute(sql`select split_part(reference, '-', 2)::int as year, count(*)::int as count, max(split_part(reference, '-', 3)::int) as last
      from incidents group by 1 order by 1`),
  );
  return rows.map((r) => ({ year: Number(r.year), count: Number(r.count), last: Number(r.last) }));
}

const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v)));
const close = (a: Date | null, b: Date | null) => (a === null || b === null ? a === b : Math.abs(a.getTime() - b.getTime()) <= 1);

/** A sample of rows whose stored next-obligation columns are recomputed with the API's own rule. */
async function checkObligationColumns(db: Db, sample = 500): Promise<{ sampled: number; agreeing: number }> {
  const rows = rowsOf<Record<string, unknown>>(
    await db.execute(sql`select aware_at as "awareAt", created_at as "createdAt", notification_submitted_at as "notificationSubmittedAt",
        final_report_submitted_at as "finalReportSubmittedAt", status, next_obligation_kind as "kind",
        next_obligation_due_at as "dueAt", next_obligation_soon_at as "soonAt"
      from incidents order by random() limit ${sample}`),
  );
  let agreeing = 0;
  for (const r of rows) {
    const expected = nextObligationColumns(
      {
        awareAt: date(r.awareAt) ?? new Date(0),
        createdAt: date(r.createdAt) ?? new Date(0),
        notificationSubmittedAt: date(r.notificationSubmittedAt),
        finalReportSubmittedAt: date(r.finalReportSubmittedAt),
        status: r.status as 'submitted',
      },
      new Date(),
    );
    if (
      expected.nextObligationKind === (r.kind ?? null) &&
      close(expected.nextObligationDueAt, date(r.dueAt)) &&
      close(expected.nextObligationSoonAt, date(r.soonAt))
    ) {
      agreeing++;
    }
  }
  return { sampled: rows.length, agreeing };
}
