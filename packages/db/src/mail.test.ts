import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queueMail, type QueuedMail } from './queries/mail.ts';
import { mailOutbox, users } from './schema/index.ts';
import { seedDemoData, seedReferenceData } from './seed.ts';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.close();
});
beforeEach(async () => {
  await t.reset();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'x' });
});

async function someUser() {
  const [u] = await t.db.select({ id: users.id, email: users.email }).from(users).limit(1);
  if (!u) throw new Error('no user');
  return u;
}

const mail = (userId: string, to: string, over: Partial<QueuedMail> = {}): QueuedMail => ({
  dedupeKey: 'password_reset:1',
  userId,
  to,
  locale: 'es-MX',
  kind: 'password_reset',
  subject: 'Asunto',
  text: 'Texto',
  html: '<p>Texto</p>',
  ...over,
});

describe('queueMail', () => {
  it('writes a pending row due now, once per dedupe key', async () => {
    const u = await someUser();
    expect(await queueMail(t.db, mail(u.id, u.email))).toBe(1);
    expect(await queueMail(t.db, [mail(u.id, u.email), mail(u.id, u.email, { dedupeKey: 'password_reset:2' })])).toBe(1);
    const rows = await t.db.select().from(mailOutbox).where(eq(mailOutbox.userId, u.id)).orderBy(mailOutbox.dedupeKey);
    expect(rows.map((r) => [r.dedupeKey, r.state, r.attempts, r.toAddress, r.notificationId])).toEqual([
      ['password_reset:1', 'pending', 0, u.email, null],
      ['password_reset:2', 'pending', 0, u.email, null],
    ]);
    expect(await queueMail(t.db, [])).toBe(0);
  });

  it('writes nothing when its transaction rolls back', async () => {
    const u = await someUser();
    await expect(
      t.db.transaction(async (tx) => {
        await queueMail(tx, mail(u.id, u.email));
        throw new Error('later failure');
      }),
    ).rejects.toThrow('later failure');
    expect(await t.db.select().from(mailOutbox)).toEqual([]);
  });
});
