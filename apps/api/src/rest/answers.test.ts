// The incident answers, as they really are, against their one description: the strict zod schemas
// of packages/domain/src/schemas/incident-dto.ts (which the DTO builders are typed from and REST
// v1's OpenAPI document is generated from). Nothing parses answers on the request path (issue
// 17), so this is where a runtime drift fails: a Date or `undefined` where the schema says an ISO
// string or null (caught in process, before JSON would hide it), an extra key, a timeline `data`
// of a shape its kind does not name (caught over the wire too, on the exact bytes sent).
// One incident carries every kind of timeline entry, shares, observables, reports, tasks, merges
// and hidden names; it is read by every kind of reader, in process (tRPC caller), over tRPC HTTP
// and over REST v1; the demo data (written by the seeders, not the use-cases) is read too.
// PGlite, and PostgreSQL with ANC_TEST_PG_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { SESSION_COOKIE } from '@anc/auth';
import { seedDemoIncidents, seedDemoPlan, seedDemoTasks } from '@anc/db';
import { API_SCOPES, INCIDENT_EVENT_KINDS, IncidentDetail, IncidentList, ObservablesAdded, type Actor, type IncidentTimelineEntry } from '@anc/domain';
import { testEnv } from '../env.ts';
import { appRouter } from '../router.ts';
import { createTestApiClient, type TestApiClient } from '../testing/api-clients.ts';
import { DEMO, signedIn, startTestServer, type TestServer } from '../testing/http.ts';
import { agencyIdOf, incidentRow, userIdOf, validIncident, type Client } from '../testing/incidents.ts';
import { present } from '../testing/raw.ts';
import { addAccount, validTask } from '../testing/tasks.ts';
import { validPlaybook } from '../testing/playbooks.ts';
import { createInnerContext, noCookies } from '../trpc/context.ts';
import { actorFromToken } from '../trpc/session.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 120_000);
afterAll(() => s?.close());

/** The answer parsed with the strict schema; a failure names the reader, the path and zod's issues. */
function expectValid<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value);
  expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`), where).toEqual([]);
  return present(parsed.data, where);
}

interface Reader {
  name: string;
  /** The same procedures in process: the answer before JSON turns a Date into a string. */
  caller: ReturnType<typeof appRouter.createCaller>;
  http: Client;
}

async function personReader(name: string, email: string): Promise<Reader> {
  const http = await signedIn(s.url, email);
  const signedInAs = await actorFromToken(s.t.db, http.jar.cookies.get(SESSION_COOKIE), noCookies, []);
  const session = present(signedInAs, email);
  return { name, http, caller: callerFor(session.actor, session.sessionId) };
}

/** The app router called in process with this session, as if from the portal's own origin. */
const callerFor = (actor: Actor, sessionId: string) =>
  appRouter.createCaller(
    createInnerContext({
      db: s.t.db,
      env: testEnv(),
      actor,
      sessionId,
      request: { requestId: 'answers-test', ip: '127.0.0.1', userAgent: 'vitest', origin: 'http://localhost', selfOrigin: 'http://localhost' },
    }),
  );

/** The exact body of a tRPC query over HTTP (GET /trpc/<path>?input=…), its `result.data`. */
async function trpcBody(reader: Reader, path: string, input: unknown): Promise<unknown> {
  const res = await fetch(`${s.url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
    headers: { cookie: reader.http.jar.header(), origin: s.url },
  });
  expect(res.status, `${reader.name} ${path}`).toBe(200);
  return ((await res.json()) as { result: { data: unknown } }).result.data;
}

/** A REST v1 call with an API client's token: status and parsed exact body. */
async function rest(c: TestApiClient, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${s.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${c.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: JSON.parse(await res.text()) };
}

const kindsOf = (d: IncidentDetail) => new Set(d.timeline.map((e) => e.kind));
/** The `data` of the entries of one kind. */
const dataOf = <K extends IncidentTimelineEntry['kind']>(d: IncidentDetail, kind: K) =>
  d.timeline.flatMap((e) => (e.kind === kind ? [e.data as Extract<IncidentTimelineEntry, { kind: K }>['data']] : []));

describe('the incident answers match their strict schemas (packages/domain/src/schemas/incident-dto.ts)', () => {
  let coordinator: Reader;
  let admin: Reader;
  let sedena: Reader;
  let semar: Reader;
  let imss: Reader;
  let sedenaSoc: TestApiClient;
  let semarSoc: TestApiClient;
  let ids: { main: string; mergedAway: string; redTarget: string };
  /** The answers of the REST writes that built the incident, parsed in the first test. */
  const restWrites: { what: string; status: number; expected: number; schema: z.ZodType; body: unknown }[] = [];

  beforeAll(async () => {
    await s.reset();
    coordinator = await personReader('coordinator', DEMO.coordinator);
    admin = await personReader('admin', DEMO.admin);
    sedena = await personReader('SEDENA staff', DEMO.sedena);
    semar = await personReader('SEMAR staff', DEMO.semar);
    sedenaSoc = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: [...API_SCOPES] });
    semarSoc = await createTestApiClient(s.t.db, { agencyCode: 'SEMAR', scopes: [...API_SCOPES] });
    const [sedenaId, semarId, imssId] = [await agencyIdOf(s.t.db, 'SEDENA'), await agencyIdOf(s.t.db, 'SEMAR'), await agencyIdOf(s.t.db, 'IMSS')];
    imss = await personReader('IMSS staff', (await addAccount(s.url, admin.http, { agencyId: imssId, label: 'imss' })).email);

    // Filed over REST v1 by SEDENA's SOC, with observables ('created'); its answers are parsed too.
    const created = await rest(sedenaSoc, 'POST', '/api/v1/incidents', {
      ...validIncident({ title: 'Intrusión en el servidor de correo de SEDENA', tlp: 'AMBER' }),
      observables: [
        { type: 'ipv4', value: '203.0.113.10' },
        { type: 'domain', value: 'correo-falso.example' },
      ],
      impact: { personalData: true, records: 1200, criticalService: false, crossBorder: false, estimatedLossMxn: '250000.5' },
    });
    restWrites.push({ what: 'REST create', status: created.status, expected: 201, schema: IncidentDetail, body: created.body });
    const main = (created.body as { id: string }).id;
    const v = async (id: string) => (await incidentRow(s.t.db, id)).version;

    await sedena.http.trpc.incidents.update.mutate({ id: main, version: await v(main), severity: 3 }); // 'updated'
    await sedena.http.trpc.incidents.comment.mutate({ id: main, body: 'Se aislaron los equipos afectados.' }); // 'comment', all readers
    await coordinator.http.trpc.incidents.comment.mutate({ id: main, body: 'Nota interna de la ANC.', visibility: 'anc' });
    await coordinator.http.trpc.incidents.comment.mutate({ id: main, body: 'Para el cuerpo que reporta.', visibility: 'reporting' });
    await coordinator.http.trpc.incidents.transition.mutate({
      id: main,
      version: await v(main),
      to: 'triaged',
      reason: 'Revisado por la ANC.',
      visibility: 'reporting',
    }); // 'status'
    await coordinator.http.trpc.incidents.setOwner.mutate({ id: main, version: await v(main), ownerId: await userIdOf(s.t.db, DEMO.coordinator) }); // 'owner_changed'
    await coordinator.http.trpc.incidents.share.mutate({ id: main, agencyIds: [semarId, imssId] }); // 'shared'
    await coordinator.http.trpc.incidents.unshare.mutate({ id: main, agencyId: imssId }); // 'unshared'
    const added = await rest(sedenaSoc, 'POST', `/api/v1/incidents/${main}/observables`, {
      observables: [
        { type: 'sha256', value: 'a'.repeat(64) },
        { type: 'ipv4', value: '203.0.113.10' },
      ],
    }); // 'observables_added'
    restWrites.push({ what: 'REST addObservables', status: added.status, expected: 200, schema: ObservablesAdded, body: added.body });
    const removable = (await sedena.caller.incidents.get({ id: main })).observables.find((o) => o.type === 'domain');
    await sedena.http.trpc.incidents.removeObservable.mutate({ id: main, observableId: present(removable, 'domain observable').id }); // 'observable_removed'
    const reported = await rest(sedenaSoc, 'POST', `/api/v1/incidents/${main}/reports`, { kind: 'notification', body: 'Notificación con el alcance.' }); // 'report'
    restWrites.push({ what: 'REST submitReport', status: reported.status, expected: 201, schema: IncidentDetail, body: reported.body });
    // A TLP:RED report of SEMAR merged into it ('merged_from', hidden to SEDENA), and another of
    // SEDENA's merged into a TLP:RED report of SEMAR (`mergedInto` hidden to SEDENA).
    const redDuplicate = await semar.http.trpc.incidents.create.mutate(validIncident({ tlp: 'RED', title: 'Intrusión vista desde la red naval' }));
    await coordinator.http.trpc.incidents.transition.mutate({ id: redDuplicate.id, version: await v(redDuplicate.id), to: 'merged', mergeIntoId: main });
    const redTarget = await semar.http.trpc.incidents.create.mutate(validIncident({ tlp: 'RED', title: 'Campaña contra la red naval' }));
    const mergedAway = await sedena.http.trpc.incidents.create.mutate(validIncident({ title: 'Campaña contra el correo de SEDENA' }));
    await coordinator.http.trpc.incidents.transition.mutate({ id: mergedAway.id, version: await v(mergedAway.id), to: 'merged', mergeIntoId: redTarget.id });
    // Tasks about it ('task_created'): one SEDENA keeps, one reassigned to SEMAR (its name hidden to SEDENA).
    await coordinator.http.trpc.tasks.create.mutate(validTask(sedenaId, { title: 'Rotar las credenciales del correo', incidentId: main }));
    const moved = await coordinator.http.trpc.tasks.create.mutate(validTask(sedenaId, { title: 'Revisar los registros del firewall', incidentId: main }));
    await coordinator.http.trpc.tasks.update.mutate({ id: moved.id, version: moved.version, assigneeAgencyId: semarId });
    // A playbook applied to it ('playbook_applied'; its tasks add 'task_created' entries).
    const playbook = await admin.http.trpc.playbooks.upsert.mutate(validPlaybook('intrusions'));
    await coordinator.http.trpc.incidents.applyPlaybook.mutate({ id: main, playbookId: playbook.id });
    ids = { main, mergedAway: mergedAway.id, redTarget: redTarget.id };
  }, 120_000);

  it('REST v1 POST answers (create, addObservables, submitReport) as the reporting agency’s client', () => {
    expect(restWrites.map((w) => [w.what, w.status])).toEqual(restWrites.map((w) => [w.what, w.expected]));
    for (const w of restWrites) expectValid(w.schema, w.body, w.what);
    expect(restWrites.find((w) => w.what === 'REST addObservables')?.body).toEqual({ added: 1, skipped: 1 });
  });

  it('incidents.get, in process and over HTTP, as the ANC, the reporting agency, a shared-with agency and an outsider', async () => {
    const seen: Record<string, IncidentDetail> = {};
    for (const reader of [coordinator, admin, sedena, semar]) {
      for (const id of [ids.main, ids.mergedAway]) {
        if (reader === semar && id === ids.mergedAway) continue;
        const where = `${reader.name} incidents.get ${id === ids.main ? 'main' : 'merged away'}`;
        const inProcess = expectValid(IncidentDetail, await reader.caller.incidents.get({ id }), `${where} (in process)`);
        expectValid(IncidentDetail, await trpcBody(reader, 'incidents.get', { id }), `${where} (HTTP)`);
        seen[`${reader.name}:${id}`] = inProcess;
      }
    }
    const main = (reader: Reader) => present(seen[`${reader.name}:${ids.main}`], reader.name);
    // What was parsed is what this test is about: every kind of entry, shares, tasks, hidden names.
    expect([...kindsOf(main(coordinator))].sort()).toEqual([...INCIDENT_EVENT_KINDS].sort());
    expect(main(coordinator).shares?.agencies.map((a) => a.code)).toEqual(['SEMAR']);
    expect(main(semar).shares).toBeNull();
    // Two tasks made by hand, two from the playbook.
    expect(main(coordinator).tasks).toHaveLength(4);
    expect(main(coordinator).reports.map((r) => r.kind)).toEqual(['notification']);
    expect(dataOf(main(sedena), 'merged_from')).toEqual([{ incident: { hidden: true } }]);
    expect(dataOf(main(sedena), 'task_created').map((d) => d.task)).toContainEqual({ hidden: true });
    expect(present(seen[`${sedena.name}:${ids.mergedAway}`], 'merged away').mergedInto).toEqual({ hidden: true });
    expect(present(seen[`${coordinator.name}:${ids.mergedAway}`], 'merged away').mergedInto).toMatchObject({ id: ids.redTarget });
    // A note the reader may not read: its entry stays without text (SEMAR is not the reporting body).
    expect(main(semar).timeline.find((e) => e.kind === 'status')).toMatchObject({ body: null, visibility: null });
  });

  it('REST v1 GET /api/v1/incidents/{id} and the list, as the reporting agency’s and a shared-with agency’s clients', async () => {
    for (const soc of [sedenaSoc, semarSoc]) {
      const got = await rest(soc, 'GET', `/api/v1/incidents/${ids.main}`);
      expect(got.status).toBe(200);
      expectValid(IncidentDetail, got.body, 'REST get');
      const list = await rest(soc, 'GET', '/api/v1/incidents?limit=5');
      expect(list.status).toBe(200);
      const page = expectValid(IncidentList, list.body, 'REST list');
      expect(page.items.map((i) => i.id)).toContain(ids.main);
    }
    // An agency it was unshared from: not in its list, which still parses.
    const outsider = expectValid(IncidentList, await imss.caller.incidents.list({ limit: 50 }), 'IMSS list (in process)');
    expect(outsider.items.map((i) => i.id)).not.toContain(ids.main);
    expectValid(IncidentList, await trpcBody(imss, 'incidents.list', { limit: 50 }), 'IMSS list (HTTP)');
  });

  it('incidents.create, .submitReport and .addObservables over tRPC, in process', async () => {
    const filed = expectValid(
      IncidentDetail,
      await sedena.caller.incidents.create(validIncident({ title: 'Correo de phishing dirigido a la nómina' })),
      'create',
    );
    expectValid(
      ObservablesAdded,
      await sedena.caller.incidents.addObservables({ id: filed.id, observables: [{ type: 'url', value: 'https://malo.example/x' }] }),
      'addObservables',
    );
    const reported = expectValid(
      IncidentDetail,
      await sedena.caller.incidents.submitReport({ id: filed.id, kind: 'notification', body: 'Aviso.' }),
      'submitReport',
    );
    expect(reported.reports.map((r) => r.kind)).toEqual(['notification']);
    const onBehalf = await coordinator.caller.incidents.create({ ...validIncident(), agencyId: await agencyIdOf(s.t.db, 'SEMAR') });
    expect(expectValid(IncidentDetail, onBehalf, 'create on behalf').agency.code).toBe('SEMAR');
  });

  it('a drift fails: a Date, an extra key, undefined for null, or a timeline entry whose data its kind does not name', async () => {
    const detail = await coordinator.caller.incidents.get({ id: ids.main });
    expect(IncidentDetail.safeParse(detail).success).toBe(true);
    expect(IncidentDetail.safeParse({ ...detail, createdAt: new Date() }).success).toBe(false);
    expect(IncidentDetail.safeParse({ ...detail, extra: 1 }).success).toBe(false);
    expect(IncidentDetail.safeParse({ ...detail, statusReason: undefined }).success).toBe(false);
    const comment = present(
      detail.timeline.find((e) => e.kind === 'comment'),
      'a comment',
    );
    expect(IncidentDetail.safeParse({ ...detail, timeline: [{ ...comment, data: { from: 'submitted' } }] }).success).toBe(false);
    expect(IncidentDetail.safeParse({ ...detail, timeline: [{ ...comment, kind: 'archived' }] }).success).toBe(false);
  });
});

describe('the demo data (written by the seeders, not the use-cases) matches the same schemas', () => {
  it('every demo incident and every list page, as the coordinator and as two agencies’ staff', async () => {
    await s.reset();
    expect((await seedDemoIncidents(s.t.db)).incidents).toBeGreaterThan(5);
    await seedDemoPlan(s.t.db);
    expect((await seedDemoTasks(s.t.db)).tasks).toBeGreaterThan(5);
    let entries = 0;
    for (const reader of [
      await personReader('coordinator', DEMO.coordinator),
      await personReader('SEDENA staff', DEMO.sedena),
      await personReader('SEMAR staff', DEMO.semar),
    ]) {
      const ids: string[] = [];
      let cursor: string | undefined;
      do {
        const page = expectValid(IncidentList, await reader.caller.incidents.list({ limit: 5, ...(cursor ? { cursor } : {}) }), `${reader.name} list page`);
        ids.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(ids.length, reader.name).toBeGreaterThan(0);
      for (const id of ids) {
        const detail = expectValid(IncidentDetail, await reader.caller.incidents.get({ id }), `${reader.name} demo incident ${id}`);
        expectValid(IncidentDetail, await trpcBody(reader, 'incidents.get', { id }), `${reader.name} demo incident ${id} (HTTP)`);
        entries += detail.timeline.length;
      }
    }
    expect(entries).toBeGreaterThan(20);
  }, 120_000);
});
