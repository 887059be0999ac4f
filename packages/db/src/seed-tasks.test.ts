import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import { TASK_STATUSES, checkTaskTransition, isTaskOverdue, type TaskStatus } from '@anc/domain';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';
import { seedDemoData, seedReferenceData } from './seed.ts';
import { seedDemoIncidents } from './seed-incidents.ts';
import { seedDemoPlan } from './seed-plan.ts';
import { seedDemoTasks } from './seed-tasks.ts';
import { agencies, incidentEvents, notifications, taskEvents, tasks, users } from './schema/index.ts';

let t: TestDatabase;
const now = new Date('2026-11-21T12:00:00Z');
beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'not-a-real-hash' });
  await seedDemoIncidents(t.db, now);
  await seedDemoPlan(t.db, now);
});
afterAll(() => t.close());

describe('demo tasks', () => {
  it('seeds a handful once, with gapless references, in every status', async () => {
    expect(await seedDemoTasks(t.db, now)).toEqual({ tasks: 7 });
    expect(await seedDemoTasks(t.db, now)).toEqual({ tasks: 0 });
    const rows = await t.db.select().from(tasks).orderBy(asc(tasks.reference));
    expect(rows.map((r) => r.reference)).toEqual(rows.map((_, i) => `TSK-2026-${String(i + 1).padStart(6, '0')}`));
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(TASK_STATUSES));
    expect(rows.filter((r) => isTaskOverdue(r, now)).map((r) => r.title)).toEqual(['Informar a la ANC el alcance del cifrado de servidores']);
    expect(rows.every((r) => !(r.incidentId && r.initiativeId))).toBe(true);
    expect(rows.some((r) => r.initiativeId)).toBe(true);
  });

  it('tells a history the state machine allows, step by step, ending where the task is', async () => {
    const rows = await t.db.select().from(tasks);
    const agencyOf = new Map((await t.db.select().from(agencies)).map((a) => [a.id, a]));
    const userOf = new Map((await t.db.select().from(users)).map((u) => [u.id, u]));
    for (const task of rows) {
      const events = await t.db.select().from(taskEvents).where(eq(taskEvents.taskId, task.id)).orderBy(asc(taskEvents.at), asc(taskEvents.id));
      expect(events[0]?.kind).toBe('created');
      let status: TaskStatus = 'open';
      for (const e of events.filter((x) => x.kind === 'status')) {
        const data = e.data as { from: TaskStatus; to: TaskStatus };
        expect(data.from).toBe(status);
        const actor = userOf.get(e.actorId ?? '');
        if (!actor) throw new Error('a status step without an author');
        expect(() =>
          checkTaskTransition(actor, { status, assigneeAgencyId: task.assigneeAgencyId }, { to: data.to, comment: e.body ?? undefined }),
        ).not.toThrow();
        status = data.to;
      }
      expect(status).toBe(task.status);
      expect(task.version).toBe(events.filter((x) => x.kind === 'status').length + 1);
      expect(agencyOf.get(task.assigneeAgencyId)).toBeDefined();
    }
  });

  it('records each task on its incident’s timeline and leaves unread notifications for the bell', async () => {
    const linked = (await t.db.select().from(tasks)).filter((r) => r.incidentId);
    const [timeline] = await t.db.select({ n: count() }).from(incidentEvents).where(eq(incidentEvents.kind, 'task_created'));
    expect(timeline?.n).toBe(linked.length);
    const [sedena] = await t.db.select().from(users).where(eq(users.email, 'enlace@sedena.gob.mx'));
    const [unread] = await t.db
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, sedena?.id ?? ''), isNull(notifications.readAt)));
    expect(unread?.n).toBe(3);
    const [coordinator] = await t.db.select().from(users).where(eq(users.email, 'coordinacion@anc.gob.mx'));
    const inReview = await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, coordinator?.id ?? ''), eq(notifications.kind, 'task_in_review')));
    expect(inReview.length).toBe(3);
  });
});
