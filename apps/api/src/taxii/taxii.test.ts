// TAXII 2.1 over real HTTP, as an agency's SOC tool (a bearer token) or a signed-in person (the
// session cookie) polls it: shapes and media type, access, what each agency sees (TLP:RED and
// unshared indicators never leave the reporting agency), paging that neither repeats nor skips
// while incidents and shares arrive, and a date added that follows the share (an incident shared
// with an agency after its observables were added reaches that agency's next `added_after` poll;
// packages/db/src/queries/indicators.ts). PGlite, and PostgreSQL with ANC_TEST_PG_URL.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, incidentObservables, indicatorPageQuery } from '@anc/db';
import { TLP2_STIX_MARKING_IDS, TLP_LEVELS, type CreateIncidentInput } from '@anc/domain';
import { generateApiToken } from '@anc/auth';
import { createTestApiClient, type TestApiClient } from '../testing/api-clients.ts';
import { DEMO, signedIn, startTestServer, type TestServer } from '../testing/http.ts';
import { agencyIdOf, validIncident } from '../testing/incidents.ts';
import { tlpMarkingDefinition, type StixBundle, type StixObject } from '../modules/incidents/export/stix.ts';
import { SHARED_WITH_ME_ID, TAXII_MAX_LIMIT } from './collection.ts';
import { TAXII_MEDIA_TYPE } from './taxii.routes.ts';

type Client = Awaited<ReturnType<typeof signedIn>>;
/** A bearer token, a signed-in person, or nobody. */
type Caller = TestApiClient | Client | null;

let s: TestServer;
let coordinator: Client;
let sedena: Client;
let semar: Client;
let sedenaSoc: TestApiClient;
let semarSoc: TestApiClient;
let semarId: string;

beforeAll(async () => {
  s = await startTestServer();
  [coordinator, sedena, semar] = await Promise.all([signedIn(s.url, DEMO.coordinator), signedIn(s.url, DEMO.sedena), signedIn(s.url, DEMO.semar)]);
  sedenaSoc = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: ['indicators:read'] });
  semarSoc = await createTestApiClient(s.t.db, { agencyCode: 'SEMAR', scopes: ['indicators:read'] });
  semarId = await agencyIdOf(s.t.db, 'SEMAR');
});
afterAll(() => s.close());

const OBJECTS = `/taxii2/api/collections/${SHARED_WITH_ME_ID}/objects/`;

function taxii(path: string, caller: Caller, headers: Record<string, string> = {}) {
  const auth: Record<string, string> = caller === null ? {} : 'token' in caller ? { authorization: `Bearer ${caller.token}` } : { cookie: caller.jar.header() };
  return fetch(`${s.url}${path}`, { headers: { accept: TAXII_MEDIA_TYPE, ...auth, ...headers } });
}

async function json<T = Record<string, unknown>>(res: Response): Promise<T> {
  return (await res.json()) as T;
}

interface Envelope {
  more?: boolean;
  next?: string;
  objects?: StixObject[];
}

let serial = 0;
/** A unique IPv4 address and domain for each call, so a test finds its own indicators. */
function uniqueObservables() {
  serial += 1;
  return [
    { type: 'ipv4' as const, value: `198.51.${Math.floor(serial / 250)}.${(serial % 250) + 1}` },
    { type: 'domain' as const, value: `c2-${serial}-${process.pid}.example.net` },
  ];
}

async function report(client: Client, over: Partial<CreateIncidentInput> = {}) {
  return client.trpc.incidents.create.mutate(validIncident({ observables: uniqueObservables(), ...over }));
}

/** Every object of the collection the caller reads, walking all pages `limit` at a time. */
async function walk(
  caller: Caller,
  { limit = 1000, query = '', between = async () => {} }: { limit?: number; query?: string; between?: (page: number) => Promise<void> } = {},
) {
  const objects: StixObject[] = [];
  const pages: { first: string | null; last: string | null; count: number }[] = [];
  const envelopes: { more: boolean | undefined; next: string | undefined }[] = [];
  let next: string | undefined;
  for (let page = 0; ; page++) {
    if (page > 500) throw new Error('the walk never ended');
    const res = await taxii(`${OBJECTS}?limit=${limit}${query}${next ? `&next=${encodeURIComponent(next)}` : ''}`, caller);
    expect(res.status).toBe(200);
    const body = await json<Envelope>(res);
    objects.push(...(body.objects ?? []));
    pages.push({ first: res.headers.get('x-taxii-date-added-first'), last: res.headers.get('x-taxii-date-added-last'), count: body.objects?.length ?? 0 });
    envelopes.push({ more: body.more, next: body.next });
    expect(body.objects?.length ?? 0).toBeLessThanOrEqual(limit);
    if (!body.more) break;
    next = body.next;
    await between(page);
  }
  // `more` with a `next` on every page but the last, which has neither.
  expect(envelopes.map((e) => [e.more, typeof e.next])).toEqual(envelopes.map((_, i) => (i < envelopes.length - 1 ? [true, 'string'] : [false, 'undefined'])));
  return { objects, pages };
}

/** The values of an incident's observables that are indicators. */
const indicatorValues = (i: { observables: { type: string; value: string }[] }) =>
  i.observables.filter((o) => o.type === 'ipv4' || o.type === 'domain').map((o) => o.value);

/** The objects page of SEDENA's client with this query. */
async function matching(match: string) {
  const res = await taxii(`${OBJECTS}?${match}`, sedenaSoc);
  expect(res.status).toBe(200);
  return res;
}

const indicatorNames = (objects: StixObject[]) => objects.filter((o) => o.type === 'indicator').map((o) => String(o.name));

describe('TAXII 2.1 resources', () => {
  it('discovery, API root, collections and the collection answer the TAXII media type and shapes', async () => {
    const discovery = await taxii('/taxii2/', sedenaSoc);
    expect(discovery.status).toBe(200);
    expect(discovery.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
    const d = await json<{ title: string; api_roots: string[]; default: string }>(discovery);
    expect(d.title).toBeTypeOf('string');
    expect(d.api_roots).toEqual([`${s.url}/taxii2/api/`]);
    expect(d.default).toBe(`${s.url}/taxii2/api/`);

    const root = await taxii('/taxii2/api/', sedenaSoc);
    expect(root.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
    const r = await json<{ title: string; versions: string[]; max_content_length: number }>(root);
    expect(r.versions).toEqual(['application/taxii+json;version=2.1']);
    expect(r.max_content_length).toBeTypeOf('number');

    const collections = await taxii('/taxii2/api/collections/', sedenaSoc);
    expect(collections.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
    const c = await json<{ collections: Record<string, unknown>[] }>(collections);
    const expected = {
      id: SHARED_WITH_ME_ID,
      alias: 'shared-with-me',
      can_read: true,
      can_write: false,
      media_types: ['application/stix+json;version=2.1'],
    };
    expect(c.collections).toHaveLength(1);
    expect(c.collections[0]).toMatchObject(expected);

    for (const id of [SHARED_WITH_ME_ID, 'shared-with-me']) {
      const one = await taxii(`/taxii2/api/collections/${id}/`, sedenaSoc);
      expect(one.status).toBe(200);
      expect(one.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
      expect(await json(one)).toEqual(c.collections[0]);
    }
  });

  it('an unknown collection, and a resource not offered, are 404 as a TAXII error message', async () => {
    for (const path of [
      '/taxii2/api/collections/00000000-0000-4000-8000-000000000000/',
      '/taxii2/api/collections/nope/objects/',
      `/taxii2/api/collections/${SHARED_WITH_ME_ID}/manifest/`,
      '/taxii2/api/status/00000000-0000-4000-8000-000000000000/',
    ]) {
      const res = await taxii(path, sedenaSoc);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
      expect(await json(res)).toMatchObject({ title: 'Not Found', http_status: '404', error_code: 'NOT_FOUND' });
    }
  });

  it('Accept: the TAXII 2.1 media type, with or without version, and wildcards are served; anything else is 406', async () => {
    for (const accept of [
      TAXII_MEDIA_TYPE,
      'application/taxii+json',
      'application/taxii+json; version=2.1',
      '*/*',
      'application/*',
      'text/html, application/taxii+json;version=2.1;q=0.5',
    ]) {
      const res = await taxii('/taxii2/', sedenaSoc, { accept });
      expect(res.status, accept).toBe(200);
    }
    for (const accept of ['application/json', 'application/taxii+json;version=2.0', 'text/html', 'application/taxii+json;version=2.1;q=0']) {
      for (const path of ['/taxii2/', OBJECTS]) {
        const res = await taxii(path, sedenaSoc, { accept });
        expect(res.status, accept).toBe(406);
        expect(res.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
        expect(await json(res)).toMatchObject({ title: 'Not Acceptable', http_status: '406' });
      }
    }
  });
});

describe('TAXII access', () => {
  const ROUTES = ['/taxii2/', '/taxii2/api/', '/taxii2/api/collections/', `/taxii2/api/collections/${SHARED_WITH_ME_ID}/`, OBJECTS];

  it('no credentials, and an unknown, malformed, revoked or expired token: 401 on every route, with a TAXII error', async () => {
    const revoked = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: ['indicators:read'], revoked: true });
    const expired = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: ['indicators:read'], expiresAt: new Date(Date.now() - 1000) });
    const unknown = `Bearer ${generateApiToken().token}`;
    const callers: [string, Record<string, string>][] = [
      ['none', {}],
      ['unknown', { authorization: unknown }],
      ['malformed', { authorization: 'Bearer anc_nope' }],
      ['not bearer', { authorization: 'Basic dXNlcjpwYXNz' }],
      ['revoked', { authorization: `Bearer ${revoked.token}` }],
      ['expired', { authorization: `Bearer ${expired.token}` }],
      // A bad token is refused even with a valid session cookie beside it.
      ['bad token and a cookie', { authorization: unknown, cookie: sedena.jar.header() }],
    ];
    for (const path of ROUTES) {
      for (const [name, headers] of callers) {
        const res = await taxii(path, null, headers);
        expect(res.status, `${name} ${path}`).toBe(401);
        expect(res.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
        expect(res.headers.get('www-authenticate')).toContain('Bearer');
        const body = await json(res);
        expect(body).toMatchObject({ title: 'Unauthorized', http_status: '401', error_code: 'UNAUTHORIZED' });
        expect(JSON.stringify(body)).not.toContain('objects');
      }
    }
  });

  it('a client without indicators:read is 403 on every route; one with it, and persons of every role, are served', async () => {
    const noScope = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: ['incidents:read', 'incidents:write'] });
    const admin = await signedIn(s.url, DEMO.admin);
    for (const path of ROUTES) {
      const res = await taxii(path, noScope);
      expect(res.status, path).toBe(403);
      expect(await json(res)).toMatchObject({ title: 'Forbidden', http_status: '403', details: { reason: 'scope_missing' } });
      for (const caller of [sedenaSoc, semarSoc, sedena, coordinator, admin]) {
        expect((await taxii(path, caller)).status, path).toBe(200);
      }
    }
  });
});

describe('TAXII audit', () => {
  it("every poll by a client is audited with the client as actor, the refused one too (main's apiClient.call rows)", async () => {
    const soc = await createTestApiClient(s.t.db, { agencyCode: 'SEMAR', scopes: ['indicators:read'] });
    const noScope = await createTestApiClient(s.t.db, { agencyCode: 'SEMAR', scopes: ['incidents:read'] });
    expect((await taxii(OBJECTS, soc)).status).toBe(200);
    expect((await taxii('/taxii2/', noScope)).status).toBe(403);
    const calls = (clientId: string) =>
      s.t.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'apiClient.call'), eq(auditEvents.entityId, clientId)));
    // The row is written when the response completes: wait for it.
    const eventually = async (clientId: string) => {
      for (let i = 0; i < 50 && (await calls(clientId)).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      return calls(clientId);
    };
    expect(await eventually(soc.id)).toMatchObject([
      { actorId: soc.principalUserId, entityType: 'api_client', diff: { method: 'GET', route: '/taxii2/api/collections/:id/objects/', status: 200 } },
    ]);
    expect(await eventually(noScope.id)).toMatchObject([{ actorId: noScope.principalUserId, diff: { route: '/taxii2/', status: 403 } }]);
  });
});

describe('what the collection holds', () => {
  it('each indicator observable of a readable incident once, marked with its TLP; RED and unshared indicators stay with the reporting agency', async () => {
    const shared = await report(sedena, {
      tlp: 'AMBER',
      observables: [...uniqueObservables(), { type: 'cve', value: 'CVE-2024-3400' }, { type: 'other', value: 'texto libre' }],
    });
    await coordinator.trpc.incidents.share.mutate({ id: shared.id, agencyIds: [semarId] });
    const red = await report(sedena, { tlp: 'RED' });
    const own = await report(semar, { tlp: 'GREEN' });

    const sedenaSees = indicatorNames((await walk(sedenaSoc)).objects);
    const semarSees = indicatorNames((await walk(semarSoc)).objects);
    const semarStaffSees = indicatorNames((await walk(semar)).objects);
    const coordinatorSees = indicatorNames((await walk(coordinator)).objects);

    expect(sedenaSees).toEqual(expect.arrayContaining([...indicatorValues(shared), ...indicatorValues(red)]));
    for (const v of indicatorValues(own)) expect(sedenaSees).not.toContain(v);
    expect(semarSees).toEqual(expect.arrayContaining([...indicatorValues(shared), ...indicatorValues(own)]));
    for (const v of indicatorValues(red)) {
      expect(semarSees).not.toContain(v);
      expect(semarStaffSees).not.toContain(v);
    }
    expect(semarStaffSees.sort()).toEqual([...semarSees].sort());
    expect(coordinatorSees).toEqual(expect.arrayContaining([...indicatorValues(shared), ...indicatorValues(red), ...indicatorValues(own)]));
    // Once each: no observable twice, and CVEs and free text are no indicators.
    expect(new Set(coordinatorSees).size).toBe(coordinatorSees.length);
    expect(coordinatorSees).not.toContain('CVE-2024-3400');
    expect(coordinatorSees).not.toContain('texto libre');

    // The same indicator objects as the incident's STIX export, each marked with its TLP.
    const { objects } = await walk(semarSoc);
    const exported = (await (
      await fetch(`${s.url}/export/incidents/${shared.id}/stix.json`, { headers: { cookie: semar.jar.header() } })
    ).json()) as StixBundle;
    const exportedIndicators = exported.objects.filter((o) => o.type === 'indicator');
    expect(exportedIndicators).toHaveLength(2);
    for (const indicator of exportedIndicators) expect(objects).toContainEqual(indicator);
    for (const o of objects.filter((x) => x.type === 'indicator')) {
      expect(o.object_marking_refs).toHaveLength(1);
      expect(Object.values(TLP2_STIX_MARKING_IDS)).toContain((o.object_marking_refs as string[])[0]);
    }
    const byName = new Map(objects.map((o) => [String(o.name), o]));
    for (const v of indicatorValues(shared)) expect(byName.get(v)?.object_marking_refs).toEqual([TLP2_STIX_MARKING_IDS.AMBER]);
    for (const v of indicatorValues(own)) expect(byName.get(v)?.object_marking_refs).toEqual([TLP2_STIX_MARKING_IDS.GREEN]);
    // The definitions those markings point to, exactly as OASIS published them.
    for (const tlp of TLP_LEVELS) expect(objects).toContainEqual(tlpMarkingDefinition(tlp));
  });

  it('a share withdrawn, or the incident raised to RED, takes its indicators out of the other agency’s view', async () => {
    const incident = await report(sedena, { tlp: 'AMBER' });
    const values = incident.observables.map((o) => o.value);
    await coordinator.trpc.incidents.share.mutate({ id: incident.id, agencyIds: [semarId] });
    expect(indicatorNames((await walk(semarSoc)).objects)).toEqual(expect.arrayContaining(values));

    await coordinator.trpc.incidents.unshare.mutate({ id: incident.id, agencyId: semarId });
    for (const caller of [semarSoc, semar]) {
      const seen = indicatorNames((await walk(caller)).objects);
      for (const v of values) expect(seen).not.toContain(v);
    }

    await coordinator.trpc.incidents.share.mutate({ id: incident.id, agencyIds: [semarId] });
    expect(indicatorNames((await walk(semarSoc)).objects)).toEqual(expect.arrayContaining(values));
    const current = await sedena.trpc.incidents.get.query({ id: incident.id });
    await sedena.trpc.incidents.update.mutate({ id: incident.id, version: current.version, tlp: 'RED' });
    for (const caller of [semarSoc, semar]) {
      const seen = indicatorNames((await walk(caller)).objects);
      for (const v of values) expect(seen).not.toContain(v);
    }
    // The reporting agency still has them, now marked RED.
    const own = (await walk(sedenaSoc)).objects.filter((o) => values.includes(String(o.name)));
    expect(own).toHaveLength(2);
    for (const o of own) expect(o.object_marking_refs).toEqual([TLP2_STIX_MARKING_IDS.RED]);
  });
});

describe('paging', () => {
  it('walks every object once, in date-added order, while incidents and observables are added between pages', async () => {
    for (let i = 0; i < 6; i++) await report(sedena);
    const before = indicatorNames((await walk(sedenaSoc)).objects);
    const added: string[] = [];
    const target = await report(sedena);
    const { objects, pages } = await walk(sedenaSoc, {
      limit: 3,
      between: async (page) => {
        if (page % 2 === 0) {
          const created = await report(sedena);
          added.push(...created.observables.map((o) => o.value));
        } else {
          const extra = uniqueObservables();
          await sedena.trpc.incidents.addObservables.mutate({ id: target.id, observables: extra });
          added.push(...extra.map((o) => o.value));
        }
      },
    });
    const ids = objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = indicatorNames(objects);
    expect(names).toEqual(expect.arrayContaining([...before, ...target.observables.map((o) => o.value), ...added]));
    expect(added.length).toBeGreaterThan(4);
    // Nothing the walk missed: it holds exactly what one page of everything holds now.
    expect([...ids].sort()).toEqual((await walk(sedenaSoc)).objects.map((o) => o.id).sort());
    // Date-added order across pages; the headers bound each page.
    const bounds = pages.map((p): [string, string] => [p.first ?? '', p.last ?? '']);
    expect(bounds.every(([first, last]) => first !== '' && first <= last)).toBe(true);
    expect(bounds.every(([first], i) => i === 0 || (bounds[i - 1]?.[1] ?? '') <= first)).toBe(true);
    expect(pages.length).toBeGreaterThan(4);
  });

  it('added_after is exclusive, at the full precision given', async () => {
    const incident = await report(sedena);
    const [row] = await s.t.db.select({ at: incidentObservables.createdAt }).from(incidentObservables).where(eq(incidentObservables.incidentId, incident.id));
    if (!row) throw new Error('no observable');
    const at = row.at;
    const values = incident.observables.map((o) => o.value);
    const seenAfter = async (instant: string) => indicatorNames((await walk(sedenaSoc, { query: `&added_after=${encodeURIComponent(instant)}` })).objects);

    const exact = await seenAfter(at.toISOString());
    for (const v of values) expect(exact).not.toContain(v);
    expect(await seenAfter(new Date(at.getTime() - 1).toISOString())).toEqual(expect.arrayContaining(values));
    // A microsecond before the instant still admits it; one after does not.
    const micro = (delta: string) => at.toISOString().replace('Z', `${delta}Z`);
    expect(await seenAfter(new Date(at.getTime() - 1).toISOString().replace('Z', '999Z'))).toEqual(expect.arrayContaining(values));
    const afterMicro = await seenAfter(micro('001'));
    for (const v of values) expect(afterMicro).not.toContain(v);

    // Every object answered after an instant was added after it; the headers say so too.
    const res = await taxii(`${OBJECTS}?added_after=${encodeURIComponent(new Date(at.getTime() - 1).toISOString())}`, sedenaSoc);
    expect(res.headers.get('x-taxii-date-added-first')).toBe(at.toISOString());
    // The marking definitions were added long before: not repeated to a client that polls from now.
    const body = await json<Envelope>(res);
    expect(body.objects?.some((o) => o.type === 'marking-definition')).toBe(false);
  });

  it('limit: at least 1, a whole number; a larger one is capped at the server page; bad next and added_after are 400', async () => {
    await report(sedena);
    for (const bad of ['limit=0', 'limit=-1', 'limit=1.5', 'limit=abc', 'limit=', 'next=nope', 'added_after=yesterday', 'added_after=2026-13-01T00:00:00Z']) {
      const res = await taxii(`${OBJECTS}?${bad}`, sedenaSoc);
      expect(res.status, bad).toBe(400);
      expect(res.headers.get('content-type')).toBe(TAXII_MEDIA_TYPE);
      expect(await json(res), bad).toMatchObject({ title: 'Bad Request', http_status: '400', error_code: 'BAD_REQUEST' });
    }
    const one = await json<Envelope>(await taxii(`${OBJECTS}?limit=1`, sedenaSoc));
    expect(one.objects).toHaveLength(1);
    expect(one.more).toBe(true);
    const huge = await taxii(`${OBJECTS}?limit=100000000000000000000`, sedenaSoc);
    expect(huge.status).toBe(200);
    const all = await json<Envelope>(huge);
    expect(all.objects?.length).toBeLessThanOrEqual(TAXII_MAX_LIMIT);
    expect(all.objects?.length).toBe((await walk(sedenaSoc)).objects.length);
  });

  it('match[type] selects indicators, marking definitions, both, or nothing', async () => {
    await report(sedena);
    const indicators = (await json<Envelope>(await matching('match[type]=indicator'))).objects ?? [];
    expect(indicators.length).toBeGreaterThan(0);
    expect(indicators.every((o) => o.type === 'indicator')).toBe(true);
    const markings = (await json<Envelope>(await matching('match[type]=marking-definition'))).objects ?? [];
    expect(markings.map((o) => o.id).sort()).toEqual(Object.values(TLP2_STIX_MARKING_IDS).sort());
    const both = (await json<Envelope>(await matching('match[type]=indicator,marking-definition'))).objects ?? [];
    expect(both).toHaveLength(indicators.length + markings.length);
    const none = await matching('match[type]=malware');
    expect(await json(none)).toEqual({ more: false });
    expect(none.headers.get('x-taxii-date-added-first')).toBeNull();
  });

  it('the page merges three index-ordered branches (observables, named shares, shares with all), no sort of the rows', async () => {
    const semarActor = { role: 'staff' as const, agencyId: semarId };
    const query = indicatorPageQuery(semarActor, {
      after: { at: new Date(0), id: '00000000-0000-4000-8000-000000000000' },
      addedAfter: '1970-01-01T00:00:00Z',
      limit: 101,
    });
    const plan = await s.t.db.transaction(async (tx) => {
      // The test tables are tiny, where a sequential scan is cheapest; at scale the index wins. Off,
      // the planner shows whether the index can serve the order at all.
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_sort = off`);
      const result = await tx.execute(sql`explain ${query}`);
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { 'QUERY PLAN': string }[];
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    expect(plan).toContain('Merge Append');
    expect(plan).toContain('incident_observables_created_at_id_index');
    expect(plan).toContain('incident_shares_agency_id_created_at_incident_id_index');
    expect(plan).toContain('incidents_shared_with_all_at_idx');
    // Only the observables of one share are sorted (by id, under the share's time); never the whole set.
    expect(plan).not.toMatch(/(^|->\s+)Sort\s+\(/m);
    expect(plan.match(/Incremental Sort/g) ?? []).toHaveLength(2);
  });
});

/** Wait until the clock has moved on, so a later write is dated strictly after. */
const tick = () => new Promise((r) => setTimeout(r, 5));

/** The indicator names a poll with `added_after` returns, and the date added of its last object. */
async function pollAfter(caller: Caller, addedAfter: string) {
  const { objects, pages } = await walk(caller, { query: `&match[type]=indicator&added_after=${encodeURIComponent(addedAfter)}` });
  return { names: indicatorNames(objects), last: pages.at(-1)?.last ?? addedAfter };
}

describe('date added follows the share (incremental polls receive late shares)', () => {
  it('an incident shared with an agency a while after its observables were added reaches its next added_after poll, dated by the share', async () => {
    const incident = await report(sedena, { tlp: 'AMBER' });
    const values = indicatorValues(incident);
    await tick();
    const afterReport = new Date().toISOString();
    // SEMAR's SOC polls: nothing of it yet. It remembers where it stopped.
    const first = await walk(semarSoc, { query: '&match[type]=indicator' });
    for (const v of values) expect(indicatorNames(first.objects)).not.toContain(v);
    const lastPoll = first.pages.at(-1)?.last ?? new Date(0).toISOString();
    await tick();
    const sharedAt = new Date();
    await coordinator.trpc.incidents.share.mutate({ id: incident.id, agencyIds: [semarId] });
    const next = await walk(semarSoc, { query: `&match[type]=indicator&added_after=${encodeURIComponent(lastPoll)}` });
    expect(indicatorNames(next.objects)).toEqual(expect.arrayContaining(values));
    // Dated by the share, not by the observables (which are older than the last poll).
    const firstAdded = next.pages[0]?.first ?? '';
    expect(firstAdded >= sharedAt.toISOString()).toBe(true);
    // Its staff, by session, see the same.
    expect((await pollAfter(semar, lastPoll)).names).toEqual(expect.arrayContaining(values));
    // For the reporting agency nothing changed: its date added is the observables', before the share.
    for (const v of values) expect((await pollAfter(sedenaSoc, afterReport)).names).not.toContain(v);

    // Shared with all later still (GREEN): an agency that had nothing to do with it receives it at that share.
    const green = await report(sedena, { tlp: 'GREEN' });
    const sspcSoc = await createTestApiClient(s.t.db, { agencyCode: 'SSPC', scopes: ['indicators:read'] });
    await tick();
    const sspcLast = (await pollAfter(sspcSoc, new Date(0).toISOString())).last;
    for (const v of indicatorValues(green)) expect((await pollAfter(sspcSoc, new Date(0).toISOString())).names).not.toContain(v);
    await tick();
    await coordinator.trpc.incidents.share.mutate({ id: green.id, allAgencies: true });
    expect((await pollAfter(sspcSoc, sspcLast)).names).toEqual(expect.arrayContaining(indicatorValues(green)));
    // An observable added after the share is dated by itself.
    await tick();
    const afterShare = (await pollAfter(sspcSoc, sspcLast)).last;
    const extra = uniqueObservables();
    await tick();
    await sedena.trpc.incidents.addObservables.mutate({ id: green.id, observables: extra });
    expect((await pollAfter(sspcSoc, afterShare)).names.sort()).toEqual(extra.map((o) => o.value).sort());
  });

  it('an agency shared by name and then with all keeps the earlier date added: each indicator once', async () => {
    const incident = await report(sedena, { tlp: 'GREEN' });
    await tick();
    const beforeShares = new Date().toISOString();
    await tick();
    await coordinator.trpc.incidents.share.mutate({ id: incident.id, agencyIds: [semarId] });
    const afterNamed = (await pollAfter(semarSoc, beforeShares)).last;
    await tick();
    await coordinator.trpc.incidents.share.mutate({ id: incident.id, allAgencies: true });
    const since = await pollAfter(semarSoc, beforeShares);
    expect(since.names.filter((n) => indicatorValues(incident).includes(n)).sort()).toEqual(indicatorValues(incident).sort());
    // Nothing new for SEMAR after the share with all: it already had them.
    for (const v of indicatorValues(incident)) expect((await pollAfter(semarSoc, afterNamed)).names).not.toContain(v);
  });

  it('paging while shares arrive walks every object once, and the walk holds the incidents shared during it', async () => {
    // Incidents of SEDENA reported first, shared with SEMAR only while SEMAR walks its collection.
    const pending: Awaited<ReturnType<typeof report>>[] = [];
    for (let i = 0; i < 8; i++) pending.push(await report(sedena, { tlp: i % 2 === 0 ? 'AMBER' : 'GREEN' }));
    for (let i = 0; i < 4; i++) await report(semar);
    await tick();
    const sharedDuring: string[] = [];
    const { objects, pages } = await walk(semarSoc, {
      limit: 3,
      between: async (page) => {
        const incident = pending[page];
        if (!incident) return;
        await tick();
        if (incident.tlp === 'GREEN' && page % 4 === 1) await coordinator.trpc.incidents.share.mutate({ id: incident.id, allAgencies: true });
        else await coordinator.trpc.incidents.share.mutate({ id: incident.id, agencyIds: [semarId] });
        sharedDuring.push(...indicatorValues(incident));
      },
    });
    const ids = objects.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(sharedDuring.length).toBe(16);
    expect(indicatorNames(objects)).toEqual(expect.arrayContaining(sharedDuring));
    // Nothing the walk missed: it holds exactly what one walk of everything holds now.
    expect([...ids].sort()).toEqual((await walk(semarSoc)).objects.map((o) => o.id).sort());
    const bounds = pages.map((p): [string, string] => [p.first ?? '', p.last ?? '']);
    expect(bounds.every(([first, last]) => first !== '' && first <= last)).toBe(true);
    expect(bounds.every(([first], i) => i === 0 || (bounds[i - 1]?.[1] ?? '') <= first)).toBe(true);
  });

  it('a late share withdrawn, or the incident raised to RED, removes its indicators; made again, they reach the next incremental poll again', async () => {
    const incident = await report(sedena, { tlp: 'AMBER' });
    const values = indicatorValues(incident);
    await tick();
    const start = new Date().toISOString();
    await tick();
    await coordinator.trpc.incidents.share.mutate({ id: incident.id, agencyIds: [semarId] });
    const got = await pollAfter(semarSoc, start);
    expect(got.names).toEqual(expect.arrayContaining(values));

    await coordinator.trpc.incidents.unshare.mutate({ id: incident.id, agencyId: semarId });
    for (const caller of [semarSoc, semar]) {
      for (const v of values) {
        expect((await pollAfter(caller, start)).names).not.toContain(v);
        expect(indicatorNames((await walk(caller)).objects)).not.toContain(v);
      }
    }
    // Shared again: a new date added, after the poll that had them.
    await tick();
    await coordinator.trpc.incidents.share.mutate({ id: incident.id, agencyIds: [semarId] });
    const again = await pollAfter(semarSoc, got.last);
    expect(again.names).toEqual(expect.arrayContaining(values));

    const current = await sedena.trpc.incidents.get.query({ id: incident.id });
    await sedena.trpc.incidents.update.mutate({ id: incident.id, version: current.version, tlp: 'RED' });
    for (const caller of [semarSoc, semar]) {
      for (const v of values) {
        expect((await pollAfter(caller, start)).names).not.toContain(v);
        expect(indicatorNames((await walk(caller)).objects)).not.toContain(v);
      }
    }
  });
});
