// The mail worker against a real database (PGlite, or PostgreSQL with ANC_TEST_PG_URL) and a
// transport that records: several workers at once send each message once; a claim whose lease
// ran out is taken again (a crashed sender), and the old claim can then record nothing; failures
// back off exponentially and the MAX-th makes the message dead.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { claimMail, createDb, mailOutbox, markMailFailed, markMailSentMany, queueMail, seedDemoData, seedReferenceData, users, type Database } from '@anc/db';
import { createTestDatabase, type TestDatabase } from '@anc/db/testing';
import { runMailWorker, type MailTransport, type OutgoingMail } from './mail-worker.ts';

let t: TestDatabase;
let second: Database | null = null;
let userId = '';

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'x' });
  const [u] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, 'enlace@sedena.gob.mx'));
  userId = u?.id ?? '';
  // A second pool on PostgreSQL: a second API process. PGlite has one connection.
  if (t.url) second = createDb({ url: t.url, max: 10 });
});
afterAll(async () => {
  await second?.close();
  await t.close();
});
beforeEach(async () => {
  await t.db.delete(mailOutbox);
});

async function queue(n: number) {
  await queueMail(
    t.db,
    Array.from({ length: n }, (_, i) => ({
      dedupeKey: `bench:${i}`,
      userId,
      to: `p${i}@sedena.gob.mx`,
      locale: 'es-MX' as const,
      kind: 'test',
      subject: `S${i}`,
      text: 't',
      html: '<p>h</p>',
    })),
  );
}

function recorder(fail: (m: OutgoingMail) => boolean = () => false): MailTransport & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(m) {
      await new Promise((r) => setTimeout(r, 1));
      if (fail(m)) throw new Error('421 try later');
      sent.push(m.id);
    },
    close() {},
  };
}

const OPTIONS = { batch: 7, leaseMs: 60_000, maxAttempts: 3, retryBaseMs: 1000 };

describe('runMailWorker', () => {
  it('several workers at once send each message exactly once', async () => {
    await queue(120);
    const transports = [recorder(), recorder(), recorder()];
    const dbs = [t.db, second?.db ?? t.db, t.db];
    const results = await Promise.all(transports.map((tr, i) => runMailWorker(dbs[i] ?? t.db, tr, OPTIONS)));
    const all = transports.flatMap((tr) => tr.sent);
    expect(all.length).toBe(120);
    expect(new Set(all).size).toBe(120);
    expect(results.reduce((a, r) => a + r.sent, 0)).toBe(120);
    const rows = await t.db.select().from(mailOutbox);
    expect(rows.every((r) => r.state === 'sent' && r.attempts === 1 && r.sentAt !== null && r.lockedUntil === null)).toBe(true);
  });

  it('takes a message again once its lease ran out, and the old claim records nothing', async () => {
    await queue(1);
    const now = new Date();
    const [first] = await claimMail(t.db, now, 10, 1000);
    expect(await claimMail(t.db, new Date(now.getTime() + 500), 10, 1000)).toEqual([]);
    const [again] = await claimMail(t.db, new Date(now.getTime() + 1500), 10, 1000);
    expect(again?.id).toBe(first?.id);
    expect(again?.attempts).toBe(2);
    expect(await markMailSentMany(t.db, [{ id: first?.id ?? '', attempts: 1 }], new Date())).toBe(0);
    expect(await markMailFailed(t.db, { id: first?.id ?? '', attempts: 1 }, 'late', null)).toBe(false);
    expect(await markMailSentMany(t.db, [{ id: again?.id ?? '', attempts: 2 }], new Date())).toBe(1);
    const [row] = await t.db.select().from(mailOutbox);
    expect(row?.state).toBe('sent');
  });

  it('backs off exponentially and marks the message dead at the last attempt', async () => {
    await queue(1);
    let clock = Date.now();
    const now = () => new Date(clock);
    const tr = recorder(() => true);
    const waits: number[] = [];
    for (let i = 0; i < OPTIONS.maxAttempts; i++) {
      const r = await runMailWorker(t.db, tr, OPTIONS, now);
      const [row] = await t.db.select().from(mailOutbox);
      expect(row?.attempts).toBe(i + 1);
      expect(row?.lastError).toBe('421 try later');
      // Nothing more until the back-off has passed.
      expect(await runMailWorker(t.db, tr, OPTIONS, now)).toEqual({ sent: 0, retried: 0, dead: 0 });
      waits.push((row?.nextAttemptAt.getTime() ?? 0) - clock);
      clock = (row?.nextAttemptAt.getTime() ?? 0) + 1;
      expect(r.dead + r.retried).toBe(1);
    }
    const [dead] = await t.db.select().from(mailOutbox);
    expect(dead).toMatchObject({ state: 'dead', attempts: 3, lastError: '421 try later', sentAt: null });
    expect(waits.slice(0, 2)).toEqual([1000, 2000]);
    expect(await runMailWorker(t.db, recorder(), OPTIONS, () => new Date(clock + 86_400_000))).toEqual({ sent: 0, retried: 0, dead: 0 });
  });
});
