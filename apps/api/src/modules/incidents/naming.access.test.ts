// Whatever names another incident or a task names it only to a reader who may read it now
// (packages/domain/src/naming.ts; issue 10, defects 3, 11 and 12), over real HTTP: a merge with a
// TLP:RED report of another agency, a task reassigned away from an agency (its timeline entry and
// its notifications), an initiative's tasks of other agencies. Each answer's raw body is searched
// for the id, reference and title of what the reader may not read.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { incidentReadFacts, incidentShares, incidents, taskReadFacts } from '@anc/db';
import { isHiddenName, nameIncidentFor, nameTaskFor, TLP_LEVELS } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, incidentRow, userIdOf, validIncident, type Client } from '../../testing/incidents.ts';
import { validInitiative } from '../../testing/initiatives.ts';
import { validTask } from '../../testing/tasks.ts';

let s: TestServer;
let sedena: Client;
let sedenaEn: Client;
let semar: Client;
let coordinator: Client;
let admin: Client;
let sedenaId = '';
let semarId = '';
let ancId = '';
let coordinatorId = '';

beforeAll(async () => {
  s = await startTestServer();
  sedena = await signedIn(s.url, DEMO.sedena);
  sedenaEn = await signedIn(s.url, DEMO.sedena, { locale: 'en' });
  semar = await signedIn(s.url, DEMO.semar);
  coordinator = await signedIn(s.url, DEMO.coordinator);
  admin = await signedIn(s.url, DEMO.admin);
  sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
  semarId = await agencyIdOf(s.t.db, 'SEMAR');
  ancId = await agencyIdOf(s.t.db, 'ANC');
  coordinatorId = await userIdOf(s.t.db, DEMO.coordinator);
});
afterAll(() => s.close());

/** The raw body of a query, as any script reading the API gets it (GET /trpc/<path>?input=…). */
async function rawBody(client: Client, path: string, input: unknown, locale: 'es-MX' | 'en' = 'es-MX'): Promise<string> {
  const res = await fetch(`${s.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie: client.jar.header(), origin: s.url, 'x-anc-locale': locale },
  });
  expect(res.status).toBe(200);
  return res.text();
}

/** The body names none of these strings (ids, references, titles, comments). */
function expectNoneOf(body: string, secrets: readonly string[]) {
  for (const secret of secrets) expect(body, `the answer names ${secret}`).not.toContain(secret);
}

async function merge(duplicateId: string, targetId: string) {
  const row = await incidentRow(s.t.db, duplicateId);
  return coordinator.trpc.incidents.transition.mutate({ id: duplicateId, version: row.version, to: 'merged', mergeIntoId: targetId });
}

describe('a merge names the other incident only to its readers', () => {
  it('a TLP:RED report of SEMAR merged into SEDENA’s incident is “a duplicate incident” on SEDENA’s timeline', async () => {
    const red = await semar.trpc.incidents.create.mutate(validIncident({ tlp: 'RED', title: 'Exfiltración desde la red naval (duplicado)' }));
    const mine = await sedena.trpc.incidents.create.mutate(validIncident({ title: 'Exfiltración de correo institucional' }));
    await merge(red.id, mine.id);

    const seen = await sedena.trpc.incidents.get.query({ id: mine.id });
    expect(seen.timeline.filter((e) => e.kind === 'merged_from').map((e) => e.data)).toEqual([{ incident: { hidden: true } }]);
    expectNoneOf(await rawBody(sedena, 'incidents.get', { id: mine.id }), [red.id, red.reference, red.title]);
    // The ANC reads both, and sees which one it was.
    const asCoordinator = await coordinator.trpc.incidents.get.query({ id: mine.id });
    expect(asCoordinator.timeline.filter((e) => e.kind === 'merged_from').map((e) => e.data)).toEqual([
      { incident: { id: red.id, reference: red.reference, title: red.title } },
    ]);
    expect(await errorOf(sedena.trpc.incidents.get.query({ id: red.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('SEDENA’s incident merged into a TLP:RED report of SEMAR says “merged into another incident”, in the header and on the timeline', async () => {
    const red = await semar.trpc.incidents.create.mutate(validIncident({ tlp: 'RED', title: 'Campaña contra la red naval' }));
    const mine = await sedena.trpc.incidents.create.mutate(validIncident({ title: 'Campaña contra el correo de SEDENA' }));
    const answered = await merge(mine.id, red.id);
    expect(answered.mergedInto).toEqual({ id: red.id, reference: red.reference, title: red.title });

    const seen = await sedena.trpc.incidents.get.query({ id: mine.id });
    expect(seen.status).toBe('merged');
    expect(seen.mergedInto).toEqual({ hidden: true });
    expect(seen.timeline.filter((e) => e.kind === 'status').map((e) => e.data)).toEqual([{ from: 'submitted', to: 'merged', mergedInto: { hidden: true } }]);
    expectNoneOf(await rawBody(sedena, 'incidents.get', { id: mine.id }), [red.id, red.reference, red.title]);
    for (const anc of [coordinator, admin])
      expect((await anc.trpc.incidents.get.query({ id: mine.id })).mergedInto).toMatchObject({ id: red.id, reference: red.reference });
  });

  it('is decided now: a target shared with SEDENA is named until its TLP is raised to RED', async () => {
    const target = await semar.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER', title: 'Phishing sobre la nómina naval' }));
    await coordinator.trpc.incidents.share.mutate({ id: target.id, agencyIds: [sedenaId] });
    const mine = await sedena.trpc.incidents.create.mutate(validIncident({ title: 'Phishing sobre la nómina' }));
    await merge(mine.id, target.id);
    expect((await sedena.trpc.incidents.get.query({ id: mine.id })).mergedInto).toEqual({ id: target.id, reference: target.reference, title: target.title });

    const row = await incidentRow(s.t.db, target.id);
    await coordinator.trpc.incidents.update.mutate({ id: target.id, version: row.version, tlp: 'RED' });
    expect((await sedena.trpc.incidents.get.query({ id: mine.id })).mergedInto).toEqual({ hidden: true });
    expectNoneOf(await rawBody(sedena, 'incidents.get', { id: mine.id }), [target.id, target.reference]);
  });
});

describe('a task reassigned away from an agency is no longer named to it', () => {
  it('its entry on the incident’s timeline says “a task”, with no id, reference or title', async () => {
    const incident = await sedena.trpc.incidents.create.mutate(validIncident({ tlp: 'GREEN', title: 'Servidor web con defacement' }));
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: 'Restaurar el portal desde respaldo', incidentId: incident.id }));
    const before = await sedena.trpc.incidents.get.query({ id: incident.id });
    expect(before.timeline.filter((e) => e.kind === 'task_created').map((e) => e.data.task)).toEqual([
      { id: task.id, reference: task.reference, title: task.title },
    ]);

    await coordinator.trpc.tasks.update.mutate({ id: task.id, version: task.version, assigneeAgencyId: semarId });
    const after = await sedena.trpc.incidents.get.query({ id: incident.id });
    expect(after.timeline.filter((e) => e.kind === 'task_created').map((e) => e.data.task)).toEqual([{ hidden: true }]);
    expect(after.tasks).toEqual([]);
    expectNoneOf(await rawBody(sedena, 'incidents.get', { id: incident.id }), [task.id, task.reference, task.title]);
    expect((await coordinator.trpc.incidents.get.query({ id: incident.id })).timeline.find((e) => e.kind === 'task_created')?.data.task).toEqual({
      id: task.id,
      reference: task.reference,
      title: task.title,
    });
  });

  it('the old agency’s notifications about it show a generic title, no id, reference, link or comment; they still count as unread', async () => {
    const title = 'Rotar las credenciales del VPN naval';
    const comment = 'Falta la bitácora del concentrador VPN de Tampico.';
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title }));
    const started = await sedena.trpc.tasks.transition.mutate({ id: task.id, version: task.version, to: 'in_progress' });
    const review = await sedena.trpc.tasks.transition.mutate({ id: task.id, version: started.version, to: 'in_review' });
    const returned = await coordinator.trpc.tasks.transition.mutate({ id: task.id, version: review.version, to: 'in_progress', comment });
    const about = async (client: Client) =>
      (await client.trpc.notifications.list.query({ limit: 100 })).items.filter((n) => n.title.includes(task.reference) || n.taskId === task.id);
    const named = await about(sedena);
    expect(named.map((n) => n.kind).sort()).toEqual(['task_assigned', 'task_returned']);
    expect(named.find((n) => n.kind === 'task_returned')).toMatchObject({ taskId: task.id, link: `/tareas/${task.id}`, comment });
    const unreadBefore = (await sedena.trpc.notifications.unreadCount.query()).count;

    await coordinator.trpc.tasks.update.mutate({ id: task.id, version: returned.version, assigneeAgencyId: semarId });

    const items = (await sedena.trpc.notifications.list.query({ limit: 100 })).items.filter((n) => named.some((m) => m.id === n.id));
    expect(items).toHaveLength(2);
    for (const n of items) {
      expect(n).toMatchObject({ title: 'Una tarea que ya no está a cargo de tu dependencia', taskId: null, link: null, readAt: null });
      expect(n).not.toHaveProperty('comment');
    }
    const english = (await sedenaEn.trpc.notifications.list.query({ limit: 100 })).items.filter((n) => named.some((m) => m.id === n.id));
    expect(english.map((n) => n.title)).toEqual(['A task no longer assigned to your agency', 'A task no longer assigned to your agency']);
    for (const locale of ['es-MX', 'en'] as const) {
      expectNoneOf(await rawBody(sedena, 'notifications.list', { limit: 100 }, locale), [task.id, task.reference, title, comment]);
      expectNoneOf(await rawBody(sedena, 'notifications.list', { limit: 100, unreadOnly: true }, locale), [task.id, task.reference, title, comment]);
    }
    expect((await sedena.trpc.notifications.unreadCount.query()).count).toBe(unreadBefore);
    expect(await errorOf(sedena.trpc.tasks.get.query({ id: task.id }))).toMatchObject({ code: 'NOT_FOUND' });

    // The new agency is told, by name; the old one's notices come back named if the task returns to it.
    expect((await about(semar)).map((n) => n.kind)).toEqual(['task_reassigned']);
    expect((await semar.trpc.tasks.get.query({ id: task.id })).id).toBe(task.id);
    const current = await coordinator.trpc.tasks.get.query({ id: task.id });
    await coordinator.trpc.tasks.update.mutate({ id: task.id, version: current.version, assigneeAgencyId: sedenaId });
    const back = (await sedena.trpc.notifications.list.query({ limit: 100 })).items.filter((n) => named.some((m) => m.id === n.id));
    expect(back.every((n) => n.taskId === task.id && n.title.includes(task.reference))).toBe(true);
  });
});

describe('initiatives.get lists the tasks the caller may read, and counts the others', () => {
  it('SEDENA’s staff sees its own task and a count of SEMAR’s; the ANC sees all of them', async () => {
    const initiative = await admin.trpc.initiatives.create.mutate(validInitiative(sedenaId, { participantAgencyIds: [semarId] }));
    const ownTask = await coordinator.trpc.tasks.create.mutate(
      validTask(sedenaId, { title: 'Inventariar los servidores expuestos', initiativeId: initiative.id }),
    );
    const others = [
      await coordinator.trpc.tasks.create.mutate(validTask(semarId, { title: 'Segmentar la red de buques', initiativeId: initiative.id })),
      await coordinator.trpc.tasks.create.mutate(validTask(semarId, { title: 'Auditar los accesos remotos navales', initiativeId: initiative.id })),
    ];

    const asSedena = await sedena.trpc.initiatives.get.query({ id: initiative.id });
    expect(asSedena.tasks.map((t) => t.id)).toEqual([ownTask.id]);
    expect(asSedena.hiddenTaskCount).toBe(2);
    expectNoneOf(
      await rawBody(sedena, 'initiatives.get', { id: initiative.id }),
      others.flatMap((t) => [t.id, t.reference, t.title]),
    );

    const asSemar = await semar.trpc.initiatives.get.query({ id: initiative.id });
    expect(asSemar.tasks.map((t) => t.id).sort()).toEqual(others.map((t) => t.id).sort());
    expect(asSemar.hiddenTaskCount).toBe(1);
    expectNoneOf(await rawBody(semar, 'initiatives.get', { id: initiative.id }), [ownTask.id, ownTask.reference, ownTask.title]);

    for (const anc of [coordinator, admin]) {
      const seen = await anc.trpc.initiatives.get.query({ id: initiative.id });
      expect(seen.tasks.map((t) => t.id).sort()).toEqual([ownTask.id, ...others.map((t) => t.id)].sort());
      expect(seen.hiddenTaskCount).toBe(0);
    }
  });
});

describe('the naming rule and the read scope agree', () => {
  it('for every relation × TLP, an incident is named to exactly the callers incidents.get answers', async () => {
    const ids: string[] = [];
    for (const relation of ['own', 'other', 'sharedByName', 'sharedWithAll'] as const) {
      for (const tlp of TLP_LEVELS) {
        const created = await (relation === 'own' ? sedena : semar).trpc.incidents.create.mutate(
          validIncident({ tlp, title: `Regla de nombres ${relation} ${tlp}` }),
        );
        // Shares written directly: the state an incident is in when its TLP was raised after it was shared.
        if (relation === 'sharedByName') {
          await s.t.db
            .insert(incidentShares)
            .values({ incidentId: created.id, agencyId: sedenaId, incidentCreatedAt: new Date(created.createdAt), sharedBy: coordinatorId });
        }
        if (relation === 'sharedWithAll') await s.t.db.update(incidents).set({ sharedWithAllAt: new Date() }).where(eq(incidents.id, created.id));
        ids.push(created.id);
      }
    }
    const callers = [
      { client: sedena, actor: { role: 'staff' as const, agencyId: sedenaId } },
      { client: coordinator, actor: { role: 'coordinator' as const, agencyId: ancId } },
      { client: admin, actor: { role: 'admin' as const, agencyId: ancId } },
    ];
    for (const { client, actor } of callers) {
      const facts = await incidentReadFacts(s.t.db, actor.agencyId, ids);
      for (const id of ids) {
        const reads = await client.trpc.incidents.get.query({ id }).then(
          () => true,
          () => false,
        );
        expect(!isHiddenName(nameIncidentFor(actor, facts.get(id))), `${actor.role} on ${id}`).toBe(reads);
      }
    }
    // SEDENA reads its five, the five shared by name but RED, and CLEAR/GREEN shared with everyone: 11.
    const sedenaFacts = await incidentReadFacts(s.t.db, sedenaId, ids);
    expect(ids.filter((id) => !isHiddenName(nameIncidentFor({ role: 'staff', agencyId: sedenaId }, sedenaFacts.get(id))))).toHaveLength(11);
  });

  it('a task is named to exactly the callers tasks.get answers, before and after a reassignment', async () => {
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: 'Regla de nombres de tareas' }));
    const check = async () => {
      const facts = await taskReadFacts(s.t.db, [task.id]);
      for (const { client, actor } of [
        { client: sedena, actor: { role: 'staff' as const, agencyId: sedenaId } },
        { client: semar, actor: { role: 'staff' as const, agencyId: semarId } },
        { client: coordinator, actor: { role: 'coordinator' as const, agencyId: ancId } },
      ]) {
        const reads = await client.trpc.tasks.get.query({ id: task.id }).then(
          () => true,
          () => false,
        );
        expect(!isHiddenName(nameTaskFor(actor, facts.get(task.id))), actor.agencyId).toBe(reads);
      }
    };
    await check();
    await coordinator.trpc.tasks.update.mutate({ id: task.id, version: task.version, assigneeAgencyId: semarId });
    await check();
  });
});
