// Settings of the incident benchmark, read once from BENCH_* variables and validated.
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const API_DIR = fileURLToPath(new URL('../', import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL('./results/', import.meta.url));

export const SCENARIO_KEYS = [
  'list.first',
  'list.deep',
  'list.staff',
  'list.staff.deep',
  'get',
  'create',
  'rest.create',
  'taxii.objects',
  'taxii.objects.cookie',
] as const;
export type ScenarioKey = (typeof SCENARIO_KEYS)[number];

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');
const positiveInt = z.coerce.number().int().positive();

const BenchEnv = z
  .object({
    BENCH_DB: z.enum(['pglite', 'postgres']).default('pglite'),
    BENCH_INCIDENTS: positiveInt.optional(),
    BENCH_CONCURRENCY: positiveInt.default(10),
    /** Seconds of measurement per scenario (ignored when BENCH_REQUESTS is set). */
    BENCH_DURATION: z.coerce.number().positive().default(10),
    /** A fixed number of requests per scenario instead of a duration. */
    BENCH_REQUESTS: positiveInt.optional(),
    /** Seconds of unmeasured load before each measurement (caches, JIT, connection pools). */
    BENCH_WARMUP: z.coerce.number().min(0).default(2),
    BENCH_PG_URL: z.url().default('postgres://postgres@127.0.0.1:5432/postgres'),
    /** The database the bench creates (and drops) on BENCH_PG_URL's server; no other is touched. */
    BENCH_PG_DATABASE: z
      .string()
      .regex(/^anc_bench[a-z0-9_]*$/, 'a name starting with anc_bench (lower case, digits, _)')
      .default('anc_bench'),
    BENCH_PGLITE_DIR: z.string().default(`${REPO_ROOT}.data/bench-pglite`),
    /** Keep the bench database when it already holds at least BENCH_INCIDENTS incidents. */
    BENCH_REUSE: flag.default(false),
    BENCH_PASSWORD: z.string().min(12).default('Lince-Brumoso-Acantilado-83'),
    /** Incidents per INSERT … SELECT statement while seeding. */
    BENCH_BATCH: positiveInt.optional(),
    /** Seeding statements in flight at once (PostgreSQL only; PGlite has one connection). */
    BENCH_SEED_PARALLEL: positiveInt.optional(),
    /** LOG_LEVEL of the API process under load (production default: info). */
    BENCH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Seed (or check) the database and stop: prepares a reusable database for later runs. */
    BENCH_SEED_ONLY: flag.default(false),
    /**
     * API processes under load (replicas, as infra/compose runs two behind nginx); the load
     * generator spreads its connections over them.
     */
    BENCH_API_PROCESSES: positiveInt.max(16).default(1),
    /** Comma-separated subset of the scenarios. */
    BENCH_SCENARIOS: z.string().optional(),
  })
  .transform((e) => {
    const pglite = e.BENCH_DB === 'pglite';
    const scenarios = e.BENCH_SCENARIOS
      ? e.BENCH_SCENARIOS.split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [...SCENARIO_KEYS];
    const unknown = scenarios.filter((s) => !(SCENARIO_KEYS as readonly string[]).includes(s));
    if (unknown.length) throw new Error(`BENCH_SCENARIOS: unknown ${unknown.join(', ')} (known: ${SCENARIO_KEYS.join(', ')})`);
    return {
      db: e.BENCH_DB,
      incidents: e.BENCH_INCIDENTS ?? (pglite ? 20_000 : 100_000),
      incidentsDefaulted: e.BENCH_INCIDENTS === undefined,
      concurrency: e.BENCH_CONCURRENCY,
      apiProcesses: e.BENCH_API_PROCESSES,
      durationMs: Math.round(e.BENCH_DURATION * 1000),
      requests: e.BENCH_REQUESTS,
      warmupMs: Math.round(e.BENCH_WARMUP * 1000),
      pgUrl: e.BENCH_PG_URL,
      pgDatabase: e.BENCH_PG_DATABASE,
      pgliteDir: e.BENCH_PGLITE_DIR,
      reuse: e.BENCH_REUSE,
      password: e.BENCH_PASSWORD,
      batch: e.BENCH_BATCH ?? (pglite ? 5_000 : 20_000),
      seedParallel: pglite ? 1 : (e.BENCH_SEED_PARALLEL ?? 2),
      logLevel: e.BENCH_LOG_LEVEL,
      seedOnly: e.BENCH_SEED_ONLY,
      scenarios: SCENARIO_KEYS.filter((k) => scenarios.includes(k)),
    };
  });

export type BenchConfig = z.output<typeof BenchEnv>;

export function loadBenchConfig(source: Record<string, string | undefined> = process.env): BenchConfig {
  const parsed = BenchEnv.safeParse(source);
  if (!parsed.success) {
    throw new Error(`Invalid BENCH_* settings:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  return parsed.data;
}

/** BENCH_PG_URL with its database replaced by the bench's own (BENCH_PG_DATABASE). */
export function benchDatabaseUrl(cfg: Pick<BenchConfig, 'pgUrl' | 'pgDatabase'>): string {
  const url = new URL(cfg.pgUrl);
  url.pathname = `/${cfg.pgDatabase}`;
  return url.toString();
}
