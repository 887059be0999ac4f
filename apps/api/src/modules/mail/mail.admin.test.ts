// "Correo saliente" without SMTP_URL (the embedded start): nothing leaves the machine, every
// message stays pending in the outbox, and admins page through it (keyset, by state) and read each
// message as it would be sent. Only admins.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '@anc/db';
import type { MailSummaryDto } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, type Client } from '../../testing/incidents.ts';
import { validTask } from '../../testing/tasks.ts';

let s: TestServer;
let admin: Client;
let coordinator: Client;
let staff: Client;
let sedenaId = '';

beforeAll(async () => {
  s = await startTestServer({ env: { PUBLIC_URL: 'https://portal.anc.test/' } });
  [admin, coordinator, staff] = await Promise.all([signedIn(s.url, DEMO.admin), signedIn(s.url, DEMO.coordinator), signedIn(s.url, DEMO.sedena)]);
  sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
});
afterAll(() => s.close());

describe('without SMTP_URL', () => {
  it('runs no mail worker: the messages stay pending, and the list says they are held', async () => {
    expect(s.server.mailWorker).toBeNull();
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const page = await admin.trpc.mailOutbox.list.query({ limit: 100 });
    expect(page.delivery).toBe('held');
    expect(page.maxAttempts).toBe(8);
    const about = page.items.filter((m) => m.subject.includes(task.reference));
    expect(about.length).toBeGreaterThan(0);
    expect(about.every((m) => m.state === 'pending' && m.attempts === 0 && m.lastError === null && m.sentAt === null)).toBe(true);
    expect(page.counts.pending).toBeGreaterThanOrEqual(about.length);
    expect(about.map((m) => m.to)).toContain(DEMO.sedena);
  });

  it('shows each message as it would be sent, with the link to PUBLIC_URL', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: 'Revisar <b>bitácoras</b>' }));
    const page = await admin.trpc.mailOutbox.list.query({ limit: 100 });
    const item = page.items.find((m) => m.subject.includes(task.reference) && m.to === DEMO.sedena);
    const mail = await admin.trpc.mailOutbox.get.query({ id: item?.id ?? '' });
    expect(mail.subject).toBe(`[TLP:AMBER] Nueva tarea para tu dependencia: ${task.reference} · Revisar <b>bitácoras</b>`);
    expect(mail.text).toContain(`https://portal.anc.test/tareas/${task.id}`);
    expect(mail.html).toContain('Revisar &lt;b&gt;bitácoras&lt;/b&gt;');
    expect(mail.locale).toBe('es-MX');
  });

  it('pages newest first without gaps or repeats, and filters by state', async () => {
    for (let i = 0; i < 3; i++) await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const [oldest] = await s.t.db.select({ id: mailOutbox.id }).from(mailOutbox).orderBy(mailOutbox.createdAt).limit(1);
    await s.t.db
      .update(mailOutbox)
      .set({ state: 'dead', attempts: 8, lastError: '550 no such user' })
      .where(eq(mailOutbox.id, oldest?.id ?? ''));
    const all = await admin.trpc.mailOutbox.list.query({ limit: 100 });
    const walked: MailSummaryDto[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 100; i++) {
      const page = await admin.trpc.mailOutbox.list.query({ limit: 2, ...(cursor ? { cursor } : {}) });
      walked.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(walked.map((m) => m.id)).toEqual(all.items.map((m) => m.id));
    expect([...walked].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)).map((m) => m.id)).toEqual(walked.map((m) => m.id));
    const dead = await admin.trpc.mailOutbox.list.query({ limit: 100, state: 'dead' });
    expect(dead.items.map((m) => [m.id, m.lastError, m.attempts])).toEqual([[oldest?.id, '550 no such user', 8]]);
    expect(dead.counts.dead).toBe(1);
  });

  it('answers NOT_FOUND for an unknown message and a bad cursor is BAD_REQUEST', async () => {
    expect((await errorOf(admin.trpc.mailOutbox.get.query({ id: '6f1c1f63-8e0b-4b0c-9a43-3d3b5f0b2d11' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(admin.trpc.mailOutbox.list.query({ cursor: 'not-a-cursor' }))).code).toBe('BAD_REQUEST');
  });

  it('is for admins only', async () => {
    for (const c of [coordinator, staff]) {
      expect(await errorOf(c.trpc.mailOutbox.list.query({}))).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});
