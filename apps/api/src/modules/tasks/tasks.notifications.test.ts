// Notifications are part of the change they announce: written in its transaction (a change that
// fails leaves none), to the right people, once each, never to the one who made the change.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, userIdOf, type Client } from '../../testing/incidents.ts';
import { addAccount, notificationsOfTask, taskRow, taskWrittenRows, validTask } from '../../testing/tasks.ts';

let s: TestServer;
let staff: Client;
let semar: Client;
let coordinator: Client;
let analyst: Client;
let admin: Client;
let sedenaId = '';
let semarId = '';
/** SEDENA's active staff (the demo liaison and a second account) and a deactivated one. */
const sedenaStaff: string[] = [];
let sedenaInactive = '';
let semarStaffId = '';
let coordinatorId = '';
let analystId = '';

beforeAll(async () => {
  s = await startTestServer();
  [staff, semar, coordinator, analyst, admin] = await Promise.all([
    signedIn(s.url, DEMO.sedena),
    signedIn(s.url, DEMO.semar),
    signedIn(s.url, DEMO.coordinator),
    signedIn(s.url, 'analista@anc.gob.mx'),
    signedIn(s.url, DEMO.admin),
  ]);
  sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
  semarId = await agencyIdOf(s.t.db, 'SEMAR');
  coordinatorId = await userIdOf(s.t.db, DEMO.coordinator);
  analystId = await userIdOf(s.t.db, 'analista@anc.gob.mx');
  semarStaffId = await userIdOf(s.t.db, DEMO.semar);
  sedenaStaff.push(await userIdOf(s.t.db, DEMO.sedena), (await addAccount(s.url, admin, { agencyId: sedenaId })).id);
  sedenaInactive = (await addAccount(s.url, admin, { agencyId: sedenaId, active: false })).id;
});
afterAll(() => s.close());

/** Who got which notification about a task, sorted, with the comment they carry. */
async function told(taskId: string) {
  const rows = await notificationsOfTask(s.t.db, taskId);
  return rows
    .map((n) => ({ kind: n.kind, userId: n.userId, comment: (n.data.comment as string | undefined) ?? null }))
    .sort((a, b) => (a.kind + a.userId).localeCompare(b.kind + b.userId));
}
const toAll = (kind: string, users: readonly string[], comment: string | null = null) =>
  users.map((userId) => ({ kind, userId, comment })).sort((a, b) => (a.kind + a.userId).localeCompare(b.kind + b.userId));

describe('who is told what', () => {
  it('a new task: each active staff member of the agency exactly once; nobody else, not the coordinator who created it', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    expect(await told(task.id)).toEqual(toAll('task_assigned', sedenaStaff));
    const rows = await notificationsOfTask(s.t.db, task.id);
    expect(rows.every((n) => n.data.reference === task.reference && n.data.title === task.title && n.readAt === null)).toBe(true);
    expect(rows.map((n) => n.userId)).not.toContain(sedenaInactive);
    expect(rows.map((n) => n.userId)).not.toContain(coordinatorId);
  });

  it('the whole workflow: review, block → the creating coordinator; return, cancel, reopen → the agency with the comment; other steps → nobody', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    let version = task.version;
    const step = async (client: Client, to: Parameters<Client['trpc']['tasks']['transition']['mutate']>[0]['to'], comment?: string) => {
      const res = await client.trpc.tasks.transition.mutate({ id: task.id, version, to, ...(comment ? { comment } : {}) });
      version = res.version;
      return res;
    };
    const blocked = toAll('task_blocked', [coordinatorId], 'Esperamos el parche del fabricante.');
    const base = [...toAll('task_assigned', sedenaStaff), ...blocked].sort((a, b) => (a.kind + a.userId).localeCompare(b.kind + b.userId));

    await step(staff, 'in_progress');
    await step(staff, 'blocked', 'Esperamos el parche del fabricante.');
    await step(staff, 'in_progress');
    expect(await told(task.id)).toEqual(base);

    await step(staff, 'in_review');
    // Told to the coordinator who created it — not to the analyst who reviews it next.
    const inReview = toAll('task_in_review', [coordinatorId]);
    expect(await told(task.id)).toEqual(base.concat(inReview).sort((a, b) => (a.kind + a.userId).localeCompare(b.kind + b.userId)));

    await step(analyst, 'in_progress', 'Falta la evidencia del segundo servidor.');
    await step(staff, 'in_review');
    await step(analyst, 'done');
    await step(analyst, 'in_progress', 'Reapertura: el fabricante publicó otro parche.');
    await step(analyst, 'cancelled', 'El sistema se dará de baja.');
    const want = [
      ...base,
      ...toAll('task_in_review', [coordinatorId, coordinatorId]),
      ...toAll('task_returned', sedenaStaff, 'Falta la evidencia del segundo servidor.'),
      ...toAll('task_reopened', sedenaStaff, 'Reapertura: el fabricante publicó otro parche.'),
      ...toAll('task_cancelled', sedenaStaff, 'El sistema se dará de baja.'),
    ].sort((a, b) => (a.kind + a.userId).localeCompare(b.kind + b.userId));
    expect(await told(task.id)).toEqual(want);
    expect((await told(task.id)).map((n) => n.userId)).not.toContain(analystId);
  });

  it('the review notice goes to the coordinator who created the task, whoever else coordinates', async () => {
    const task = await analyst.trpc.tasks.create.mutate(validTask(sedenaId));
    const started = await staff.trpc.tasks.transition.mutate({ id: task.id, version: task.version, to: 'in_progress' });
    await staff.trpc.tasks.transition.mutate({ id: task.id, version: started.version, to: 'in_review' });
    const reviews = (await told(task.id)).filter((n) => n.kind === 'task_in_review');
    expect(reviews).toEqual([{ kind: 'task_in_review', userId: analystId, comment: null }]);
  });

  it('a reassignment tells the new agency’s staff, not the old one’s', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    await coordinator.trpc.tasks.update.mutate({ id: task.id, version: task.version, assigneeAgencyId: semarId });
    expect((await told(task.id)).filter((n) => n.kind === 'task_reassigned')).toEqual([{ kind: 'task_reassigned', userId: semarStaffId, comment: null }]);
    // An edit that is not a reassignment tells nobody.
    const row = await taskRow(s.t.db, task.id);
    await coordinator.trpc.tasks.update.mutate({ id: task.id, version: row.version, title: 'Aislar el equipo de la red naval' });
    expect(await told(task.id)).toHaveLength(sedenaStaff.length + 1);
  });
});

describe('a change that fails leaves no notification', () => {
  const MARK = 'FALLA-FORZADA';
  // A test-only trigger makes the audit row — the last write of every task mutation — fail, but
  // only once notifications for the task exist in the transaction: proof that they were written
  // in it, and are undone with it.
  beforeAll(async () => {
    await s.t.db.execute(
      sql.raw(`create or replace function anc_test_fail_after_notify() returns trigger language plpgsql as $$
        declare n int;
        begin
          if new.entity_type = 'task' and new.diff::text like '%${MARK}%' then
            select count(*) into n from notifications where task_id = new.entity_id::uuid;
            if n > 0 then raise exception 'forced failure after % notifications', n; end if;
          end if;
          return new;
        end $$`),
    );
    await s.t.db.execute(
      sql.raw(`create trigger anc_test_fail_after_notify before insert on audit_events for each row execute function anc_test_fail_after_notify()`),
    );
  });
  afterAll(async () => {
    await s.t.db.execute(sql.raw(`drop trigger if exists anc_test_fail_after_notify on audit_events`));
  });
  it('a creation that fails after notifying writes no task, no history, no notification and uses no reference', async () => {
    const before = await taskWrittenRows(s.t.db);
    const err = await errorOf(coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: `Tarea ${MARK}` })));
    expect(err.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
    // The reference counter rolled back too: the next task gets the number the failed one had.
    const next = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    expect(Number(next.reference.slice(-6))).toBe(before.tskCounter + 1);
  });

  it('a reassignment that fails after notifying leaves the task, its history and the notifications as they were', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const before = await taskWrittenRows(s.t.db);
    const err = await errorOf(
      coordinator.trpc.tasks.update.mutate({ id: task.id, version: task.version, assigneeAgencyId: semarId, title: `Reasignada ${MARK}` }),
    );
    expect(err.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
    expect(await taskRow(s.t.db, task.id)).toMatchObject({ assigneeAgencyId: sedenaId, version: task.version });
  });

  it('a return that fails after notifying leaves no notification', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const started = await staff.trpc.tasks.transition.mutate({ id: task.id, version: task.version, to: 'in_progress' });
    const review = await staff.trpc.tasks.transition.mutate({ id: task.id, version: started.version, to: 'in_review' });
    const before = await taskWrittenRows(s.t.db);
    const err = await errorOf(
      coordinator.trpc.tasks.transition.mutate({ id: task.id, version: review.version, to: 'in_progress', comment: `Corregir ${MARK}` }),
    );
    expect(err.code).toBe('INTERNAL_SERVER_ERROR');
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
    expect((await taskRow(s.t.db, task.id)).status).toBe('in_review');
  });

  it('a reassignment with a stale version is CONFLICT and tells nobody', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    await coordinator.trpc.tasks.update.mutate({ id: task.id, version: task.version, priority: 'urgent' });
    const before = await taskWrittenRows(s.t.db);
    const err = await errorOf(analyst.trpc.tasks.update.mutate({ id: task.id, version: task.version, assigneeAgencyId: semarId }));
    expect(err).toMatchObject({ code: 'CONFLICT', reason: 'stale_version' });
    expect(await taskWrittenRows(s.t.db)).toEqual(before);
    expect((await told(task.id)).filter((n) => n.kind === 'task_reassigned')).toEqual([]);
    // SEMAR's staff cannot see it either.
    expect(await errorOf(semar.trpc.tasks.get.query({ id: task.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
