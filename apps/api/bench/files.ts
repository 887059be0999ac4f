// The evidence file benchmark (`pnpm --filter @anc/api bench:files`, issue 15): the real API as a
// separate process (node --import tsx src/main.ts, demo accounts), SEDENA's staff uploading and
// downloading 25 MiB files over HTTP (modules/files/files.routes.ts):
// 1. upload and download throughput (MiB/s) of a 25 MiB file, BENCH_FILES_ROUNDS times each;
// 2. the API process's memory (RSS, /proc/<pid>/status) while 5 uploads of 25 MiB run at once,
//    each to its own incident: its growth over the idle process after a warm-up must stay under
//    ~64 MiB (the bytes stream through in 256 KiB chunks; buffering them would take 125 MiB).
// BENCH_DB=pglite (default, a data folder in the temporary directory) or postgres (a fresh database `anc_bench_files` on
// BENCH_PG_URL). Results: bench/results/files-<db>.json. Not part of the test suite.
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { MAX_FILE_BYTES } from '@anc/domain';
import { freePort } from '../src/testing/process.ts';
import { API_DIR, RESULTS_DIR } from './config.ts';

const DB = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROUNDS = Math.max(1, Number(process.env.BENCH_FILES_ROUNDS ?? 3));
const CONCURRENT = 5;
const PASSWORD = 'Lince-Brumoso-Acantilado-83';
const MiB = 1024 * 1024;
const HOUR = 3_600_000;

const rssMiB = (pid: number) => {
  const line =
    readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('VmRSS:')) ?? '';
  return Number(/(\d+)/.exec(line)?.[1] ?? 0) / 1024;
};
const round1 = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function database(): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  // On disk, as a PGlite deployment keeps it: in memory, the stored files themselves would be
  // counted in the API process's memory (the embedded database lives in it).
  if (DB === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'anc-bench-files-'));
    return { env: { PGLITE_DIR: dir }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists anc_bench_files with (force)');
  await admin.unsafe('create database anc_bench_files');
  const url = new URL(PG_URL);
  url.pathname = '/anc_bench_files';
  return {
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.unsafe('drop database if exists anc_bench_files with (force)');
      await admin.end();
    },
  };
}

async function main() {
  const db = await database();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: API_DIR,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      DEMO_SEED: '1',
      RATE_LIMIT_PER_MINUTE: '100000000',
      ...db.env,
    },
  });
  const stop = () => child.pid && child.exitCode === null && process.kill(-child.pid, 'SIGTERM');
  process.once('exit', stop);
  try {
    for (let i = 0; ; i++) {
      if (
        await fetch(`${origin}/readyz`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (i > 600 || child.exitCode !== null) throw new Error('the API did not start');
      await new Promise((r) => setTimeout(r, 200));
    }
    const pid = child.pid ?? 0;
    const signIn = await fetch(`${origin}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email: 'enlace@sedena.gob.mx', password: PASSWORD }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const newIncident = async (n: number) => {
      const res = await fetch(`${origin}/trpc/incidents.create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, cookie },
        body: JSON.stringify({
          title: `Banco de pruebas de evidencias ${n}`,
          description: 'Incidente para medir la subida y descarga de evidencias.',
          rsitClass: 'malicious-code',
          rsitType: 'infected-system',
          severity: 2,
          tlp: 'AMBER',
          detectedAt: new Date(Date.now() - 2 * HOUR).toISOString(),
          awareAt: new Date(Date.now() - HOUR).toISOString(),
          affectedSystems: 'Banco de pruebas',
          impact: { personalData: false, criticalService: false, crossBorder: false },
        }),
      });
      return ((await res.json()) as { result: { data: { id: string } } }).result.data.id;
    };
    const upload = async (incidentId: string, bytes: Buffer) => {
      const form = new FormData();
      // A copy typed as DOM's BlobPart wants (an ArrayBuffer-backed view); the client is not the measured process.
      form.append('file', new Blob([new Uint8Array(bytes)]), 'volcado.bin');
      const res = await fetch(`${origin}/files/incidents/${incidentId}`, { method: 'POST', headers: { origin, cookie }, body: form });
      if (res.status !== 201) throw new Error(`upload → ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string; sha256: string }).id;
    };
    const download = async (fileId: string) => {
      const res = await fetch(`${origin}/files/${fileId}`, { headers: { cookie } });
      return Buffer.from(await res.arrayBuffer());
    };

    // Warm-up: every code path once, so the idle figure includes them.
    const warm = await newIncident(0);
    await download(await upload(warm, randomBytes(MiB)));
    const idle = rssMiB(pid);

    const up: number[] = [];
    const down: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const bytes = randomBytes(MAX_FILE_BYTES);
      const incident = await newIncident(r + 1);
      let t = performance.now();
      const id = await upload(incident, bytes);
      up.push(25 / ((performance.now() - t) / 1000));
      t = performance.now();
      const back = await download(id);
      down.push(25 / ((performance.now() - t) / 1000));
      if (sha(back) !== sha(bytes)) throw new Error('downloaded bytes differ');
    }

    const incidents = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => newIncident(100 + i)));
    const files = incidents.map(() => randomBytes(MAX_FILE_BYTES));
    const before = rssMiB(pid);
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMiB(pid));
    }, 25);
    const t = performance.now();
    await Promise.all(incidents.map((id, i) => upload(id, files[i] ?? Buffer.alloc(0))));
    const concurrentSeconds = (performance.now() - t) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, rssMiB(pid));

    const result = {
      db: DB,
      machine: { cpus: os.cpus().length, node: process.version },
      fileMiB: 25,
      rounds: ROUNDS,
      uploadMiBps: { median: round1(median(up)), all: up.map(round1) },
      downloadMiBps: { median: round1(median(down)), all: down.map(round1) },
      concurrent: { uploads: CONCURRENT, seconds: round1(concurrentSeconds), aggregateMiBps: round1((CONCURRENT * 25) / concurrentSeconds) },
      rssMiB: { idleAfterWarmUp: round1(idle), beforeConcurrent: round1(before), peakDuringConcurrent: round1(peak), growth: round1(peak - before) },
    };
    console.log(JSON.stringify(result, null, 2));
    writeFileSync(join(RESULTS_DIR, `files-${DB}.json`), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 500));
    await db.drop();
  }
}

await main();
