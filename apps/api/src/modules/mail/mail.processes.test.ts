// Exactly once across processes: two API processes (the start command itself) on one PostgreSQL
// database, both running the mail worker against one SMTP server that refuses everything at first
// and then recovers. Every message is delivered once (one Message-ID each, never twice), the
// retries are visible in the outbox, and a message to a mailbox the server refuses for good is
// dead after MAIL_MAX_ATTEMPTS. Only with ANC_TEST_PG_URL: an embedded PGlite belongs to one process.
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlankPostgresDatabase } from '@anc/db/testing';
import { DEMO, DEMO_PASSWORD, httpClient } from '../../testing/http.ts';
import { freePort, spawnApi, stopApi, waitReady, type ApiProcess } from '../../testing/process.ts';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp.ts';
import { validTask } from '../../testing/tasks.ts';

const serverUrl = process.env.ANC_TEST_PG_URL;
const MAX_ATTEMPTS = 5;
const BOUNCE = 'rebota@sedena.gob.mx';
const TASKS = 24;

interface Row {
  id: string;
  state: string;
  attempts: number;
  last_error: string | null;
  to_address: string;
}

describe.skipIf(!serverUrl)('the outbox with two API processes and an SMTP server that fails, then recovers', () => {
  let procs: ApiProcess[] = [];
  let sql: postgres.Sql;
  let smtp: SmtpSink;
  let blank: Awaited<ReturnType<typeof createBlankPostgresDatabase>> | undefined;

  beforeAll(async () => {
    if (!serverUrl) return;
    smtp = await startSmtpSink({ failing: true, refuseTo: (a) => a === BOUNCE });
    blank = await createBlankPostgresDatabase(serverUrl);
    sql = postgres(blank.url, { max: 1, onnotice: () => {} });
    const env = {
      DATABASE_URL: blank.url,
      DEMO_SEED: '1',
      SMTP_URL: smtp.url,
      PUBLIC_URL: 'https://portal.anc.test',
      MAIL_POLL_INTERVAL_MS: '20',
      MAIL_RETRY_BASE_MS: '1000',
      MAIL_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
    };
    procs = await Promise.all([freePort(), freePort()]).then((ports) => ports.map((port) => spawnApi(env, port)));
    await Promise.all(procs.map((p) => waitReady(p, 90_000)));
  }, 120_000);

  afterAll(async () => {
    for (const p of procs) await stopApi(p, 'SIGKILL');
    await sql?.end();
    await blank?.drop();
    await smtp?.close();
  });

  const outbox = () => sql<Row[]>`select id, state, attempts, last_error, to_address from mail_outbox order by created_at, id`;
  async function until(ok: (rows: Row[]) => boolean, timeoutMs = 60_000): Promise<Row[]> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const rows = await outbox();
      if (ok(rows)) return rows;
      if (Date.now() > end) throw new Error(`timed out: ${JSON.stringify(rows.map((r) => [r.state, r.attempts]))}\n${procs.flatMap((p) => p.logs).join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('delivers every message once, shows the retries, and marks the undeliverable one dead', async () => {
    const [admin, coordA, coordB] = [httpClient(procs[0]?.url ?? ''), httpClient(procs[0]?.url ?? ''), httpClient(procs[1]?.url ?? '')];
    await admin.trpc.auth.signIn.mutate({ email: DEMO.admin, password: DEMO_PASSWORD });
    const [sedena] = await sql`select id from agencies where code = 'SEDENA'`;
    const sedenaId = String(sedena?.id);
    await admin.trpc.admin.users.create.mutate({ email: BOUNCE, name: 'Buzón que rebota', role: 'staff', agencyId: sedenaId, password: DEMO_PASSWORD });
    for (const c of [coordA, coordB]) await c.trpc.auth.signIn.mutate({ email: DEMO.coordinator, password: DEMO_PASSWORD });

    // Half of the changes through each process, while the SMTP server refuses everything.
    for (let i = 0; i < TASKS; i++) await (i % 2 ? coordB : coordA).trpc.tasks.create.mutate(validTask(sedenaId, { title: `Tarea ${i} de la ráfaga` }));
    const queued = await outbox();
    const recipients = new Set(queued.map((r) => r.to_address));
    expect(recipients.has(BOUNCE)).toBe(true);
    expect(queued.length).toBe(TASKS * recipients.size);
    // Every message tried and refused at least once, by one worker or the other.
    await until((rows) => rows.every((r) => r.attempts >= 1 && (r.state === 'pending' || r.state === 'dead') && (r.last_error ?? '') !== ''));
    expect(smtp.accepted()).toBe(0);

    smtp.failing = false;
    const done = await until((rows) => rows.every((r) => r.state === 'sent' || r.state === 'dead'));
    const sent = done.filter((r) => r.state === 'sent');
    const dead = done.filter((r) => r.state === 'dead');
    expect(dead.map((r) => r.to_address)).toEqual(Array.from({ length: TASKS }, () => BOUNCE));
    expect(dead.every((r) => r.attempts === MAX_ATTEMPTS && (r.last_error ?? '').includes('550'))).toBe(true);
    expect(sent.length).toBe(TASKS * (recipients.size - 1));
    // Retries visible: every delivered message needed more than one attempt (the first was refused).
    expect(sent.every((r) => r.attempts >= 2 && r.attempts <= MAX_ATTEMPTS && r.last_error === null)).toBe(true);

    // Once each: as many messages received as rows sent, one per outbox row (the Message-ID is the row id).
    await smtp.waitFor(sent.length);
    await new Promise((r) => setTimeout(r, 500));
    const ids = smtp.messages.map((m) => (m.messageId ?? '').replace(/^<|@.*$/g, ''));
    expect(ids.length).toBe(sent.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(sent.map((r) => r.id).sort());
    // Both workers ran to the end (neither crashed on a row the other held).
    expect(procs.every((p) => p.child.exitCode === null)).toBe(true);
  }, 120_000);
});
