// The overdue job and the notification writer against a real database (PGlite, or PostgreSQL
// with ANC_TEST_PG_URL): who is told, once per due date, never about closed tasks; several
// processes at once write each notification once; a failure leaves neither claim nor notification.
import { count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, insertNotifications, notifications, seedDemoData, seedReferenceData, tasks, users, type Database, type Db } from '@anc/db';
import { createTestDatabase, type TestDatabase } from '@anc/db/testing';
import { notifyTask } from './notify-task.ts';
import { OverdueJob, overdueDedupeKey, runOverdueJob } from './overdue-job.ts';
import { agencyId, HOUR, insertTask, notificationsOf, userId } from './test-fixtures.ts';

let t: TestDatabase;
/** A second connection pool to the same database: a second API process (PostgreSQL); PGlite has one. */
let second: Database | null = null;
let sedena = '';
let semar = '';
let coordinator = '';
let sedenaStaff = '';
let semarStaff = '';

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'x' });
  sedena = await agencyId(t.db, 'SEDENA');
  semar = await agencyId(t.db, 'SEMAR');
  coordinator = await userId(t.db, 'coordinacion@anc.gob.mx');
  sedenaStaff = await userId(t.db, 'enlace@sedena.gob.mx');
  semarStaff = await userId(t.db, 'enlace@semar.gob.mx');
  if (t.url) second = createDb({ url: t.url, max: 10 });
});
afterAll(async () => {
  await second?.close();
  await t.close();
});
beforeEach(async () => {
  await t.db.execute(sql`drop trigger if exists fail_overdue on notifications`);
  await t.db.delete(tasks); // notifications go with their tasks
  await t.db.delete(users).where(sql`${users.email} like 'prueba-%'`);
});

const overdue = (agency: string, hoursLate = 2, creatorId = coordinator) =>
  insertTask(t.db, { assigneeAgencyId: agency, creatorId, dueAt: new Date(Date.now() - hoursLate * HOUR) });

async function addUser(email: string, values: { agencyId: string; role: 'staff' | 'coordinator' | 'admin'; active?: boolean }) {
  const [row] = await t.db
    .insert(users)
    .values({ email, name: email, passwordHash: 'x', ...values })
    .returning();
  if (!row) throw new Error('user not written');
  return row.id;
}

const allNotifications = () => t.db.select().from(notifications);

/** Makes the database refuse overdue notifications about the task with this reference (a real failure, mid-job). */
async function failOn(reference: string) {
  await t.db.execute(
    sql.raw(`create or replace function fail_overdue() returns trigger language plpgsql as $$
      begin
        if new.kind = 'task_overdue' and new.data->>'reference' = '${reference}' then raise exception 'refused for the test'; end if;
        return new;
      end $$`),
  );
  await t.db.execute(sql`create trigger fail_overdue before insert on notifications for each row execute function fail_overdue()`);
}

describe('runOverdueJob', () => {
  it('tells the assignee agency’s active staff and the creating coordinator, once', async () => {
    const secondStaff = await addUser('prueba-2@sedena.gob.mx', { agencyId: sedena, role: 'staff' });
    const inactive = await addUser('prueba-baja@sedena.gob.mx', { agencyId: sedena, role: 'staff', active: false });
    const task = await overdue(sedena);
    const notDue = await insertTask(t.db, { assigneeAgencyId: sedena, creatorId: coordinator, dueAt: new Date(Date.now() + HOUR) });

    expect(await runOverdueJob(t.db)).toBe(3);
    const rows = await allNotifications();
    expect(rows.map((r) => r.userId).sort()).toEqual([sedenaStaff, secondStaff, coordinator].sort());
    for (const r of rows) {
      expect(r).toMatchObject({ kind: 'task_overdue', taskId: task.id, readAt: null, dedupeKey: overdueDedupeKey(task.dueAt) });
      expect(r.data).toEqual({ reference: task.reference, title: task.title, dueAt: task.dueAt.toISOString() });
    }
    expect(rows.some((r) => r.userId === inactive || r.taskId === notDue.id)).toBe(false);
    const [claimed] = await t.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(claimed?.overdueNotifiedFor?.toISOString()).toBe(task.dueAt.toISOString());
    // The claim is bookkeeping, not an edit: nobody's save becomes stale because of it.
    expect(claimed?.version).toBe(task.version);
    expect(claimed?.updatedAt.toISOString()).toBe(task.updatedAt.toISOString());

    expect(await runOverdueJob(t.db)).toBe(0);
    expect(await runOverdueJob(t.db, new Date(Date.now() + 30 * 24 * HOUR))).toBe(3); // only `notDue`, once it is late too
    expect((await allNotifications()).length).toBe(6);
  });

  it('never tells anyone about done or cancelled tasks', async () => {
    for (const status of ['done', 'cancelled'] as const) {
      await insertTask(t.db, { assigneeAgencyId: sedena, creatorId: coordinator, dueAt: new Date(Date.now() - HOUR), status });
    }
    expect(await runOverdueJob(t.db, new Date(Date.now() + 365 * 24 * HOUR))).toBe(0);
    expect(await allNotifications()).toEqual([]);
  });

  it('a task closed after its due date but before the job ran is not notified', async () => {
    const task = await overdue(sedena);
    await t.db.update(tasks).set({ status: 'done' }).where(eq(tasks.id, task.id));
    expect(await runOverdueJob(t.db)).toBe(0);
  });

  it('skips an inactive creator, and somebody who is no longer staff', async () => {
    const formerCoordinator = await addUser('prueba-coord@anc.gob.mx', { agencyId: await agencyId(t.db, 'ANC'), role: 'coordinator', active: false });
    await overdue(semar, 3, formerCoordinator);
    expect(await runOverdueJob(t.db)).toBe(1);
    expect((await allNotifications()).map((r) => r.userId)).toEqual([semarStaff]);
  });

  it('a due date moved later is notified again once the new date passes, once', async () => {
    const task = await overdue(sedena, 1);
    expect(await runOverdueJob(t.db)).toBe(2);
    const later = new Date(Date.now() + 2 * HOUR);
    await t.db
      .update(tasks)
      .set({ dueAt: later, version: sql`${tasks.version} + 1` })
      .where(eq(tasks.id, task.id));
    expect(await runOverdueJob(t.db)).toBe(0); // not late yet
    const afterNewDate = new Date(later.getTime() + 60_000);
    expect(await runOverdueJob(t.db, afterNewDate)).toBe(2);
    expect(await runOverdueJob(t.db, afterNewDate)).toBe(0);
    const mine = await notificationsOf(t.db, sedenaStaff, task.id);
    expect(mine.map((n) => n.dedupeKey).sort()).toEqual([overdueDedupeKey(task.dueAt), overdueDedupeKey(later)].sort());
    // Moved back to a date already announced: that one was said already.
    await t.db.update(tasks).set({ dueAt: task.dueAt }).where(eq(tasks.id, task.id));
    expect(await runOverdueJob(t.db, afterNewDate)).toBe(0);
    expect((await notificationsOf(t.db, sedenaStaff, task.id)).length).toBe(2);
  });

  it('works through a backlog larger than one batch', async () => {
    const many = [];
    for (let i = 0; i < 7; i++) many.push(await overdue(i % 2 ? sedena : semar, i + 1));
    expect(await runOverdueJob(t.db, new Date(), 3)).toBe(14);
    expect(await runOverdueJob(t.db, new Date(), 3)).toBe(0);
  });
});

describe('several processes at once', () => {
  it('write each overdue notification exactly once', async () => {
    const dbs: Db[] = [t.db, second?.db ?? t.db];
    const agencies = [sedena, semar, await agencyId(t.db, 'SSPC'), await agencyId(t.db, 'CFE')];
    await addUser('prueba-3@sedena.gob.mx', { agencyId: sedena, role: 'staff' });
    await addUser('prueba-4@semar.gob.mx', { agencyId: semar, role: 'staff' });
    const created: { id: string; assigneeAgencyId: string }[] = [];
    let written = 0;
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 12; i++) created.push(await overdue(agencies[(round + i) % agencies.length] ?? sedena, 1 + round + i / 10));
      // Twelve runs at once, alternating between the two pools, some with small batches so that
      // claims interleave and skip each other's locked rows.
      const results = await Promise.all(Array.from({ length: 12 }, (_, k) => runOverdueJob(dbs[k % 2] ?? t.db, new Date(), k % 3 === 0 ? 2 : 100)));
      written += results.reduce((a, b) => a + b, 0);
    }
    const staffCount = async (agency: string) =>
      (
        await t.db
          .select({ n: count() })
          .from(users)
          .where(sql`${users.agencyId} = ${agency} and ${users.role} = 'staff' and ${users.active}`)
      )[0]?.n ?? 0;
    let expected = 0;
    for (const task of created) expected += (await staffCount(task.assigneeAgencyId)) + 1;

    const perPair = await t.db
      .select({ userId: notifications.userId, taskId: notifications.taskId, n: count() })
      .from(notifications)
      .groupBy(notifications.userId, notifications.taskId);
    expect(perPair.every((p) => p.n === 1)).toBe(true);
    expect(perPair.length).toBe(expected);
    expect(written).toBe(expected);
    const unclaimed = await t.db
      .select({ n: count() })
      .from(tasks)
      .where(sql`${tasks.overdueNotifiedFor} is distinct from ${tasks.dueAt}`);
    expect(unclaimed[0]?.n).toBe(0);
  });
});

describe('atomicity', () => {
  it('a failure mid-job leaves neither the claim nor the notifications of the failed batch', async () => {
    const list = [];
    for (let i = 0; i < 5; i++) list.push(await overdue(sedena, 10 - i)); // claimed in this order (oldest due first)
    await failOn(list[2]?.reference ?? '');
    await expect(runOverdueJob(t.db, new Date(), 2)).rejects.toThrow(/insert into "notifications"/);
    // The first batch (tasks 0 and 1) committed; the second (2 and 3) failed whole; 4 was never reached.
    const claimed = await t.db
      .select({ id: tasks.id })
      .from(tasks)
      .where(sql`${tasks.overdueNotifiedFor} is not null`);
    expect(claimed.map((c) => c.id).sort()).toEqual([list[0]?.id, list[1]?.id].sort());
    const rows = await allNotifications();
    expect([...new Set(rows.map((r) => r.taskId))].sort()).toEqual([list[0]?.id, list[1]?.id].sort());
    expect(rows.length).toBe(4);

    await t.db.execute(sql`drop trigger fail_overdue on notifications`);
    expect(await runOverdueJob(t.db, new Date(), 2)).toBe(6);
    const perTask = await t.db.select({ taskId: notifications.taskId, n: count() }).from(notifications).groupBy(notifications.taskId);
    expect(perTask.length).toBe(5);
    expect(perTask.every((p) => p.n === 2)).toBe(true);
  });

  it('notifications written in a transaction that fails are gone with it', async () => {
    const task = await insertTask(t.db, { assigneeAgencyId: sedena, creatorId: coordinator, dueAt: new Date(Date.now() + HOUR) });
    await expect(
      t.db.transaction(async (tx) => {
        expect(
          await insertNotifications(tx, [
            { userId: sedenaStaff, kind: 'task_assigned', taskId: task.id, data: { reference: task.reference, title: task.title } },
          ]),
        ).toBe(1);
        expect(await notifyTask(tx, { kind: 'task_in_review', task, actorId: sedenaStaff })).toBe(1);
        throw new Error('the change failed after its notifications were written');
      }),
    ).rejects.toThrow('the change failed');
    expect(await allNotifications()).toEqual([]);
  });

  it('a dedupe key is written once per user, whoever writes it', async () => {
    const task = await overdue(sedena);
    const row = { userId: sedenaStaff, kind: 'task_overdue' as const, taskId: task.id, data: {}, dedupeKey: overdueDedupeKey(task.dueAt) };
    expect(await insertNotifications(t.db, [row])).toBe(1);
    expect(await insertNotifications(t.db, [row, { ...row, userId: semarStaff }])).toBe(1);
    // The job finds those two told already and tells only the coordinator.
    expect(await runOverdueJob(t.db)).toBe(1);
    expect((await allNotifications()).length).toBe(3);
  });
});

describe('OverdueJob (the timer in each API process)', () => {
  it('runs the job, and logs a failure instead of throwing', async () => {
    const errors: unknown[] = [];
    const job = new OverdueJob(t.db, { error: (obj) => errors.push(obj) }, 0);
    job.start(); // interval 0: no timer
    await overdue(sedena);
    expect(await job.run()).toBe(2);
    const task = await overdue(semar);
    await failOn(task.reference);
    expect(await job.run()).toBe(0);
    expect(errors.length).toBe(1);
    await job.stop();
    expect(
      (
        await t.db
          .select()
          .from(notifications)
          .where(inArray(notifications.taskId, [task.id]))
      ).length,
    ).toBe(0);
  });
});
