// A closed-loop load generator: `concurrency` workers each issue one operation after another for a
// duration (or until a request count), latencies in an HDR histogram. The same runner drives the
// HTTP API and the direct-SQL floor, so both are measured the same way.
import { loadavg } from 'node:os';
import { build } from 'hdr-histogram-js';
import { startCpuMeter, type CpuMeterSources, type CpuPerRequest } from './cpu.ts';

export interface LoadOptions {
  concurrency: number;
  durationMs: number;
  /** A fixed number of requests instead of a duration. */
  requests?: number | undefined;
  warmupMs: number;
  /** Whose CPU time to measure during the measurement (not the warm-up). */
  cpu?: CpuMeterSources | undefined;
  /** Counts the database sessions waiting on a lock; sampled every 100 ms while measuring. */
  lockWaiters?: (() => Promise<number>) | undefined;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** The first distinct failure messages (status and body for HTTP). */
  failures: string[];
  seconds: number;
  rps: number;
  /** Latencies of successful requests, in milliseconds. */
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** The machine's 1-minute load average when the measurement ended (the bench shares 2 cores). */
  loadAverage: number;
  cpuPerRequest: CpuPerRequest;
  /** Mean number of database sessions waiting on a lock while measuring (null: not sampled). */
  meanLockWaiters: number | null;
}

/** An operation; `n` numbers the requests of one run so each can vary its input. */
export type Operation = (n: number) => Promise<void>;

async function drive(op: Operation, concurrency: number, stop: (issued: number) => boolean, record: (micros: number) => void, fail: (err: unknown) => void) {
  let issued = 0;
  const worker = async () => {
    while (!stop(issued)) {
      const n = issued++;
      const started = performance.now();
      try {
        await op(n);
        record(Math.max(1, Math.round((performance.now() - started) * 1000)));
      } catch (err) {
        fail(err);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return issued;
}

const ms = (micros: number) => Math.round(micros) / 1000;

export async function runLoad(op: Operation, options: LoadOptions): Promise<LoadResult> {
  if (options.warmupMs > 0) {
    const until = performance.now() + options.warmupMs;
    await drive(
      op,
      options.concurrency,
      () => performance.now() >= until,
      () => {},
      () => {},
    );
  }
  const histogram = build({ lowestDiscernibleValue: 1, highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: 3 });
  let errors = 0;
  const failures = new Set<string>();
  const meter = await startCpuMeter(options.cpu ?? {});
  const waiters: number[] = [];
  let sampling = Promise.resolve();
  const sampler = options.lockWaiters
    ? setInterval(() => {
        const count = options.lockWaiters;
        if (count) sampling = sampling.then(async () => void waiters.push(await count()));
      }, 100)
    : undefined;
  const started = performance.now();
  const until = started + options.durationMs;
  const limit = options.requests;
  const issued = await drive(
    op,
    options.concurrency,
    limit === undefined ? () => performance.now() >= until : (n) => n >= limit,
    (micros) => histogram.recordValue(micros),
    (err) => {
      errors++;
      if (failures.size < 5) failures.add(err instanceof Error ? err.message : String(err));
    },
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  await sampling;
  const cpuPerRequest = await meter.stop(issued);
  const result: LoadResult = {
    requests: issued,
    errors,
    failures: [...failures],
    seconds,
    rps: issued / seconds,
    mean: ms(histogram.mean),
    p50: ms(histogram.getValueAtPercentile(50)),
    p95: ms(histogram.getValueAtPercentile(95)),
    p99: ms(histogram.getValueAtPercentile(99)),
    max: ms(histogram.maxValue),
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    cpuPerRequest,
    meanLockWaiters: waiters.length ? Math.round((waiters.reduce((a, b) => a + b, 0) / waiters.length) * 100) / 100 : null,
  };
  histogram.destroy();
  return result;
}
