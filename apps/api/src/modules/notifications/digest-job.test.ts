// The daily digest against a real database (PGlite, or PostgreSQL with ANC_TEST_PG_URL), the
// clock injected: at 08:00 Mexico City time, once per person and day, only for those who chose
// it, listing what they may still read and never a TLP:RED matter's words.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createDb,
  incidents,
  insertNotifications,
  mailOutbox,
  notifications,
  seedDemoData,
  seedDemoIncidents,
  seedReferenceData,
  tasks,
  updateUser,
  users,
  type Database,
} from '@anc/db';
import { createTestDatabase, type TestDatabase } from '@anc/db/testing';
import { digestDay, digestDueAt, emailDelivery } from '@anc/domain';
import { present } from '../../testing/raw.ts';
import { runDigestJob } from './digest-job.ts';
import { agencyId, HOUR, insertTask, userId } from './test-fixtures.ts';

const PORTAL = 'https://portal.anc.test';
let t: TestDatabase;
let second: Database | null = null;
let sedena = '';
let semar = '';
let coordinator = '';
let sedenaStaff = '';
let semarStaff = '';

// 3 December 2026, 08:00 in Mexico City (UTC−6, no daylight saving) is 14:00 UTC.
const DUE = new Date('2026-12-03T14:00:00.000Z');
const at = (hoursFromDue: number) => new Date(DUE.getTime() + hoursFromDue * HOUR);

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
  await t.db.delete(mailOutbox);
  await t.db.delete(tasks); // notifications go with their tasks
  await t.db.delete(notifications);
  await t.db.update(users).set({ digest: 'none', emailNotifications: true, lastDigestAt: null });
});

/** A task notification for `user`, written at `createdAt`. */
async function told(user: string, createdAt: Date, options: { agency?: string; title?: string; tlp?: string } = {}) {
  const task = await insertTask(t.db, {
    assigneeAgencyId: options.agency ?? sedena,
    creatorId: coordinator,
    dueAt: at(48),
    ...(options.title ? { title: options.title } : {}),
  });
  await t.db.insert(notifications).values({
    userId: user,
    kind: 'task_assigned',
    taskId: task.id,
    data: { reference: task.reference, title: task.title, ...(options.tlp ? { tlp: options.tlp } : {}) },
    createdAt,
  });
  return task;
}

const mails = () => t.db.select().from(mailOutbox).orderBy(mailOutbox.createdAt);

describe('emailDelivery (the preference rule)', () => {
  it('sends now, in the digest, or not at all', () => {
    expect(emailDelivery({ emailNotifications: true, digest: 'none' })).toBe('immediate');
    expect(emailDelivery({ emailNotifications: true, digest: 'daily' })).toBe('digest');
    expect(emailDelivery({ emailNotifications: false, digest: 'daily' })).toBe('none');
    expect(emailDelivery({ emailNotifications: false, digest: 'none' })).toBe('none');
  });
});

describe('the preferences decide the outbox', () => {
  it('one mail per event, the daily digest instead, or no mail at all', async () => {
    const secondStaff = present(
      (
        await t.db
          .insert(users)
          .values({ email: 'prueba-apagado@sedena.gob.mx', name: 'Prueba', role: 'staff', agencyId: sedena, passwordHash: 'x' })
          .returning()
      )[0],
      'a user',
    ).id;
    await updateUser(t.db, coordinator, { digest: 'daily' });
    await updateUser(t.db, secondStaff, { emailNotifications: false });
    const task = await insertTask(t.db, { assigneeAgencyId: sedena, creatorId: coordinator, dueAt: at(48) });
    const data = { reference: task.reference, title: task.title };
    await t.db.transaction((tx) =>
      insertNotifications(
        tx,
        [sedenaStaff, coordinator, secondStaff].map((recipient) => ({ userId: recipient, kind: 'task_assigned' as const, taskId: task.id, data })),
      ),
    );
    // Immediately: only the person who keeps one mail per event.
    expect((await mails()).map((m) => [m.userId, m.kind])).toEqual([[sedenaStaff, 'task_assigned']]);
    // The digest person hears of it at the next 08:00 Mexico City time (the notification was written now).
    const now = new Date();
    const today = digestDueAt(digestDay(now));
    const nextMorning = now < today ? today : digestDueAt(digestDay(new Date(now.getTime() + 24 * HOUR)));
    expect(await runDigestJob(t.db, PORTAL, nextMorning)).toBe(1);
    expect((await mails()).map((m) => [m.userId, m.kind]).sort()).toEqual(
      [
        [sedenaStaff, 'task_assigned'],
        [coordinator, 'digest'],
      ].sort(),
    );
    await t.db.delete(users).where(eq(users.id, secondStaff));
  });
});

describe('runDigestJob', () => {
  it('sends nothing before 08:00 Mexico City time, then one mail per person who chose the digest, once that day', async () => {
    await updateUser(t.db, sedenaStaff, { digest: 'daily' });
    await updateUser(t.db, semarStaff, { digest: 'daily', emailNotifications: false });
    const first = await told(sedenaStaff, at(-3));
    const later = await told(sedenaStaff, at(-1), { title: 'Revisar el firewall perimetral' });
    await told(semarStaff, at(-2), { agency: semar });
    await told(coordinator, at(-2)); // the coordinator keeps one mail per event: no digest

    expect(await runDigestJob(t.db, PORTAL, at(-0.01))).toBe(0);
    expect(await runDigestJob(t.db, PORTAL, at(0.5))).toBe(1);
    const [mail] = await mails();
    expect(mail).toMatchObject({
      userId: sedenaStaff,
      toAddress: 'enlace@sedena.gob.mx',
      kind: 'digest',
      locale: 'es-MX',
      dedupeKey: `digest:${sedenaStaff}:2026-12-03`,
    });
    expect(mail?.subject).toBe('Resumen diario del portal de la ANC (2026-12-03): 2 avisos');
    for (const task of [first, later]) {
      expect(mail?.text).toContain(task.reference);
      expect(mail?.html).toContain(`${PORTAL}/tareas/${task.id}`);
    }

    // Later the same day, from any number of processes: nothing more.
    await told(sedenaStaff, at(1));
    const again = await Promise.all([runDigestJob(t.db, PORTAL, at(2)), runDigestJob(second?.db ?? t.db, PORTAL, at(2)), runDigestJob(t.db, PORTAL, at(10))]);
    expect(again).toEqual([0, 0, 0]);
    expect(await mails()).toHaveLength(1);

    // The next day's digest covers what came after the first one, and only that.
    expect(await runDigestJob(t.db, PORTAL, at(23.9))).toBe(0);
    expect(await runDigestJob(t.db, PORTAL, at(24))).toBe(1);
    const next = present((await mails())[1], 'the second digest');
    expect(next.dedupeKey).toBe(`digest:${sedenaStaff}:2026-12-04`);
    expect(next.subject).toContain('1 aviso');
    expect(next.text).not.toContain(first.reference);
  });

  it('leaves out what the person may no longer read and never writes a TLP:RED matter', async () => {
    await updateUser(t.db, sedenaStaff, { digest: 'daily', locale: 'en' });
    const kept = await told(sedenaStaff, at(-2));
    const moved = await told(sedenaStaff, at(-2), { title: 'Tarea que pasó a la SEMAR' });
    await t.db.update(tasks).set({ assigneeAgencyId: semar }).where(eq(tasks.id, moved.id));
    await told(sedenaStaff, at(-1), { title: 'Exfiltración en el SAT: secreto', tlp: 'RED' });

    expect(await runDigestJob(t.db, PORTAL, at(0))).toBe(1);
    const [mail] = await mails();
    expect(mail?.locale).toBe('en');
    expect(mail?.subject).toBe('ANC portal daily digest (2026-12-03): 2 notifications');
    expect(mail?.text).toContain(kept.reference);
    expect(mail?.text).toContain('There is news about a TLP:RED matter; read it in the portal.');
    for (const body of [mail?.text ?? '', mail?.html ?? '']) {
      expect(body).not.toContain(moved.reference);
      expect(body).not.toContain('secreto');
    }
  });

  it('keeps the words of a task of a TLP:RED incident, and of a RED incident, out of the digest', async () => {
    await seedDemoIncidents(t.db, at(-72));
    const [incident] = await t.db.select({ id: incidents.id, reference: incidents.reference }).from(incidents).where(eq(incidents.agencyId, sedena)).limit(1);
    const red = present(incident, 'a SEDENA demo incident');
    await t.db.update(incidents).set({ tlp: 'RED', title: 'Intrusión en el mando: confidencial' }).where(eq(incidents.id, red.id));
    await updateUser(t.db, sedenaStaff, { digest: 'daily', locale: 'es-MX' });
    const task = await told(sedenaStaff, at(-2), { title: 'Contener la intrusión: confidencial' });
    await t.db.update(tasks).set({ incidentId: red.id }).where(eq(tasks.id, task.id));
    await t.db.insert(notifications).values({
      userId: sedenaStaff,
      kind: 'incident_status_changed',
      incidentId: red.id,
      data: { reference: red.reference, title: 'Intrusión en el mando: confidencial' },
      createdAt: at(-1),
    });

    expect(await runDigestJob(t.db, PORTAL, at(0))).toBe(1);
    const [mail] = await mails();
    for (const body of [mail?.subject ?? '', mail?.text ?? '', mail?.html ?? '']) expect(body).not.toContain('confidencial');
    expect(mail?.text).toContain(`${PORTAL}/incidentes/${red.id}`);
  });

  it('sends nothing on a day with nothing to tell, nor after the person turns the digest or e-mail off', async () => {
    await updateUser(t.db, sedenaStaff, { digest: 'daily' });
    expect(await runDigestJob(t.db, PORTAL, at(0))).toBe(0);
    await told(sedenaStaff, at(1));
    await updateUser(t.db, sedenaStaff, { emailNotifications: false });
    expect(await runDigestJob(t.db, PORTAL, at(24))).toBe(0);
    await updateUser(t.db, sedenaStaff, { emailNotifications: true, digest: 'none' });
    expect(await runDigestJob(t.db, PORTAL, at(48))).toBe(0);
    expect(await mails()).toEqual([]);
  });
});
