// The e-mail outbox benchmark (`pnpm --filter @anc/api bench:mail`, issue 12), in one process
// through the real code (no HTTP in between):
// 1. burst: BENCH_MAIL_TASKS tasks × BENCH_MAIL_STAFF staff of one agency = a burst of
//    notifications (10,000 by default), each queueing its e-mail in the outbox in the same
//    transaction (`notifyTask` → `insertNotifications` → `queueNotificationMail`); then
//    BENCH_MAIL_WORKERS mail workers (what that many API processes run) send them all through
//    nodemailer to a local SMTP sink (smtp-server) → messages per second;
// 2. create: the cost of `createTask` (the use-case `tasks.create` calls) for an agency with no
//    active staff (no notification, no mail), one with BENCH_MAIL_CREATE_STAFF staff without an
//    address (that many notifications, no e-mail) and one whose staff get e-mail too, sequentially
//    and interleaved → the added cost per create, and the e-mail's share of it.
// BENCH_DB=pglite (default, in memory) or postgres (a fresh database `anc_bench_mail` on
// BENCH_PG_URL). Results: bench/results/mail-<db>.json. Not part of the test suite.
import { fork } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { agencies, configureMailLinks, createDb, mailOutbox, seedDemoData, seedReferenceData, tasks, users, type Database, type Db } from '@anc/db';
import type { Actor } from '@anc/domain';
import { DEFAULT_MAIL_WORKER, runMailWorker, smtpTransport } from '../src/modules/mail/mail-worker.ts';
import { notifyTask } from '../src/modules/notifications/notify-task.ts';
import { createTask } from '../src/modules/tasks/create-task.ts';
import type { UseCaseContext } from '../src/modules/use-case.ts';
import { RESULTS_DIR } from './config.ts';

const int = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 0) throw new Error(`${name} must be a whole number`);
  return v;
};
const DB = process.env.BENCH_DB === 'postgres' ? 'postgres' : 'pglite';
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TASKS = int('BENCH_MAIL_TASKS', 100);
const STAFF = int('BENCH_MAIL_STAFF', 100);
const WORKERS = Math.max(1, int('BENCH_MAIL_WORKERS', DB === 'postgres' ? 2 : 1));
const CREATES = int('BENCH_MAIL_CREATES', 300);
const CREATE_STAFF = int('BENCH_MAIL_CREATE_STAFF', 5);

async function openDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (DB === 'pglite') {
    const database = createDb({ pgliteDir: 'memory' });
    return { database, drop: () => database.close() };
  }
  const admin = postgres(PG_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe('drop database if exists anc_bench_mail with (force)');
  await admin.unsafe('create database anc_bench_mail');
  const url = new URL(PG_URL);
  url.pathname = '/anc_bench_mail';
  // Pool per worker as an API process has (10), shared here by every worker of the run.
  const database = createDb({ url: url.toString(), max: 10 * WORKERS });
  return {
    database,
    drop: async () => {
      await database.close();
      await admin.unsafe('drop database if exists anc_bench_mail with (force)');
      await admin.end();
    },
  };
}

/** `withMail: false`: staff whose address has no `@`: notified, but `wantsEmail` says no (the notification's cost alone). */
async function addAgencyWithStaff(db: Db, code: string, staff: number, { withMail = true } = {}): Promise<string> {
  const [agency] = await db
    .insert(agencies)
    .values({ code, name: `Dependencia de la prueba ${code}`, nameEn: `Bench agency ${code}`, kind: 'federal_ministry' })
    .returning({ id: agencies.id });
  if (!agency) throw new Error('agency not written');
  for (let i = 0; i < staff; i += 500) {
    const rows = Array.from({ length: Math.min(500, staff - i) }, (_, k) => ({
      email: withMail ? `enlace.${i + k}@${code.toLowerCase()}.bench.gob.mx` : `enlace.${i + k}.${code.toLowerCase()}.sin-correo`,
      name: `Enlace ${i + k} de ${code}`,
      role: 'staff' as const,
      agencyId: agency.id,
      passwordHash: 'x',
      locale: (i + k) % 4 === 0 ? ('en' as const) : ('es-MX' as const),
    }));
    await db.insert(users).values(rows);
  }
  return agency.id;
}

const ms = (ns: bigint) => Number(ns) / 1e6;
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { mean: s.reduce((a, b) => a + b, 0) / (s.length || 1), p50: pct(s, 50), p95: pct(s, 95), p99: pct(s, 99) };
};

/** The SMTP sink, in a child process (smtp-sink-process.ts). */
async function startSinkProcess(): Promise<{ url: string; accepted(): Promise<number>; close(): Promise<void> }> {
  const child = fork(new URL('./smtp-sink-process.ts', import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  const { url } = await next<{ url: string }>();
  return {
    url,
    accepted: async () => {
      const answer = next<{ accepted: number }>();
      child.send('count');
      return (await answer).accepted;
    },
    close: async () => {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      await gone;
    },
  };
}

async function main() {
  console.log(
    `mail bench: ${DB}, burst ${TASKS} tasks × ${STAFF} staff = ${(TASKS * STAFF).toLocaleString('en')} notifications, ${WORKERS} worker(s); create ${CREATES}× without / with ${CREATE_STAFF} recipients`,
  );
  console.log(
    `host: ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const { database, drop } = await openDatabase();
  const db = database.db;
  const smtp = await startSinkProcess();
  try {
    await database.migrate();
    await seedReferenceData(db);
    await seedDemoData(db, { passwordHash: 'x' });
    configureMailLinks('https://portal.anc.test');
    const [coord] = await db.select().from(users).where(eq(users.email, 'coordinacion@anc.gob.mx'));
    if (!coord) throw new Error('no coordinator');
    const [anc] = await db.select().from(agencies).where(eq(agencies.id, coord.agencyId));
    const actor: Actor = { userId: coord.id, role: 'coordinator', agencyId: coord.agencyId, agencyKind: anc?.kind ?? 'federal_ministry', locale: 'es-MX' };
    const ctx: UseCaseContext = { db, actor, origin: { source: 'bench' }, locale: 'es-MX', sealer: null };

    // 1. The burst.
    const burstAgency = await addAgencyWithStaff(db, 'RAFAGA', STAFF);
    const due = new Date(Date.now() + 5 * 86_400_000).toISOString();
    // Tasks written without notifying (the task rows are not what is measured), then each one's
    // notification to every staff member, one transaction per task, as a change would write them.
    const taskIds: { id: string; reference: string; title: string }[] = [];
    for (let i = 0; i < TASKS; i++) {
      const [row] = await db
        .insert(tasks)
        .values({
          reference: `TSK-2026-B${String(i).padStart(5, '0')}`,
          title: `Tarea de la ráfaga ${i}`,
          dueAt: new Date(due),
          assigneeAgencyId: burstAgency,
          creatorId: coord.id,
        })
        .returning({ id: tasks.id, reference: tasks.reference, title: tasks.title });
      if (!row) throw new Error('task not written');
      taskIds.push(row);
    }
    const q0 = process.hrtime.bigint();
    let notified = 0;
    for (const t of taskIds) {
      notified += await db.transaction((tx) =>
        notifyTask(tx, { kind: 'task_assigned', task: { ...t, assigneeAgencyId: burstAgency, creatorId: coord.id }, actorId: coord.id }),
      );
    }
    const queueMs = ms(process.hrtime.bigint() - q0);
    const [queued] = await db.select({ n: count() }).from(mailOutbox);
    console.log(
      `  queued: ${notified.toLocaleString('en')} notifications and ${(queued?.n ?? 0).toLocaleString('en')} e-mails in ${queueMs.toFixed(0)} ms (${Math.round((notified / queueMs) * 1000).toLocaleString('en')} notifications+mails/s written)`,
    );

    const transports = Array.from({ length: WORKERS }, () => smtpTransport(smtp.url, 'Portal ANC <avisos@anc.test>', 'portal.anc.test'));
    const s0 = process.hrtime.bigint();
    const results = await Promise.all(transports.map((tr) => runMailWorker(db, tr, DEFAULT_MAIL_WORKER)));
    const sendMs = ms(process.hrtime.bigint() - s0);
    for (const tr of transports) tr.close();
    const sent = results.reduce((a, r) => a + r.sent, 0);
    const [left] = await db
      .select({ n: count() })
      .from(mailOutbox)
      .where(sql`${mailOutbox.state} <> 'sent'`);
    const mps = (sent / sendMs) * 1000;
    const accepted = await smtp.accepted();
    console.log(
      `  sent: ${sent.toLocaleString('en')} in ${sendMs.toFixed(0)} ms → ${Math.round(mps).toLocaleString('en')} messages/s (SMTP sink accepted ${accepted.toLocaleString('en')}; not sent: ${left?.n ?? 0}; per worker: ${results.map((r) => r.sent).join(', ')})`,
    );
    if (accepted !== sent || (left?.n ?? 0) !== 0) throw new Error('not every message was sent exactly once');

    // 2. The added cost of a create with notifications.
    const quiet = await addAgencyWithStaff(db, 'SINPERSONAL', 0);
    const busy = await addAgencyWithStaff(db, 'CONPERSONAL', CREATE_STAFF);
    const noMail = await addAgencyWithStaff(db, 'SINCORREO', CREATE_STAFF, { withMail: false });
    const input = (agencyId: string, i: number) => ({
      title: `Tarea de medición ${i}`,
      description: 'Medir el costo de crear una tarea.',
      priority: 'normal' as const,
      dueAt: due,
      assigneeAgencyId: agencyId,
    });
    const timeCreates = async (agencyId: string) => {
      const xs: number[] = [];
      for (let i = 0; i < 20; i++) await createTask(ctx, input(agencyId, -i)); // warm-up
      for (let i = 0; i < CREATES; i++) {
        const t0 = process.hrtime.bigint();
        await createTask(ctx, input(agencyId, i));
        xs.push(ms(process.hrtime.bigint() - t0));
      }
      return summary(xs);
    };
    // Interleaved halves, so drift in the machine's load falls on both.
    const without1 = await timeCreates(quiet);
    const notifyOnly1 = await timeCreates(noMail);
    const with1 = await timeCreates(busy);
    const without2 = await timeCreates(quiet);
    const notifyOnly2 = await timeCreates(noMail);
    const with2 = await timeCreates(busy);
    const avg = (a: ReturnType<typeof summary>, b: ReturnType<typeof summary>) => ({
      mean: (a.mean + b.mean) / 2,
      p50: (a.p50 + b.p50) / 2,
      p95: (a.p95 + b.p95) / 2,
      p99: (a.p99 + b.p99) / 2,
    });
    const without = avg(without1, without2);
    const withN = avg(with1, with2);
    const notifyOnly = avg(notifyOnly1, notifyOnly2);
    const f = (s: ReturnType<typeof summary>) => `mean ${s.mean.toFixed(2)} ms, p50 ${s.p50.toFixed(2)} ms, p95 ${s.p95.toFixed(2)} ms`;
    console.log(`  tasks.create without notifications: ${f(without)}`);
    console.log(`  tasks.create with ${CREATE_STAFF} notifications, no e-mail: ${f(notifyOnly)}`);
    console.log(`  tasks.create with ${CREATE_STAFF} notifications + e-mails: ${f(withN)}`);
    console.log(`  the e-mail part alone: ${(withN.mean - notifyOnly.mean).toFixed(2)} ms mean, ${(withN.p50 - notifyOnly.p50).toFixed(2)} ms p50`);
    console.log(
      `  added: ${(withN.mean - without.mean).toFixed(2)} ms mean, ${(withN.p50 - without.p50).toFixed(2)} ms p50 (${(((withN.p50 - without.p50) / without.p50) * 100).toFixed(0)} %)`,
    );

    const out = {
      at: new Date().toISOString(),
      db: DB,
      host: { cores: os.cpus().length, loadAverage: os.loadavg() },
      burst: {
        tasks: TASKS,
        staffPerTask: STAFF,
        notifications: notified,
        mails: queued?.n ?? 0,
        queueMs,
        workers: WORKERS,
        sent,
        sendMs,
        messagesPerSecond: mps,
        perWorker: results.map((r) => r.sent),
      },
      create: {
        runs: CREATES * 2,
        recipients: CREATE_STAFF,
        withoutMs: without,
        notificationsOnlyMs: notifyOnly,
        withMs: withN,
        addedMeanMs: withN.mean - without.mean,
        addedP50Ms: withN.p50 - without.p50,
        mailPartMeanMs: withN.mean - notifyOnly.mean,
        mailPartP50Ms: withN.p50 - notifyOnly.p50,
      },
    };
    const file = join(RESULTS_DIR, `mail-${DB}.json`);
    writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
    console.log(`results: ${file}`);
  } finally {
    await smtp.close();
    await drop();
  }
}

await main();
