// Concurrent writers over real HTTP: optimistic versions (one winner, one CONFLICT, no lost
// update), gapless task references, and keyset pages that neither skip nor repeat while tasks arrive.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowsOf } from '@anc/db';
import { mexicoCityYear } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, type Client } from '../../testing/incidents.ts';
import { notificationsOfTask, taskEventsOf, taskRow, validTask, walkTasks } from '../../testing/tasks.ts';

let s: TestServer;
let staff: Client;
let coordinator: Client;
let analyst: Client;
let sedenaId = '';
let semarId = '';

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(async () => {
  await s.reset();
  [staff, coordinator, analyst] = await Promise.all([signedIn(s.url, DEMO.sedena), signedIn(s.url, DEMO.coordinator), signedIn(s.url, 'analista@anc.gob.mx')]);
  sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
  semarId = await agencyIdOf(s.t.db, 'SEMAR');
});

/** The outcome of each call of a batch that ran at once: OK or the error's code and reason. */
const settle = (calls: Promise<unknown>[]) =>
  Promise.all(
    calls.map((c) =>
      c.then(
        () => ({ code: 'OK', reason: null }),
        (e: unknown) => errorOf(Promise.reject(e)).then(({ code, reason }) => ({ code, reason })),
      ),
    ),
  );

const eventsOfKind = async (taskId: string, kind: string) => (await taskEventsOf(s.t.db, taskId)).filter((e) => e.kind === kind);

describe('optimistic concurrency', () => {
  it('two edits with the same version at once: one wins whole, the other gets CONFLICT and changes nothing', async () => {
    const created = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { priority: 'low' }));
    const outcomes = await settle([
      coordinator.trpc.tasks.update.mutate({ id: created.id, version: created.version, priority: 'urgent', title: 'Aislar el servidor comprometido' }),
      analyst.trpc.tasks.update.mutate({ id: created.id, version: created.version, priority: 'normal', title: 'Revisar las bitácoras del servidor' }),
    ]);
    expect(outcomes.filter((o) => o.code === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o.code !== 'OK')).toEqual([{ code: 'CONFLICT', reason: 'stale_version' }]);
    expect(await eventsOfKind(created.id, 'updated')).toHaveLength(1);
    const row = await taskRow(s.t.db, created.id);
    expect(row.version).toBe(created.version + 1);
    // Both fields come from the same winner: no mix of the two edits, and the winner's change persists.
    expect([
      ['urgent', 'Aislar el servidor comprometido'],
      ['normal', 'Revisar las bitácoras del servidor'],
    ]).toContainEqual([row.priority, row.title]);
  });

  it('two reassignments with the same version at once: one agency gets the task and is told; the other is not', async () => {
    const created = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const sspcId = await agencyIdOf(s.t.db, 'SSPC');
    const outcomes = await settle([
      coordinator.trpc.tasks.update.mutate({ id: created.id, version: created.version, assigneeAgencyId: semarId }),
      analyst.trpc.tasks.update.mutate({ id: created.id, version: created.version, assigneeAgencyId: sspcId }),
    ]);
    expect(outcomes.filter((o) => o.code !== 'OK')).toEqual([{ code: 'CONFLICT', reason: 'stale_version' }]);
    const row = await taskRow(s.t.db, created.id);
    expect(await eventsOfKind(created.id, 'reassigned')).toHaveLength(1);
    const reassigned = (await notificationsOfTask(s.t.db, created.id)).filter((n) => n.kind === 'task_reassigned');
    // Each demo agency has one staff account: exactly one notification, to the winner's agency.
    const [winnerStaff] = rowsOf<{ id: string }>(await s.t.db.execute(sql`select id from users where agency_id = ${row.assigneeAgencyId} and role = 'staff'`));
    expect(reassigned.map((n) => n.userId)).toEqual([winnerStaff?.id]);
  });

  it('two transitions with the same version at once: one wins, the other gets CONFLICT; history has one entry', async () => {
    const created = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const outcomes = await settle([
      staff.trpc.tasks.transition.mutate({ id: created.id, version: created.version, to: 'in_progress' }),
      staff.trpc.tasks.transition.mutate({ id: created.id, version: created.version, to: 'blocked', comment: 'Esperamos la ventana de mantenimiento.' }),
    ]);
    expect(outcomes.filter((o) => o.code === 'OK')).toHaveLength(1);
    expect(outcomes.filter((o) => o.code !== 'OK')).toEqual([{ code: 'CONFLICT', reason: 'stale_version' }]);
    const statusEvents = await eventsOfKind(created.id, 'status');
    expect(statusEvents).toHaveLength(1);
    const row = await taskRow(s.t.db, created.id);
    expect(row.version).toBe(created.version + 1);
    expect(statusEvents.map((e) => e.data.to)).toEqual([row.status]);
  });

  it('a coordinator’s cancel and the agency’s step at once: one wins, the loser is told CONFLICT and writes no notification', async () => {
    const created = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId));
    const outcomes = await settle([
      coordinator.trpc.tasks.transition.mutate({ id: created.id, version: created.version, to: 'cancelled', comment: 'La tarea se duplicó.' }),
      staff.trpc.tasks.transition.mutate({ id: created.id, version: created.version, to: 'in_progress' }),
    ]);
    expect(outcomes.filter((o) => o.code !== 'OK')).toEqual([{ code: 'CONFLICT', reason: 'stale_version' }]);
    const row = await taskRow(s.t.db, created.id);
    const cancelled = (await notificationsOfTask(s.t.db, created.id)).filter((n) => n.kind === 'task_cancelled');
    expect(cancelled).toHaveLength(row.status === 'cancelled' ? 1 : 0);
  });

  it('30 concurrent creations get gapless, unique references of the current year in Mexico City', async () => {
    const year = mexicoCityYear(new Date());
    const created = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? coordinator : analyst).trpc.tasks.create.mutate(validTask(i % 3 ? sedenaId : semarId, { title: `Tarea simultánea número ${i + 1}` })),
      ),
    );
    const expectedRefs = Array.from({ length: 30 }, (_, i) => `TSK-${year}-${String(i + 1).padStart(6, '0')}`);
    expect(created.map((c) => c.reference).sort()).toEqual(expectedRefs);
    const stored = rowsOf<{ reference: string }>(await s.t.db.execute(sql`select reference from tasks`));
    expect(stored.map((r) => r.reference).sort()).toEqual(expectedRefs);
    // Creation times follow the references (stamped after the counter is taken), so newest first is commit order.
    const byTime = rowsOf<{ reference: string }>(await s.t.db.execute(sql`select reference from tasks order by created_at, reference`));
    expect(byTime.map((r) => r.reference)).toEqual(expectedRefs);
  });
});

type Listed = Awaited<ReturnType<typeof walkTasks>>;

/** Newest first without ties: (createdAt, id) strictly decreasing from one item to the next. */
function expectStrictlyNewestFirst(items: Listed) {
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1], items[i]];
    if (!a || !b) continue;
    const newer = a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id);
    expect(newer, `${a.reference} (${a.createdAt}) before ${b.reference} (${b.createdAt})`).toBe(true);
  }
}

async function idsNewestFirst(where = sql`true`): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(await s.t.db.execute(sql`select id from tasks where ${where} order by created_at desc, id desc`));
  return rows.map((r) => r.id);
}

/** Tasks created in parallel batches, so that several may share a creation instant and only the id breaks the tie. */
async function createMany(n: number, input: (i: number) => Parameters<Client['trpc']['tasks']['create']['mutate']>[0]) {
  for (let start = 0; start < n; start += 10) {
    await Promise.all(Array.from({ length: Math.min(10, n - start) }, (_, k) => coordinator.trpc.tasks.create.mutate(input(start + k))));
  }
}

describe('keyset pagination while new tasks arrive', () => {
  it('the coordinator walks 40 tasks 6 at a time: each one that existed at the start exactly once, newest first', async () => {
    await createMany(40, (i) => validTask(i % 2 ? sedenaId : semarId, { title: `Tarea de la serie ${i + 1}` }));
    // Ties on created_at are what the id tie-break is for: force a few.
    await s.t.db.execute(sql`update tasks set created_at = (select min(created_at) from tasks) where reference like '%0000_5'`);
    const atStart = await idsNewestFirst();
    let arrived = 0;
    const walked = await walkTasks(coordinator, { limit: 6 }, async () => {
      arrived += 1;
      await analyst.trpc.tasks.create.mutate(validTask(sedenaId, { title: `Llegó durante la paginación ${arrived}` }));
    });
    expect(arrived).toBe(6); // 40 items in 7 pages of 6
    expect(walked.map((i) => i.id)).toEqual(atStart);
    expect(new Set(walked.map((i) => i.id)).size).toBe(walked.length);
    expectStrictlyNewestFirst(walked);
    expect(await idsNewestFirst()).toHaveLength(40 + arrived);
  });

  it('SEDENA’s staff walks its own tasks while tasks for it and for others arrive, and sees no other agency’s', async () => {
    await createMany(30, (i) => validTask(i % 3 ? sedenaId : semarId, { title: `Tarea mixta ${i + 1}` }));
    const atStart = await idsNewestFirst(sql`assignee_agency_id = ${sedenaId}`);
    expect(atStart).toHaveLength(20);
    let arrived = 0;
    const walked = await walkTasks(staff, { limit: 7 }, async () => {
      arrived += 1;
      await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: `Nueva para SEDENA ${arrived}` }));
      await coordinator.trpc.tasks.create.mutate(validTask(semarId, { title: `Nueva para SEMAR ${arrived}` }));
    });
    expect(walked.map((i) => i.id)).toEqual(atStart);
    expect(walked.every((i) => i.assigneeAgency.id === sedenaId)).toBe(true);
    expectStrictlyNewestFirst(walked);
    expect(arrived).toBe(2);
    // Starting again, the newcomers for SEDENA are there, and still none of SEMAR's.
    const again = await walkTasks(staff, { limit: 7 });
    expect(again.map((i) => i.id)).toEqual(await idsNewestFirst(sql`assignee_agency_id = ${sedenaId}`));
    expect(again).toHaveLength(20 + arrived);
  });

  it('walks a status filter while tasks of that status arrive', async () => {
    await createMany(24, (i) => validTask(sedenaId, { title: `Tarea por iniciar ${i + 1}` }));
    const all = await idsNewestFirst();
    // Every third one is started by the agency.
    for (const [i, id] of all.entries()) {
      if (i % 3 === 0) await staff.trpc.tasks.transition.mutate({ id, version: (await taskRow(s.t.db, id)).version, to: 'in_progress' });
    }
    const atStart = await idsNewestFirst(sql`status = 'in_progress'`);
    expect(atStart).toHaveLength(8);
    let arrived = 0;
    const walked = await walkTasks(coordinator, { limit: 3, status: ['in_progress'] }, async () => {
      arrived += 1;
      const fresh = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: `Iniciada durante la paginación ${arrived}` }));
      await staff.trpc.tasks.transition.mutate({ id: fresh.id, version: fresh.version, to: 'in_progress' });
    });
    expect(walked.map((i) => i.id)).toEqual(atStart);
    expect(walked.every((i) => i.status === 'in_progress')).toBe(true);
    expectStrictlyNewestFirst(walked);
    expect(arrived).toBe(2);
  });

  it('a forged cursor is BAD_REQUEST on cursor, not a SQL error or the first page', async () => {
    const err = await errorOf(coordinator.trpc.tasks.list.query({ cursor: 'no-es-un-cursor' }));
    expect(err).toMatchObject({ code: 'BAD_REQUEST' });
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['cursor']);
  });
});
