// E-mail end to end against a real SMTP server (smtp-server; every message parsed by mailparser):
// a change's notifications queue their mail in its transaction, the worker of the API process
// sends it, once, in the recipient's language, with the reference and TLP label in the subject and
// the portal link in the body; TLP:RED content never leaves the portal; a change that fails
// leaves no outbox row; an SMTP server that refuses makes retries visible and, after
// MAIL_MAX_ATTEMPTS, a dead message. PGlite, or PostgreSQL with ANC_TEST_PG_URL.
import { eq, sql } from 'drizzle-orm';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox, users } from '@anc/db';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, userIdOf, validIncident, type Client } from '../../testing/incidents.ts';
import { present } from '../../testing/raw.ts';
import { startSmtpSink, type SmtpSink } from '../../testing/smtp.ts';
import { validTask } from '../../testing/tasks.ts';

const PUBLIC_URL = 'https://portal.anc.test';
const MAX_ATTEMPTS = 3;

let smtp: SmtpSink;
let s: TestServer;
let coordinator: Client;
let sedena: Client;
let sedenaId = '';
let sedenaStaffId = '';

beforeAll(async () => {
  smtp = await startSmtpSink();
  s = await startTestServer({
    env: {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Portal ANC <avisos@anc.test>',
      PUBLIC_URL,
      MAIL_POLL_INTERVAL_MS: '30',
      MAIL_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
      MAIL_RETRY_BASE_MS: '20',
    },
  });
  coordinator = await signedIn(s.url, DEMO.coordinator);
  sedena = await signedIn(s.url, DEMO.sedena);
  sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
  sedenaStaffId = await userIdOf(s.t.db, DEMO.sedena);
});
afterAll(async () => {
  await s.close();
  await smtp.close();
});
beforeEach(async () => {
  smtp.failing = false;
  await s.t.db.update(users).set({ locale: 'es-MX' }).where(eq(users.id, sedenaStaffId));
});

/** The messages received about a reference. */
const receivedAbout = (reference: string): ParsedMail[] => smtp.messages.filter((m) => (m.subject ?? '').includes(reference));
const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to.flatMap((a) => a.value) : (m.to?.value ?? [])).map((a) => a.address);

async function waitUntil<T>(what: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`timed out waiting: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const rowsOfTask = async (taskId: string) =>
  s.t.db
    .select({
      state: mailOutbox.state,
      attempts: mailOutbox.attempts,
      lastError: mailOutbox.lastError,
      toAddress: mailOutbox.toAddress,
      sentAt: mailOutbox.sentAt,
    })
    .from(mailOutbox)
    .where(sql`${mailOutbox.notificationId} in (select id from notifications where task_id = ${taskId})`);

describe('a notification by e-mail, through a real SMTP server', () => {
  it('reaches each recipient once, in their language, with the reference and TLP in the subject and the portal link', async () => {
    await s.t.db.update(users).set({ locale: 'en' }).where(eq(users.id, sedenaStaffId));
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: 'Parchar <el> servidor & "correo"' }));
    const rows = await waitUntil(
      () => rowsOfTask(task.id),
      (r) => r.length > 0 && r.every((m) => m.state === 'sent'),
    );
    await smtp.waitFor(1);
    const got = receivedAbout(task.reference);
    expect(got.length).toBe(rows.length);
    expect(new Set(got.map((m) => m.messageId)).size).toBe(got.length);
    const mine = got.filter((m) => toOf(m).includes(DEMO.sedena));
    expect(mine).toHaveLength(1);
    const m = present(mine[0], 'the liaison’s message');
    expect(m.subject).toBe(`[TLP:AMBER] New task for your agency: ${task.reference} · Parchar <el> servidor & "correo"`);
    expect(m.from?.value[0]?.address).toBe('avisos@anc.test');
    expect(m.text).toContain('Hello ');
    expect(m.text).toContain(`${PUBLIC_URL}/tareas/${task.id}`);
    expect(m.html).toContain(`href="${PUBLIC_URL}/tareas/${task.id}"`);
    expect(m.html).toContain('Parchar &lt;el&gt; servidor &amp; &quot;correo&quot;');
    expect(m.html).not.toContain('<el>');
    // The others read Spanish (the default).
    const others = got.filter((x) => !toOf(x).includes(DEMO.sedena));
    for (const o of others) expect(o.subject).toContain(`[TLP:AMBER] Nueva tarea para tu dependencia: ${task.reference}`);
    expect(rows.every((r) => r.attempts === 1 && r.sentAt !== null && r.lastError === null)).toBe(true);
    // The coordinator who created it is not told, by e-mail either.
    expect(got.flatMap(toOf)).not.toContain(DEMO.coordinator);
  });

  it('about a TLP:RED incident says only that there is news, and links to the portal', async () => {
    const SECRET = 'Exfiltración de planos del cuartel norte';
    const incident = await sedena.trpc.incidents.create.mutate(validIncident({ tlp: 'RED', title: SECRET }));
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: `Contener: ${SECRET}`, incidentId: incident.id }));
    await waitUntil(
      () => rowsOfTask(task.id),
      (r) => r.length > 0 && r.every((m) => m.state === 'sent'),
    );
    const got = receivedAbout(task.reference);
    expect(got.length).toBeGreaterThan(0);
    for (const m of got) {
      expect(m.subject).toBe(`[TLP:RED] Hay novedades sobre ${task.reference}`);
      for (const part of [m.subject ?? '', m.text ?? '', String(m.html)]) {
        expect(part).not.toContain('Exfiltración');
        expect(part).not.toContain('cuartel');
      }
      expect(m.text).toContain(`${PUBLIC_URL}/tareas/${task.id}`);
    }
  });

  it('about an incident filed: the coordinators are told, with its TLP and a link to the incident; RED says only that there is news', async () => {
    const amber = await sedena.trpc.incidents.create.mutate(validIncident({ title: 'Correo masivo con adjuntos maliciosos' }));
    const SECRET = 'Llaves del centro de mando';
    const red = await sedena.trpc.incidents.create.mutate(validIncident({ tlp: 'RED', title: SECRET }));
    await smtp.waitFor(1);
    const toCoordinator = async (reference: string) =>
      present(
        (
          await waitUntil(
            async () => receivedAbout(reference).filter((m) => toOf(m).includes(DEMO.coordinator)),
            (got) => got.length > 0,
          )
        )[0],
        reference,
      );
    const a = await toCoordinator(amber.reference);
    expect(a.subject).toContain(`[TLP:AMBER]`);
    expect(a.subject).toContain(amber.reference);
    expect(a.subject).toContain('Correo masivo con adjuntos maliciosos');
    expect(a.text).toContain(`${PUBLIC_URL}/incidentes/${amber.id}`);
    const r = await toCoordinator(red.reference);
    expect(r.subject).toBe(`[TLP:RED] Hay novedades sobre ${red.reference}`);
    expect(r.text).toContain(`${PUBLIC_URL}/incidentes/${red.id}`);
    for (const part of [r.subject ?? '', r.text ?? '', String(r.html)]) expect(part).not.toContain('Llaves');
    // The reporter is never told of their own report.
    expect(receivedAbout(amber.reference).filter((m) => toOf(m).includes(DEMO.sedena))).toEqual([]);
  });
});

describe('a change that fails after its notifications', () => {
  const MARK = 'FALLA-CORREO';
  // The audit row is the last write of a task mutation: failing it once the task's mail is queued
  // proves the outbox row was written in the change's transaction, and is undone with it.
  beforeAll(async () => {
    await s.t.db.execute(
      sql.raw(`create or replace function anc_test_fail_after_mail() returns trigger language plpgsql as $$
        declare n int;
        begin
          if new.entity_type = 'task' and new.diff::text like '%${MARK}%' then
            select count(*) into n from mail_outbox m join notifications x on x.id = m.notification_id where x.task_id = new.entity_id::uuid;
            if n > 0 then raise exception 'forced failure after % queued messages', n; end if;
          end if;
          return new;
        end $$`),
    );
    await s.t.db.execute(
      sql.raw(`create trigger anc_test_fail_after_mail before insert on audit_events for each row execute function anc_test_fail_after_mail()`),
    );
  });
  afterAll(async () => {
    await s.t.db.execute(sql.raw(`drop trigger if exists anc_test_fail_after_mail on audit_events`));
  });

  it('leaves no outbox row and sends nothing', async () => {
    const before = (await s.t.db.select({ id: mailOutbox.id }).from(mailOutbox)).length;
    const sentBefore = smtp.accepted();
    const err = await errorOf(coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: `Tarea ${MARK}` })));
    expect(err.code).toBe('INTERNAL_SERVER_ERROR');
    expect((await s.t.db.select({ id: mailOutbox.id }).from(mailOutbox)).length).toBe(before);
    await s.server.mailWorker?.run();
    expect(smtp.accepted()).toBe(sentBefore);
    expect(smtp.messages.some((m) => (m.subject ?? '').includes(MARK))).toBe(false);
  });
});

describe('an SMTP server that refuses', () => {
  it('makes the worker retry with back-off until it accepts: delivered once, the tries visible', async () => {
    smtp.failing = true;
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    await waitUntil(
      () => rowsOfTask(task.id),
      (r) => r.length > 0 && r.every((m) => m.attempts >= 2 && m.state === 'pending' && (m.lastError ?? '').includes('451')),
    );
    smtp.failing = false;
    const rows = await waitUntil(
      () => rowsOfTask(task.id),
      (r) => r.every((m) => m.state === 'sent'),
    );
    expect(rows.every((r) => r.attempts >= 2 && r.attempts <= MAX_ATTEMPTS)).toBe(true);
    expect(receivedAbout(task.reference)).toHaveLength(rows.length);
  });

  it(`marks a message dead, with its last error, after ${MAX_ATTEMPTS} failures, and sends it no more`, async () => {
    smtp.failing = true;
    const refusedBefore = smtp.refused();
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const rows = await waitUntil(
      () => rowsOfTask(task.id),
      (r) => r.length > 0 && r.every((m) => m.state === 'dead'),
    );
    expect(rows.every((r) => r.attempts === MAX_ATTEMPTS && (r.lastError ?? '').includes('451') && r.sentAt === null)).toBe(true);
    await s.server.mailWorker?.run();
    expect(smtp.refused() - refusedBefore).toBe(rows.length * MAX_ATTEMPTS);
    smtp.failing = false;
    await s.server.mailWorker?.run();
    expect(receivedAbout(task.reference)).toEqual([]);
  });
});
