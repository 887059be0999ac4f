// Who is told about incidents (issue 12), through the use-cases against a real database (PGlite,
// or PostgreSQL with ANC_TEST_PG_URL): for each kind, who gets it and who does not (the actor,
// another agency, an agency it is not shared with, a note's non-readers), once per event; what
// the list says once the reader can no longer read the incident; and the legal-deadline
// reminders of the overdue job, once per recipient, obligation and state across several runs.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agencies, createDb, incidents, notifications, seedDemoData, seedReferenceData, tasks, users, type Database, type Db } from '@anc/db';
import { CreateIncidentInput, CreateTaskInput, type Actor, type CreateIncidentInput as CreateIncidentInputType, type NotificationKind } from '@anc/domain';
import { createTestDatabase, type TestDatabase } from '@anc/db/testing';
import { hoursAgo, validIncident } from '../../testing/incidents.ts';
import { present } from '../../testing/raw.ts';
import { commentIncident } from '../incidents/comment-incident.ts';
import { fileIncident } from '../incidents/file-incident.ts';
import { shareIncident } from '../incidents/share-incident.ts';
import { transitionIncident } from '../incidents/transition-incident.ts';
import { unshareIncident } from '../incidents/unshare-incident.ts';
import { updateIncident } from '../incidents/update-incident.ts';
import { submitReport } from '../incidents/submit-report.ts';
import { createTask } from '../tasks/create-task.ts';
import { transitionTask } from '../tasks/transition-task.ts';
import type { UseCaseContext } from '../use-case.ts';
import { listNotifications } from './list-notifications.ts';
import { runObligationReminderJob } from './overdue-job.ts';
import { HOUR } from './test-fixtures.ts';

let t: TestDatabase;
let second: Database | null = null;
const ids = { sedena: '', semar: '', sspc: '' };
/** The people of the tests: two coordinators, an admin, two SEDENA staff (one inactive beside), SEMAR and SSPC staff. */
const who = {} as Record<'coordinator' | 'analyst' | 'admin' | 'sedena' | 'sedena2' | 'sedenaOff' | 'semar' | 'sspc', Actor>;

async function actorOf(email: string): Promise<Actor> {
  const [row] = await t.db
    .select({ id: users.id, role: users.role, agencyId: users.agencyId, kind: agencies.kind })
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(users.email, email));
  const u = present(row, email);
  return { userId: u.id, role: u.role, agencyId: u.agencyId, agencyKind: u.kind, locale: 'es-MX' };
}

async function addStaff(email: string, agencyId: string, active = true): Promise<Actor> {
  await t.db.insert(users).values({ email, name: email, passwordHash: 'x', role: 'staff', agencyId, active });
  return actorOf(email);
}

const ctxOf = (actor: Actor, locale: Actor['locale'] = 'es-MX'): UseCaseContext => ({
  db: t.db,
  actor: { ...actor, locale },
  origin: { source: 'test' },
  locale,
  sealer: null,
});

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'x' });
  const agencyRows = await t.db.select({ id: agencies.id, code: agencies.code }).from(agencies);
  const agencyId = (code: string) =>
    present(
      agencyRows.find((a) => a.code === code),
      code,
    ).id;
  ids.sedena = agencyId('SEDENA');
  ids.semar = agencyId('SEMAR');
  ids.sspc = agencyId('SSPC');
  who.coordinator = await actorOf('coordinacion@anc.gob.mx');
  who.analyst = await actorOf('analista@anc.gob.mx');
  who.admin = await actorOf('admin@anc.gob.mx');
  who.sedena = await actorOf('enlace@sedena.gob.mx');
  who.semar = await actorOf('enlace@semar.gob.mx');
  who.sspc = await actorOf('enlace@sspc.gob.mx');
  who.sedena2 = await addStaff('prueba-segundo@sedena.gob.mx', ids.sedena);
  who.sedenaOff = await addStaff('prueba-inactivo@sedena.gob.mx', ids.sedena, false);
  if (t.url) second = createDb({ url: t.url, max: 10 });
}, 120_000);
afterAll(async () => {
  await second?.close();
  await t.close();
});
beforeEach(async () => {
  await t.db.delete(notifications);
});

const file = (actor: Actor, overrides: Partial<CreateIncidentInputType> = {}) =>
  fileIncident(ctxOf(actor), CreateIncidentInput.parse(validIncident({ ...(actor.role === 'staff' ? {} : { agencyId: ids.sedena }), ...overrides })));

/** Who was told about this incident: user id → the kinds, in the order written. */
async function toldAbout(incidentId: string): Promise<Map<string, NotificationKind[]>> {
  const rows = await t.db.select().from(notifications).where(eq(notifications.incidentId, incidentId)).orderBy(notifications.createdAt, notifications.id);
  const out = new Map<string, NotificationKind[]>();
  for (const r of rows) out.set(r.userId, [...(out.get(r.userId) ?? []), r.kind]);
  return out;
}
const only = (kind: NotificationKind, ...people: Actor[]) => new Map(people.map((p) => [p.userId, [kind]]));
const rowsOf = (incidentId: string, kind: NotificationKind) =>
  t.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.incidentId, incidentId), eq(notifications.kind, kind)));

describe('incident_filed', () => {
  it('a report filed by an agency tells every active coordinator, once; not the admin, not the reporter, no agency', async () => {
    const filed = await file(who.sedena);
    expect(await toldAbout(filed.id)).toEqual(only('incident_filed', who.coordinator, who.analyst));
  });

  it('a coordinator filing on an agency’s behalf is not told of their own report', async () => {
    const filed = await file(who.coordinator);
    expect(await toldAbout(filed.id)).toEqual(only('incident_filed', who.analyst));
  });
});

describe('incident_shared', () => {
  it('tells the active staff of the agency shared with, once per share; not the reporting agency, other agencies or the ANC', async () => {
    const filed = await file(who.sedena, { tlp: 'AMBER' });
    await t.db.delete(notifications);
    await shareIncident(ctxOf(who.coordinator), { id: filed.id, agencyIds: [ids.semar], allAgencies: false });
    expect(await toldAbout(filed.id)).toEqual(only('incident_shared', who.semar));
    // The same share again adds nothing, and tells nobody again.
    await shareIncident(ctxOf(who.analyst), { id: filed.id, agencyIds: [ids.semar], allAgencies: false });
    expect(await toldAbout(filed.id)).toEqual(only('incident_shared', who.semar));
  });

  it('a share with every agency tells the agencies that could not read it before, not again the one named', async () => {
    const filed = await file(who.sedena, { tlp: 'GREEN' });
    await shareIncident(ctxOf(who.coordinator), { id: filed.id, agencyIds: [ids.semar], allAgencies: false });
    await t.db.delete(notifications);
    await shareIncident(ctxOf(who.coordinator), { id: filed.id, agencyIds: [], allAgencies: true });
    const told = await toldAbout(filed.id);
    expect(told.get(who.sspc.userId)).toEqual(['incident_shared']);
    for (const p of [who.semar, who.sedena, who.sedena2, who.sedenaOff, who.coordinator, who.analyst, who.admin]) expect(told.has(p.userId)).toBe(false);
    expect([...told.values()].every((kinds) => kinds.length === 1)).toBe(true);
  });
});

describe('incident_status_changed', () => {
  it('tells the reporting agency’s active staff; not the coordinator who moved it, not the agency it is shared with', async () => {
    const filed = await file(who.sedena);
    const shared = await shareIncident(ctxOf(who.coordinator), { id: filed.id, agencyIds: [ids.semar], allAgencies: false });
    await t.db.delete(notifications);
    await transitionIncident(ctxOf(who.coordinator), { id: filed.id, version: shared.version, to: 'triaged' });
    expect(await toldAbout(filed.id)).toEqual(only('incident_status_changed', who.sedena, who.sedena2));
  });

  it('carries the reason only when the agency reads it: an `anc` reason stays out of the notification', async () => {
    const filed = await file(who.sedena);
    const triaged = await transitionIncident(ctxOf(who.coordinator), {
      id: filed.id,
      version: filed.version,
      to: 'triaged',
      reason: 'Cruce con TLP:RED ajeno',
      visibility: 'anc',
    });
    await transitionIncident(ctxOf(who.coordinator), {
      id: filed.id,
      version: triaged.version,
      to: 'investigating',
      reason: 'Se asigna analista',
      visibility: 'reporting',
    });
    const rows = await rowsOf(filed.id, 'incident_status_changed');
    expect(rows.length).toBe(4); // two steps × two SEDENA staff
    expect(JSON.stringify(rows)).not.toContain('TLP:RED ajeno');
    expect(rows.filter((r) => r.data.comment === 'Se asigna analista').length).toBe(2);
  });
});

describe('incident_note and incident_comment', () => {
  it('a coordinator’s `reporting` note tells the reporting agency’s staff once each (the reporter too, as a note, not twice)', async () => {
    const filed = await file(who.sedena);
    await shareIncident(ctxOf(who.coordinator), { id: filed.id, agencyIds: [ids.semar], allAgencies: false });
    await t.db.delete(notifications);
    await commentIncident(ctxOf(who.coordinator), { id: filed.id, body: 'Revisen los accesos VPN del fin de semana.' });
    expect(await toldAbout(filed.id)).toEqual(only('incident_note', who.sedena, who.sedena2));
    const [row] = await rowsOf(filed.id, 'incident_note');
    expect(row?.data.comment).toBe('Revisen los accesos VPN del fin de semana.');
  });

  it('an `anc` note tells nobody: not the reporting agency, not its reporter', async () => {
    const filed = await file(who.sedena);
    await t.db.delete(notifications);
    await commentIncident(ctxOf(who.coordinator), { id: filed.id, body: 'Solo para la ANC.', visibility: 'anc' });
    expect(await toldAbout(filed.id)).toEqual(new Map());
  });

  it('a comment by the agency it is shared with tells the reporter; the reporter’s own comment tells nobody', async () => {
    const filed = await file(who.sedena, { tlp: 'AMBER' });
    await shareIncident(ctxOf(who.coordinator), { id: filed.id, agencyIds: [ids.semar], allAgencies: false });
    await t.db.delete(notifications);
    await commentIncident(ctxOf(who.semar), { id: filed.id, body: 'Vimos el mismo dominio en SEMAR.' });
    expect(await toldAbout(filed.id)).toEqual(only('incident_comment', who.sedena));
    await t.db.delete(notifications);
    await commentIncident(ctxOf(who.sedena), { id: filed.id, body: 'Gracias, lo bloqueamos.' });
    expect(await toldAbout(filed.id)).toEqual(new Map());
  });

  it('a colleague’s comment tells the reporter, once per comment', async () => {
    const filed = await file(who.sedena);
    await t.db.delete(notifications);
    await commentIncident(ctxOf(who.sedena2), { id: filed.id, body: 'Primera nota.' });
    await commentIncident(ctxOf(who.sedena2), { id: filed.id, body: 'Segunda nota.' });
    expect(await toldAbout(filed.id)).toEqual(new Map([[who.sedena.userId, ['incident_comment', 'incident_comment']]]));
  });
});

describe('atomicity', () => {
  it('a change that fails after its notifications were written leaves none', async () => {
    const filed = await file(who.sedena);
    await t.db.delete(notifications);
    await t.db.execute(
      sql.raw(`create or replace function fail_comment_audit() returns trigger language plpgsql as $$
        begin
          if new.action = 'incident.comment' then raise exception 'refused for the test'; end if;
          return new;
        end $$`),
    );
    await t.db.execute(sql`create trigger fail_comment_audit before insert on audit_events for each row execute function fail_comment_audit()`);
    try {
      await expect(commentIncident(ctxOf(who.coordinator), { id: filed.id, body: 'Nota que no llega.' })).rejects.toThrow(/refused for the test|audit_events/);
    } finally {
      await t.db.execute(sql`drop trigger if exists fail_comment_audit on audit_events`);
    }
    expect(await toldAbout(filed.id)).toEqual(new Map());
  });
});

describe('the list names only what its reader may read now', () => {
  it('an incident unshared from the reader’s agency is "an incident you can no longer read": no reference, no title, no link', async () => {
    const filed = await file(who.sedena, { tlp: 'AMBER', title: 'Intrusión en el correo de la Sedena' });
    await shareIncident(ctxOf(who.coordinator), { id: filed.id, agencyIds: [ids.semar], allAgencies: false });
    const before = await listNotifications(ctxOf(who.semar, 'en'), { limit: 10 });
    expect(before.items[0]).toMatchObject({ kind: 'incident_shared', about: 'incident', incidentId: filed.id, taskId: null, link: `/incidentes/${filed.id}` });
    expect(before.items[0]?.title).toBe(`The ANC shared an incident with your agency: ${filed.reference} · Intrusión en el correo de la Sedena`);

    await unshareIncident(ctxOf(who.coordinator), { id: filed.id, agencyId: ids.semar });
    const after = await listNotifications(ctxOf(who.semar, 'es-MX'), { limit: 10 });
    expect(after.items[0]).toEqual({
      id: before.items[0]?.id,
      kind: 'incident_shared',
      about: 'incident',
      title: 'Un incidente que ya no puedes consultar',
      link: null,
      taskId: null,
      incidentId: null,
      advisoryId: null,
      createdAt: before.items[0]?.createdAt,
      readAt: null,
    });
    expect(JSON.stringify(after)).not.toContain(filed.reference);
  });

  it('an incident raised to TLP:RED is no longer named to the agency it was shared with', async () => {
    const filed = await file(who.sedena, { tlp: 'AMBER' });
    const shared = await shareIncident(ctxOf(who.coordinator), { id: filed.id, agencyIds: [ids.semar], allAgencies: false });
    await updateIncident(ctxOf(who.coordinator), { id: filed.id, version: shared.version, tlp: 'RED' });
    const list = await listNotifications(ctxOf(who.semar, 'en'), { limit: 10 });
    expect(list.items[0]).toMatchObject({ kind: 'incident_shared', title: 'An incident you can no longer read', link: null, incidentId: null });
    expect(JSON.stringify(list)).not.toContain(filed.reference);
  });

  it('the reporting agency reads its own incident’s notifications with the reference and the link', async () => {
    const filed = await file(who.sedena);
    await commentIncident(ctxOf(who.coordinator), { id: filed.id, body: 'Favor de enviar la notificación.' });
    const list = await listNotifications(ctxOf(who.sedena2, 'es-MX'), { limit: 10 });
    expect(list.items[0]).toMatchObject({ kind: 'incident_note', link: `/incidentes/${filed.id}`, comment: 'Favor de enviar la notificación.' });
    expect(list.items[0]?.title).toContain(filed.reference);
  });
});

describe('task_blocked', () => {
  it('tells the coordinator who created the task, with the reason; not the staff who blocked it', async () => {
    const task = await createTask(
      ctxOf(who.coordinator),
      CreateTaskInput.parse({ title: 'Revisar firewall', dueAt: new Date(Date.now() + 48 * HOUR).toISOString(), assigneeAgencyId: ids.sedena }),
    );
    await t.db.delete(notifications);
    await transitionTask(ctxOf(who.sedena), { id: task.id, version: task.version, to: 'blocked', comment: 'Falta acceso al equipo' });
    const rows = await t.db.select().from(notifications).where(eq(notifications.taskId, task.id));
    expect(rows.map((r) => [r.userId, r.kind, r.data.comment])).toEqual([[who.coordinator.userId, 'task_blocked', 'Falta acceso al equipo']]);
    await t.db.delete(tasks).where(eq(tasks.id, task.id));
  });
});

/** An incident whose notification (72 h after awareness) falls due `hoursLeft` after now. */
const withNotificationDueIn = (hoursLeft: number) => file(who.sedena, { awareAt: hoursAgo(72 - hoursLeft), detectedAt: hoursAgo(73 - hoursLeft) });
const remindersOf = async (incidentId: string) =>
  (
    await t.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.incidentId, incidentId), inArray(notifications.kind, ['obligation_due_soon', 'obligation_overdue'])))
  )
    .map((r) => `${r.kind}:${r.userId}`)
    .sort();
const expected = (kind: NotificationKind, ...people: Actor[]) => people.map((p) => `${kind}:${p.userId}`);

describe('Reminders: legal deadlines, from the overdue job', () => {
  it('an incident whose notification becomes due soon, then overdue: one reminder per recipient and state, however many runs', async () => {
    const filed = await withNotificationDueIn(10); // window 72 h: due soon from 18 h before
    const now = Date.now();
    for (let run = 0; run < 3; run++) await runObligationReminderJob(t.db, new Date(now));
    const dueSoon = expected('obligation_due_soon', who.sedena, who.sedena2);
    expect(await remindersOf(filed.id)).toEqual(dueSoon.sort());

    // Past the due date: the reporting agency again, and the coordinators; still once each.
    for (let run = 0; run < 3; run++) await runObligationReminderJob(t.db, new Date(now + 11 * HOUR));
    const all = [...dueSoon, ...expected('obligation_overdue', who.sedena, who.sedena2, who.coordinator, who.analyst)].sort();
    expect(await remindersOf(filed.id)).toEqual(all);
    for (let run = 0; run < 2; run++) await runObligationReminderJob(t.db, new Date(now + 40 * HOUR));
    expect(await remindersOf(filed.id)).toEqual(all);

    const [row] = await rowsOf(filed.id, 'obligation_overdue');
    expect(row?.data).toMatchObject({ obligation: 'notification', reference: filed.reference });
    const list = await listNotifications(ctxOf(who.coordinator), { limit: 50 });
    expect(list.items.find((n) => n.incidentId === filed.id)?.title).toBe(
      `Venció el plazo de la notificación del incidente: ${filed.reference} · ${filed.title}`,
    );
  });

  it('several job runs at once (two processes on PostgreSQL) still write each reminder once', async () => {
    const filed = await withNotificationDueIn(-1); // already overdue: only the overdue reminder
    const dbs: Db[] = second ? [t.db, second.db] : [t.db];
    await Promise.all(Array.from({ length: 6 }, (_, k) => runObligationReminderJob(dbs[k % dbs.length] ?? t.db, new Date(), k % 2 ? 1 : 100)));
    expect(await remindersOf(filed.id)).toEqual(expected('obligation_overdue', who.sedena, who.sedena2, who.coordinator, who.analyst).sort());
  });

  it('a filed obligation is not reminded; the next one (the final report) is, when its own time comes', async () => {
    const filed = await withNotificationDueIn(10);
    await submitReport(ctxOf(who.sedena), { id: filed.id, kind: 'notification', body: 'Notificación con el alcance.' });
    await runObligationReminderJob(t.db, new Date(Date.now() + 11 * HOUR));
    expect(await remindersOf(filed.id)).toEqual([]);
    const [row] = await t.db
      .select({ due: incidents.nextObligationDueAt, kind: incidents.nextObligationKind })
      .from(incidents)
      .where(eq(incidents.id, filed.id));
    expect(row?.kind).toBe('final_report');
    await runObligationReminderJob(t.db, new Date(present(row?.due, 'due').getTime() + HOUR));
    expect(await remindersOf(filed.id)).toEqual(expected('obligation_overdue', who.sedena, who.sedena2, who.coordinator, who.analyst).sort());
  });

  it('never the staff of another agency, nor an inactive account, nor the admin', async () => {
    const filed = await withNotificationDueIn(-1);
    await shareIncident(ctxOf(who.coordinator), { id: filed.id, agencyIds: [ids.semar], allAgencies: false });
    await runObligationReminderJob(t.db);
    const told = await remindersOf(filed.id);
    for (const p of [who.semar, who.sspc, who.sedenaOff, who.admin]) expect(told.some((r) => r.endsWith(p.userId))).toBe(false);
  });
});
