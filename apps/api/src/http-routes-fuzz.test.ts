// The plain-HTTP routes for machines (REST v1, TAXII 2.1) under hostile input, the way
// input-fuzz.test.ts holds the procedures: bodies with one place of a valid body replaced by what
// no schema should take, hostile query values, path ids and headers; for the file upload, hostile
// part names, types and fields and multipart bodies that are not well formed. Never a 5xx, never 10 s, and
// a refused call writes nothing but its own `apiClient.call` row. Every REST route of the route
// table must have a case here. PGlite, and PostgreSQL with ANC_TEST_PG_URL.
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { and, count, notInArray, notLike } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@anc/db';
import { API_SCOPES } from '@anc/domain';
import { REST_ROUTES } from './rest/routes.ts';
import { SHARED_WITH_ME_ID } from './taxii/collection.ts';
import { TAXII_MEDIA_TYPE } from './taxii/taxii.routes.ts';
import { createTestApiClient, type TestApiClient } from './testing/api-clients.ts';
import { HOSTILE, leafPaths, replaced } from './testing/hostile.ts';
import { startTestServer, type TestServer } from './testing/http.ts';
import { validIncident } from './testing/incidents.ts';
import { REPORT_PDF_PATH } from './testing/routes.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
let s: TestServer;
let soc: TestApiClient;
let incidentId: string;

beforeAll(async () => {
  s = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  soc = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: [...API_SCOPES] });
  const res = await fetch(`${s.url}/api/v1/incidents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${soc.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body()),
  });
  if (res.status !== 201) throw new Error(`the fixture incident was not filed: ${res.status} ${await res.text()}`);
  incidentId = ((await res.json()) as { id: string }).id;
}, 120_000);
afterAll(async () => s.close());

function body() {
  const { agencyId: _agency, ...rest } = validIncident({ observables: [{ type: 'ipv4', value: '203.0.113.9' }] });
  return rest;
}

/** Audit rows besides the ones a refusal writes on purpose (a client's call, a failed sign-in). */
const auditRows = async () =>
  (
    await s.t.db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(notInArray(auditEvents.action, ['apiClient.call']), notLike(auditEvents.action, '%Failed')))
  )[0]?.n ?? 0;

/** Query values as they travel in a URL, already percent-encoded: NUL, a lone surrogate's UTF-8, overlong, numbers, brackets. */
const HOSTILE_QUERY = [
  '%00',
  '%ED%A0%80',
  '%FF',
  'x'.repeat(5_000),
  '-1',
  '0',
  '1e308',
  '9007199254740993',
  '%5B%5D',
  '%7B%7D',
  '',
  'null',
  '2026-13-45T99:99:99Z',
];
const HOSTILE_HEADER = ['\u00ff'.repeat(300), 'x'.repeat(5_000), ' ', 'anc_' + 'a'.repeat(52), 'application/json;version=9', '*/*'];

interface Call {
  method: 'GET' | 'POST';
  url: string;
  /** JSON text, or a multipart form. */
  body?: string | FormData;
  headers?: Record<string, string>;
}

async function check(call: Call): Promise<void> {
  const before = await auditRows();
  const res = await fetch(`${s.url}${call.url}`, {
    method: call.method,
    headers: { authorization: `Bearer ${soc.token}`, ...(typeof call.body === 'string' ? { 'content-type': 'application/json' } : {}), ...call.headers },
    body: call.body,
    signal: AbortSignal.timeout(10_000),
  }).catch((err: unknown) => {
    throw new Error(`${call.method} ${call.url.slice(0, 200)} did not answer within 10 s: ${String(err)}`);
  });
  const text = await res.text();
  if (res.status >= 500)
    throw new Error(
      `${call.method} ${call.url.slice(0, 200)} answered ${res.status}: ${text.slice(0, 300)}\nbody: ${typeof call.body === 'string' ? call.body.slice(0, 200) : 'a form'}`,
    );
  if (res.status >= 400 && (await auditRows()) !== before)
    throw new Error(`${call.method} ${call.url.slice(0, 200)} was refused (${res.status}) but wrote audit rows`);
}

interface UploadPart {
  bytes: Uint8Array;
  name: string;
  type: string;
}
const formOf = (part: UploadPart, field = 'file') => {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(part.bytes)], { type: part.type }), part.name);
  return form;
};

/** A valid body of each REST write (JSON, or the upload's file part), and a query of each REST read, by the route table's operation. */
const REST_CASES: Record<
  (typeof REST_ROUTES)[number]['operationId'],
  () => { method: 'GET' | 'POST'; path: string; body?: unknown; file?: UploadPart; query?: Record<string, string> }
> = {
  createIncident: () => ({ method: 'POST', path: '/api/v1/incidents', body: body() }),
  listIncidents: () => ({ method: 'GET', path: '/api/v1/incidents', query: { status: 'submitted', severity: '2', limit: '10' } }),
  getIncident: () => ({ method: 'GET', path: `/api/v1/incidents/${incidentId}` }),
  addObservables: () => ({
    method: 'POST',
    path: `/api/v1/incidents/${incidentId}/observables`,
    body: { observables: [{ type: 'domain', value: 'c2.example.net' }] },
  }),
  submitReport: () => ({ method: 'POST', path: `/api/v1/incidents/${incidentId}/reports`, body: { kind: 'notification', body: 'Notificación inicial.' } }),
  // Multipart: the fuzz of its parts is its own block below; here the path, the headers and JSON bodies (never a file part).
  uploadIncidentFile: () => ({
    method: 'POST',
    path: `/api/v1/incidents/${incidentId}/files`,
    file: { bytes: randomBytes(64), name: 'alerta.json', type: 'application/json' },
  }),
};

const queryString = (q: Record<string, string>) =>
  Object.entries(q)
    .map(([k, v]) => `${k}=${v}`)
    .join('&');

describe('REST v1 under fuzz', () => {
  it('has a case for every route of the route table', () => {
    expect(REST_ROUTES.map((r) => r.operationId).filter((op) => !(op in REST_CASES))).toEqual([]);
  });

  // The mutations are only as good as the valid call they start from: each must be accepted.
  it('accepts the valid call of every route', async () => {
    const statuses: [string, number][] = [];
    for (const r of REST_ROUTES) {
      const kase = REST_CASES[r.operationId]();
      const res = await fetch(`${s.url}${kase.path}${kase.query ? `?${queryString(kase.query)}` : ''}`, {
        method: kase.method,
        headers: { authorization: `Bearer ${soc.token}`, ...(kase.body ? { 'content-type': 'application/json' } : {}) },
        body: kase.file ? formOf(kase.file) : kase.body ? JSON.stringify(kase.body) : undefined,
      });
      await res.text();
      statuses.push([r.operationId, res.status < 300 ? 200 : res.status]);
    }
    expect(statuses).toEqual(REST_ROUTES.map((r) => [r.operationId, 200]));
  });

  it.each(REST_ROUTES.map((r) => [r.operationId] as const))(
    '%s: never a 5xx nor a hang, and a refused call writes nothing',
    async (op) => {
      const kase = REST_CASES[op]();
      const paths = leafPaths(kase.body ?? {});
      const hostileBody = fc
        .tuple(fc.constantFrom(...paths), fc.constantFrom(...(Object.keys(HOSTILE) as (keyof typeof HOSTILE)[])))
        .map(([path, h]) => ({ body: replaced(kase.body ?? {}, path, HOSTILE[h]) }));
      const hostileQuery = fc
        .tuple(fc.constantFrom('status', 'severity', 'limit', 'cursor', 'q', 'tlp', 'from', '__proto__', 'status[]'), fc.constantFrom(...HOSTILE_QUERY))
        .map(([k, v]) => ({ query: queryString({ ...kase.query, [k]: v }) }));
      const hostilePath = fc.constantFrom(...HOSTILE_QUERY, '..%2F..%2Fetc', crypto.randomUUID()).map((id) => ({ path: kase.path.replace(incidentId, id) }));
      const hostileKey = fc.constantFrom(...HOSTILE_HEADER).map((key) => ({ headers: { 'idempotency-key': key } }));
      const anyJson = fc.jsonValue({ maxDepth: 4 }).map((v) => ({ body: JSON.stringify(v) }));
      // The upload's part: hostile names, declared types and field names, and multipart bodies that are not well formed.
      const valid = kase.file;
      const hostileText = fc.constantFrom(
        ...Object.values(HOSTILE).map((h) => h.slice(0, 2_000)),
        ...HOSTILE_HEADER,
        '../../etc/passwd',
        'C:\\boot.ini',
        '',
        '.',
        'a\r\nContent-Type: text/html',
      );
      const hostilePart = valid
        ? fc
            .record({
              name: hostileText,
              type: fc.oneof(hostileText, fc.constant('text/html')),
              field: fc.constantFrom('file', 'archivo', '', '__proto__'),
              bytes: fc.uint8Array({ maxLength: 2_048 }),
            })
            .map((p) => ({ body: formOf({ bytes: p.bytes, name: p.name, type: p.type }, p.field) }))
        : fc.constant({});
      const brokenMultipart = fc
        .tuple(
          fc.constantFrom(
            'multipart/form-data',
            'multipart/form-data; boundary=',
            'multipart/form-data; boundary=x',
            `multipart/form-data; boundary=${'b'.repeat(300)}`,
          ),
          fc.string({ maxLength: 500 }),
        )
        .map(([type, text]) => ({
          body: `--x\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\n${text}`,
          headers: { 'content-type': type },
        }));
      const mutations = valid
        ? [hostilePart, brokenMultipart, hostilePath, hostileKey, anyJson]
        : [hostileBody, hostileQuery, hostilePath, hostileKey, anyJson];
      let checked = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(...mutations), async (m: { body?: string | FormData; query?: string; path?: string; headers?: Record<string, string> }) => {
          const path = m.path ?? kase.path;
          const query = m.query ?? (kase.query ? queryString(kase.query) : '');
          const sent = kase.method === 'POST' ? (m.body ?? (valid ? formOf(valid) : JSON.stringify(kase.body))) : undefined;
          await check({ method: kase.method, url: `${path}${query ? `?${query}` : ''}`, body: sent, headers: m.headers });
          checked += 1;
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      expect(checked).toBe(RUNS);
    },
    180_000,
  );
});

describe('TAXII 2.1 under fuzz', () => {
  const OBJECTS = `/taxii2/api/collections/${SHARED_WITH_ME_ID}/objects/`;

  it('never a 5xx nor a hang, whatever the paging parameters, collection id and Accept header', async () => {
    const params = fc
      .array(
        fc.tuple(
          fc.constantFrom('added_after', 'limit', 'next', 'match[type]', 'match[id]', 'match[version]', '__proto__'),
          fc.constantFrom(...HOSTILE_QUERY, 'indicator'),
        ),
        { maxLength: 4 },
      )
      .map((pairs) => ({ url: `${OBJECTS}?${pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')}` }));
    const collection = fc
      .constantFrom(...HOSTILE_QUERY, 'shared-with-me', crypto.randomUUID())
      .map((id) => ({ url: `/taxii2/api/collections/${id}/objects/` }));
    const accept = fc.constantFrom(...HOSTILE_HEADER, TAXII_MEDIA_TYPE).map((a) => ({ url: OBJECTS, headers: { accept: a } }));
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(params, collection, accept), async (c: { url: string; headers?: Record<string, string> }) => {
        await check({ method: 'GET', url: c.url, headers: { accept: TAXII_MEDIA_TYPE, ...c.headers } });
        checked += 1;
      }),
      { numRuns: RUNS * 3, endOnFailure: true },
    );
    expect(checked).toBe(RUNS * 3);
  }, 180_000);
});

/** The PDF route's path for an id (sent as it is: the fuzz's ids are already percent-encoded). */
const pdf = (id: string) => REPORT_PDF_PATH.replace('{id}', id);

describe('the report PDF under fuzz', () => {
  // The call the mutations start from is accepted.
  it('serves the valid call', async () => {
    const res = await fetch(`${s.url}${pdf(incidentId)}?document=initial&lang=en`, { headers: { authorization: `Bearer ${soc.token}` } });
    expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({ status: 200, type: 'application/pdf' });
    await res.arrayBuffer();
  });

  it('never a 5xx nor a hang, whatever the id, document, language and headers, and a refused call writes nothing', async () => {
    const id = fc.constantFrom(...HOSTILE_QUERY, '..%2F..%2Fetc', crypto.randomUUID(), incidentId);
    const value = fc.constantFrom(...HOSTILE_QUERY, 'initial', 'notification', 'final', 'es-MX', 'en');
    const query = fc
      .array(fc.tuple(fc.constantFrom('document', 'lang', '__proto__', 'document[]'), value), { maxLength: 3 })
      .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'));
    const header = fc.record({ 'x-anc-locale': fc.constantFrom(...HOSTILE_HEADER, 'en'), accept: fc.constantFrom(...HOSTILE_HEADER, 'application/pdf') });
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(id, query, header, async (path, q, headers) => {
        await check({ method: 'GET', url: `${pdf(path)}${q ? `?${q}` : ''}`, headers });
        checked += 1;
      }),
      { numRuns: RUNS * 2, endOnFailure: true },
    );
    expect(checked).toBe(RUNS * 2);
  }, 180_000);
});
