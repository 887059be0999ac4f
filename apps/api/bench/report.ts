// The printed tables, the verdict against the targets, and the JSON results file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESULTS_DIR, type BenchConfig, type ScenarioKey } from './config.ts';
import type { ExplainSummary } from './explain.ts';
import type { CounterLockStats } from './floor.ts';
import type { LoadResult } from './load.ts';
import type { SeedSummary } from './seed.ts';

/** The issue's targets, which apply on PostgreSQL with at least this many incidents. */
export const TARGETS = { minIncidents: 1_000_000, listP95Ms: 15, createFloorShare: 0.25, restCreateShare: 0.9 } as const;

export interface ScenarioResult {
  key: ScenarioKey;
  procedure: string;
  description: string;
  api: LoadResult;
  floor: LoadResult;
  floorStatements: number;
  counterLock?: CounterLockStats;
  explain?: ExplainSummary;
}

export interface Verdict {
  applies: boolean;
  checks: { name: string; value: string; target: string; pass: boolean }[];
  pass: boolean;
}

const n0 = (v: number) => Math.round(v).toLocaleString('en');
const n2 = (v: number) => v.toFixed(2);
const pad = (s: string, w: number) => (s.length >= w ? s : `${' '.repeat(w - s.length)}${s}`);
const padEnd = (s: string, w: number) => (s.length >= w ? s : `${s}${' '.repeat(w - s.length)}`);

export function verdict(cfg: BenchConfig, incidents: number, results: readonly ScenarioResult[]): Verdict {
  const applies = cfg.db === 'postgres' && incidents >= TARGETS.minIncidents;
  const checks: Verdict['checks'] = [];
  for (const r of results) {
    // A TAXII page is read like a list page: the same p95 target.
    if (r.procedure === 'incidents.list' || r.procedure === 'taxii.objects') {
      checks.push({ name: `${r.key} p95`, value: `${n2(r.api.p95)} ms`, target: `≤ ${TARGETS.listP95Ms} ms`, pass: r.api.p95 <= TARGETS.listP95Ms });
    }
    if (r.key === 'create') {
      const share = r.api.rps / r.floor.rps;
      checks.push({
        name: 'create req/s ÷ floor',
        value: `${(share * 100).toFixed(1)} %`,
        target: `≥ ${TARGETS.createFloorShare * 100} %`,
        pass: share >= TARGETS.createFloorShare,
      });
    }
  }
  // The token path costs no more than the cookie path (issue 11: within 10 %).
  const cookieCreate = results.find((r) => r.key === 'create');
  const restCreate = results.find((r) => r.key === 'rest.create');
  if (cookieCreate && restCreate) {
    const share = restCreate.api.rps / cookieCreate.api.rps;
    checks.push({
      name: 'rest.create req/s ÷ create',
      value: `${(share * 100).toFixed(1)} %`,
      target: `≥ ${TARGETS.restCreateShare * 100} %`,
      pass: share >= TARGETS.restCreateShare,
    });
  }
  // The same on the TAXII page: the bearer token against the session cookie.
  const taxiiCookie = results.find((r) => r.key === 'taxii.objects.cookie');
  const taxiiToken = results.find((r) => r.key === 'taxii.objects');
  if (taxiiCookie && taxiiToken) {
    const share = taxiiToken.api.rps / taxiiCookie.api.rps;
    checks.push({
      name: 'taxii.objects req/s ÷ cookie',
      value: `${(share * 100).toFixed(1)} %`,
      target: `≥ ${TARGETS.restCreateShare * 100} %`,
      pass: share >= TARGETS.restCreateShare,
    });
  }
  for (const r of results) {
    const errors = r.api.errors + r.floor.errors;
    checks.push({ name: `${r.key} errors`, value: String(errors), target: '0', pass: errors === 0 });
  }
  return { applies, checks, pass: checks.every((c) => c.pass) };
}

export function printResults(cfg: BenchConfig, results: readonly ScenarioResult[]): void {
  const header = [
    padEnd('scenario', 16),
    pad('requests', 9),
    pad('req/s', 8),
    pad('p50 ms', 8),
    pad('p95 ms', 8),
    pad('p99 ms', 8),
    pad('errors', 7),
    ' │',
    pad('floor req/s', 12),
    pad('floor p95', 10),
    ' │',
    pad('req/s ÷ floor', 14),
    pad('p95 ÷ floor', 12),
  ].join('');
  console.log(`\nincidents API vs. floor — ${cfg.db}, concurrency ${cfg.concurrency}, API processes ${cfg.apiProcesses}`);
  console.log(header);
  console.log('─'.repeat(header.length));
  for (const r of results) {
    console.log(
      [
        padEnd(r.key, 16),
        pad(n0(r.api.requests), 9),
        pad(n0(r.api.rps), 8),
        pad(n2(r.api.p50), 8),
        pad(n2(r.api.p95), 8),
        pad(n2(r.api.p99), 8),
        pad(String(r.api.errors), 7),
        ' │',
        pad(n0(r.floor.rps), 12),
        pad(n2(r.floor.p95), 10),
        ' │',
        pad(`${(r.api.rps / r.floor.rps).toFixed(2)}×`, 14),
        pad(`${(r.api.p95 / r.floor.p95).toFixed(2)}×`, 12),
      ].join(''),
    );
  }
  console.log('');
  for (const r of results) console.log(`  ${padEnd(r.key, 16)} ${r.procedure}: ${r.description}; floor = ${r.floorStatements} statement(s) per call`);
  for (const r of results) {
    for (const f of [...r.api.failures.map((m) => `API: ${m}`), ...r.floor.failures.map((m) => `floor: ${m}`)]) console.log(`  ✗ ${r.key} ${f}`);
  }
}

const cpuTotal = (c: LoadResult['cpuPerRequest']) => (c.apiMs ?? 0) + (c.dbMs ?? 0) + c.benchMs;
const ms3 = (v: number | null) => (v === null ? '—' : v.toFixed(2));

/**
 * CPU time per request of each party. Their sum over the machine's cores bounds the throughput
 * (and a Node process's share over one core), and with `concurrency` requests in flight the mean
 * latency cannot drop below concurrency ÷ that bound.
 */
export function printCpu(cfg: BenchConfig, cores: number, results: readonly ScenarioResult[]): void {
  const db = cfg.db === 'postgres' ? 'PostgreSQL' : 'PGlite (inside the API / this process)';
  console.log(`
CPU ms per request — API process, ${db} backends, load generator — and the most the cores allow (${cores} cores ÷ Σ, one core per Node process):`);
  const header = [
    padEnd('scenario', 16),
    pad('API', 7),
    pad('db', 7),
    pad('client', 7),
    pad('Σ', 7),
    pad('≤ req/s', 9),
    ' │',
    pad('floor db', 9),
    pad('client', 7),
    pad('Σ', 7),
    pad('≤ req/s', 9),
  ].join('');
  console.log(header);
  console.log('─'.repeat(header.length));
  for (const r of results) {
    const a = r.api.cpuPerRequest;
    const f = r.floor.cpuPerRequest;
    // Both Node processes run their JavaScript (and PGlite) on one thread: one core each at most.
    const allow = (c: LoadResult['cpuPerRequest']) =>
      cpuTotal(c) > 0 ? n0(Math.min((cores * 1000) / cpuTotal(c), 1000 / Math.max(c.apiMs ?? 0, c.benchMs, 1e-9))) : '—';
    console.log(
      [
        padEnd(r.key, 16),
        pad(ms3(a.apiMs), 7),
        pad(ms3(a.dbMs), 7),
        pad(ms3(a.benchMs), 7),
        pad(ms3(cpuTotal(a)), 7),
        pad(allow(a), 9),
        ' │',
        pad(ms3(f.dbMs), 9),
        pad(ms3(f.benchMs), 7),
        pad(ms3(cpuTotal(f)), 7),
        pad(allow(f), 9),
      ].join(''),
    );
  }
}

export function printCounterLock(cfg: BenchConfig, result: ScenarioResult): void {
  const lock = result.counterLock;
  if (!lock || lock.samples === 0) return;
  const ceiling = 1000 / lock.meanHoldMs;
  console.log(
    `\nreference counter (floor create): the INC counter row is locked ${n2(lock.meanHoldMs)} ms per create (upsert → commit), ` +
      `so creates cannot exceed ~${n0(ceiling)}/s whatever the concurrency; measured ${n0(result.floor.rps)}/s. ` +
      `Each create waited ${n2(lock.meanWaitMs)} ms on average for the counter (${((lock.meanWaitMs / result.floor.mean) * 100).toFixed(0)} % of its ${n2(result.floor.mean)} ms).`,
  );
  const api = result.api.meanLockWaiters;
  const floor = result.floor.meanLockWaiters;
  if (api !== null && floor !== null) {
    console.log(
      `sessions waiting on a lock (sampled every 100 ms, of ${cfg.concurrency} in flight): API ${n2(api)}, floor ${n2(floor)}; ` +
        `the API holds the counter row for ≈ ${n2(1000 / result.api.rps)} ms per create if creates are fully serialised on it (1 ÷ its req/s).`,
    );
  }
}

export function printExplain(results: readonly ScenarioResult[]): void {
  const explained = results.filter((r) => r.explain);
  if (explained.length === 0) return;
  console.log('\nEXPLAIN (ANALYZE, BUFFERS) of the list statements:');
  for (const r of explained) {
    const e = r.explain;
    if (!e) continue;
    console.log(
      `  ${padEnd(r.key, 16)} planning ${n2(e.planningMs)} ms, execution ${n2(e.executionMs)} ms, buffers hit ${e.sharedHit} read ${e.sharedRead}; ` +
        `${e.usesIndex ? 'index scans' : 'NO index scan'}${e.seqScans.length ? `; SEQ SCAN: ${e.seqScans.join(', ')}` : ''}`,
    );
    for (const s of e.scans) console.log(`      ${s}`);
  }
}

export function printVerdict(v: Verdict): void {
  console.log(
    v.applies
      ? '\ntargets (PostgreSQL, ≥ 1,000,000 incidents):'
      : `\ntargets (they apply to PostgreSQL with ≥ ${TARGETS.minIncidents.toLocaleString('en')} incidents; shown for information):`,
  );
  for (const c of v.checks) console.log(`  ${c.pass ? 'PASS' : 'FAIL'}  ${padEnd(c.name, 24)} ${pad(c.value, 10)}  (target ${c.target})`);
}

export function writeResults(
  cfg: BenchConfig,
  payload: { seed: SeedSummary; results: readonly ScenarioResult[]; verdict: Verdict; machine: Record<string, unknown> },
): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${cfg.db}-${cfg.incidents}${cfg.apiProcesses > 1 ? `-x${cfg.apiProcesses}` : ''}.json`);
  const config = {
    db: cfg.db,
    incidents: cfg.incidents,
    concurrency: cfg.concurrency,
    apiProcesses: cfg.apiProcesses,
    durationMs: cfg.durationMs,
    requests: cfg.requests ?? null,
    warmupMs: cfg.warmupMs,
    logLevel: cfg.logLevel,
    scenarios: cfg.scenarios,
  };
  writeFileSync(
    file,
    `${JSON.stringify({ at: new Date().toISOString(), config, machine: payload.machine, seed: payload.seed, results: payload.results, verdict: payload.verdict }, null, 2)}\n`,
  );
  return file;
}
