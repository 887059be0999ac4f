// CPU time spent per request by each party — the API process, the database backends, this load
// generator — read from /proc (Linux). On a small machine the three share the cores, so this says
// where a request's cost goes and what throughput the cores allow.
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** utime + stime of a process in ms, or null once it is gone (or without /proc). */
function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm) ": state is the first; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
  } catch {
    return null;
  }
}

export interface CpuPerRequest {
  /** The API process (on PGlite it runs the database too). */
  apiMs: number | null;
  /** The PostgreSQL backends of the bench database (null on PGlite: in-process). */
  dbMs: number | null;
  /** This process: the load generator, and on the PGlite floor the database as well. */
  benchMs: number;
}

export interface CpuMeterSources {
  /** The API processes (one per replica). */
  apiPids?: readonly (number | undefined)[] | undefined;
  /** Backends serving the bench database, listed when a measurement starts and ends. */
  dbPids?: (() => Promise<number[]>) | undefined;
}

/** CPU of several processes together, or null when there are none or one is gone. */
function sumCpu(pids: readonly (number | undefined)[] | undefined): number | null {
  if (!pids?.length) return null;
  let total = 0;
  for (const pid of pids) {
    const ms = pid ? processCpuMs(pid) : null;
    if (ms === null) return null;
    total += ms;
  }
  return total;
}

export async function startCpuMeter(sources: CpuMeterSources): Promise<{ stop(requests: number): Promise<CpuPerRequest> }> {
  const snapshot = async () => {
    const pids = sources.dbPids ? await sources.dbPids() : [];
    return {
      api: sumCpu(sources.apiPids),
      db: new Map(pids.map((pid) => [pid, processCpuMs(pid)] as const)),
      bench: process.cpuUsage(),
    };
  };
  const before = await snapshot();
  return {
    async stop(requests) {
      const after = await snapshot();
      const per = (ms: number) => Math.round((ms / Math.max(1, requests)) * 1000) / 1000;
      let db = 0;
      for (const [pid, end] of after.db) {
        // A backend that appeared during the measurement counts from zero.
        if (end !== null) db += end - (before.db.get(pid) ?? 0);
      }
      const bench = process.cpuUsage(before.bench);
      return {
        apiMs: before.api !== null && after.api !== null ? per(after.api - before.api) : null,
        dbMs: sources.dbPids ? per(db) : null,
        benchMs: per((bench.user + bench.system) / 1000),
      };
    },
  };
}
