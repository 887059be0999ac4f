// REST v1 over real HTTP, driven by a client generated from the served OpenAPI document
// (openapi-typescript types in openapi-types.ts + openapi-fetch): the document validates, the
// types are current, the routes do what they say, idempotent creates hold under concurrency, and a
// client's budget is its own. Who may call which route about which incident (clients of each
// agency, each scope missing, bad tokens, a cookie) is in the generated access matrix
// (apps/api/src/access-matrix.test.ts). PGlite, and PostgreSQL with ANC_TEST_PG_URL.
import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { and, count, eq } from 'drizzle-orm';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, evidenceFiles, evidenceStorageCounts, idempotencyKeys, incidents, purgeIdempotencyKeys, referenceCounters } from '@anc/db';
import { API_SCOPES, MAX_FILE_BYTES, MAX_FILES_PER_PARENT, type ApiScope } from '@anc/domain';
import { apiCallRows, createTestApiClient, type TestApiClient } from '../testing/api-clients.ts';
import { downloadFrom, insertStoredFile, sha256Hex, uniqueBytes } from '../testing/files.ts';
import { startTestServer, type TestServer } from '../testing/http.ts';
import { validIncident } from '../testing/incidents.ts';
import { REST_TYPES_FILE, restTypesSource } from './generate-types.ts';
import type { paths } from './openapi-types.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 120_000);
afterAll(() => s?.close());

const api = (token?: string, headers: Record<string, string> = {}) =>
  createClient<paths>({
    baseUrl: s.url,
    headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}), 'x-anc-locale': 'en' },
  });

const ALL: ApiScope[] = [...API_SCOPES];
const client = (agencyCode: string, scopes: readonly ApiScope[] = ALL, extra: { expiresAt?: Date; revoked?: boolean } = {}) =>
  createTestApiClient(s.t.db, { agencyCode, scopes, ...extra });

/** A report as the REST body takes it (the generated type). */
const report = (title = 'Intrusión detectada por el SIEM en el servidor de correo') =>
  validIncident({ title }) as paths['/api/v1/incidents']['post']['requestBody']['content']['application/json'];

async function fileOne(c: TestApiClient, title?: string) {
  const { data, response } = await api(c.token).POST('/api/v1/incidents', { body: report(title) });
  expect(response.status).toBe(201);
  if (!data) throw new Error('no incident');
  return data;
}

const referencesUsed = async () => {
  const rows = await s.t.db.select({ last: referenceCounters.last }).from(referenceCounters).where(eq(referenceCounters.scope, 'INC'));
  return rows.reduce((sum, r) => sum + r.last, 0);
};

interface OpenApiShape {
  openapi: string;
  components: { securitySchemes: Record<string, unknown> };
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<string, unknown>;
        parameters: { name: string }[];
        requestBody: { content: Record<string, { schema: { required: string[]; properties: Record<string, unknown> } }> };
      }
    >
  >;
}

describe('REST v1: the OpenAPI document', () => {
  it('is served at /api/v1/openapi.json, validates as OpenAPI 3.1, and names the bearer scheme and error answers', async () => {
    const res = await fetch(`${s.url}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as OpenApiShape;
    const result = await new Validator().validate(doc as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: 'http', scheme: 'bearer' });
    const create = doc.paths['/api/v1/incidents']?.post;
    if (!create) throw new Error('no create operation');
    expect(Object.keys(create.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '404', '422', '429']));
    expect(create.parameters.map((p) => p.name)).toContain('Idempotency-Key');
    // The body is the zod schema of incidents.create, without agencyId.
    const body = create.requestBody.content['application/json']?.schema;
    expect(body?.required).toEqual(expect.arrayContaining(['title', 'description', 'rsitClass', 'severity', 'tlp', 'detectedAt', 'awareAt', 'impact']));
    expect(body?.properties.title).toMatchObject({ minLength: 3, maxLength: 200 });
    expect(body?.properties).not.toHaveProperty('agencyId');
  });

  it('gives the committed client types when generated again (pnpm --filter @anc/api run rest:types)', async () => {
    expect(await restTypesSource()).toBe(readFileSync(REST_TYPES_FILE, 'utf8'));
  });

  it('is browsable at /api/docs with no inline script, under the portal’s CSP', async () => {
    const res = await fetch(`${s.url}/api/docs`);
    expect(res.status).toBe(200);
    const html = await res.text();
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    // Every script is a file of this origin.
    expect([...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map((m) => [/src="\/api\/docs\//.test(m[1] ?? ''), (m[2] ?? '').trim()])).toEqual([
      [true, ''],
      [true, ''],
    ]);
    for (const asset of ['swagger-ui-bundle.js', 'swagger-ui.css', 'docs-init.js']) {
      const a = await fetch(`${s.url}/api/docs/${asset}`);
      expect(a.status, asset).toBe(200);
      expect((await a.text()).length, asset).toBeGreaterThan(20);
    }
  });
});

describe('REST v1: incidents', () => {
  beforeEach(() => s.reset());

  it('files, lists, gets, adds observables and submits a report, audited with the client as actor', async () => {
    const soc = await client('SAT');
    const created = await fileOne(soc);
    expect(created.reference).toMatch(/^INC-\d{4}-\d{6}$/);
    expect(created.agency.code).toBe('SAT');

    const list = await api(soc.token).GET('/api/v1/incidents', { params: { query: { status: ['submitted'], severity: [2], limit: 10 } } });
    expect(list.response.status).toBe(200);
    expect(list.data?.items.map((i) => i.id)).toContain(created.id);
    const none = await api(soc.token).GET('/api/v1/incidents', { params: { query: { severity: [5] } } });
    expect(none.data?.items.map((i) => i.id)).not.toContain(created.id);

    const got = await api(soc.token).GET('/api/v1/incidents/{id}', { params: { path: { id: created.id } } });
    expect(got.data).toMatchObject({ id: created.id, reference: created.reference });

    const added = await api(soc.token).POST('/api/v1/incidents/{id}/observables', {
      params: { path: { id: created.id } },
      body: {
        observables: [
          { type: 'ipv4', value: '203.0.113.7' },
          { type: 'domain', value: 'malo.example' },
        ],
      },
    });
    expect(added.data).toEqual({ added: 2, skipped: 0 });

    const notified = await api(soc.token).POST('/api/v1/incidents/{id}/reports', {
      params: { path: { id: created.id } },
      body: { kind: 'notification', body: 'Notificación inicial enviada por el SOAR.' },
    });
    expect(notified.response.status).toBe(201);
    expect(notified.data?.reports.map((r) => r.kind)).toEqual(['notification']);

    const audited = await s.t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, soc.principalUserId), eq(auditEvents.entityId, created.id)));
    expect(audited.map((a) => a.action).sort()).toEqual(['incident.addObservables', 'incident.create', 'incident.submitReport']);
  });

  it('answers bad input as 400 naming the field, with nothing created', async () => {
    const soc = await client('SAT');
    const before = await referencesUsed();
    const { error, response } = await api(soc.token).POST('/api/v1/incidents', { body: { ...report(), title: 'x' } });
    expect(response.status).toBe(400);
    expect(error?.error.reason).toBe('invalid_input');
    expect(Object.keys(error?.error.fieldErrors ?? {})).toEqual(['title']);
    const malformed = await fetch(`${s.url}/api/v1/incidents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${soc.token}`, 'content-type': 'application/json' },
      body: '{"title":',
    });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { reason: string } }).error.reason).toBe('invalid_json');
    expect(await referencesUsed()).toBe(before);
    for (const query of ['limit=abc', 'limit=0', 'status=archivado', 'severity=9']) {
      const res = await fetch(`${s.url}/api/v1/incidents?${query}`, { headers: { authorization: `Bearer ${soc.token}` } });
      expect(res.status, query).toBe(400);
      expect(((await res.json()) as { error: { reason: string } }).error.reason, query).toBe('invalid_input');
    }
  });
});

/** `POST /api/v1/incidents/{id}/files` through the generated client: one `file` part, sent as FormData. */
const upload = (token: string, incidentId: string, bytes: Uint8Array, name: string) =>
  api(token).POST('/api/v1/incidents/{id}/files', {
    params: { path: { id: incidentId } },
    body: { file: new Blob([new Uint8Array(bytes)], { type: 'application/json' }) },
    bodySerializer: (body) => {
      const form = new FormData();
      form.append('file', body.file, name);
      return form;
    },
  });

describe('REST v1: evidence files', () => {
  beforeEach(() => s.reset());

  it('is a multipart operation of the document, answered by the stored file', async () => {
    const doc = (await (await fetch(`${s.url}/api/v1/openapi.json`)).json()) as {
      paths: Record<
        string,
        { post: { requestBody: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content: Record<string, { schema: unknown }> }> } }
      >;
    };
    const op = doc.paths['/api/v1/incidents/{id}/files']?.post;
    expect(op?.requestBody.content).toEqual({
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: ['file'],
          properties: { file: expect.objectContaining({ type: 'string', format: 'binary' }) },
          additionalProperties: false,
        },
      },
    });
    expect(Object.keys(op?.responses ?? {})).toEqual(expect.arrayContaining(['200', '201', '401', '403', '404', '413', '422']));
    expect(op?.responses['201']?.content['application/json']?.schema).toEqual({ $ref: '#/components/schemas/UploadedFile' });
    // Only that route's scope parses multipart: a JSON route refuses the media type, as before.
    const soc = await client('SEDENA');
    const incident = await fileOne(soc);
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.txt');
    const elsewhere = await fetch(`${s.url}/api/v1/incidents/${incident.id}/observables`, {
      method: 'POST',
      headers: { authorization: `Bearer ${soc.token}` },
      body: form,
    });
    expect(elsewhere.status).toBe(415);
  });

  it('SEDENA’s client uploads (201, then 200 for the same bytes), downloads the same bytes; SEMAR’s gets 404, a client without incidents:write 403', async () => {
    const soc = await client('SEDENA');
    const incident = await fileOne(soc, 'Correo de phishing con adjunto malicioso');
    const bytes = Buffer.from(JSON.stringify({ alerta: 'SIEM-4471', origen: '203.0.113.7', nota: 'captura de la regla' }));
    const expectedSha = sha256Hex(bytes);

    const first = await upload(soc.token, incident.id, bytes, 'alerta-siem.json');
    expect({
      status: first.response.status,
      sha256: first.data?.sha256,
      size: first.data?.size,
      name: first.data?.name,
      duplicate: first.data?.duplicate,
    }).toEqual({
      status: 201,
      sha256: expectedSha,
      size: bytes.length,
      name: 'alerta-siem.json',
      duplicate: false,
    });
    const fileId = first.data?.id ?? '';
    const again = await upload(soc.token, incident.id, bytes, 'otra-vez.json');
    expect({
      status: again.response.status,
      id: again.data?.id,
      duplicate: again.data?.duplicate,
      replayed: again.response.headers.get('idempotent-replayed'),
    }).toEqual({
      status: 200,
      id: fileId,
      duplicate: true,
      replayed: 'true',
    });
    expect(await s.t.db.select({ id: evidenceFiles.id }).from(evidenceFiles).where(eq(evidenceFiles.incidentId, incident.id))).toEqual([{ id: fileId }]);

    // The download route clients use (GET /files/{id}, incidents:read): the very bytes.
    const down = await downloadFrom(s.url, fileId, { authorization: `Bearer ${soc.token}` });
    expect({ status: down.status, equal: down.bytes.equals(bytes), disposition: down.headers.get('content-disposition') }).toEqual({
      status: 200,
      equal: true,
      disposition: expect.stringMatching(/^attachment; filename="alerta-siem\.json"/),
    });

    // SEMAR's client: the incident is not shared with it, so it is as absent as a random id.
    const semar = await client('SEMAR');
    const hidden = await upload(semar.token, incident.id, uniqueBytes(64), 'semar.bin');
    const random = await upload(semar.token, crypto.randomUUID(), uniqueBytes(64), 'semar.bin');
    expect({ status: hidden.response.status, error: hidden.error }).toEqual({ status: 404, error: random.error });
    expect(hidden.error?.error.reason).toBe('not_found');
    // A SEDENA client without incidents:write.
    const reader = await client('SEDENA', ['incidents:read', 'indicators:read']);
    const refused = await upload(reader.token, incident.id, uniqueBytes(64), 'lector.bin');
    expect({ status: refused.response.status, reason: refused.error?.error.reason }).toEqual({ status: 403, reason: 'scope_missing' });
    expect((await evidenceStorageCounts(s.t.db)).files).toBe(1);

    // The upload's audit row names the client's principal; the repeat and the refusals are `apiClient.call` rows.
    const audited = await s.t.db
      .select({ action: auditEvents.action, diff: auditEvents.diff })
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, soc.principalUserId), eq(auditEvents.action, 'incident.uploadFile')));
    expect(audited).toEqual([
      { action: 'incident.uploadFile', diff: { file: [null, expect.objectContaining({ id: fileId, sha256: expectedSha, size: bytes.length })] } },
    ]);
    const calls = await apiCallRows(s, soc.id, 2);
    expect(calls.map((c) => c.diff)).toEqual([
      { method: 'POST', route: '/api/v1/incidents/:id/files', status: 200 },
      { method: 'GET', route: '/files/:id', status: 200 },
    ]);
    expect((await apiCallRows(s, reader.id, 1)).map((c) => c.diff)).toEqual([{ method: 'POST', route: '/api/v1/incidents/:id/files', status: 403 }]);
  });

  it('refuses 25 MiB + 1 B with 413 and stores nothing', async () => {
    const soc = await client('SEDENA');
    const incident = await fileOne(soc);
    const before = await evidenceStorageCounts(s.t.db);
    const big = await upload(soc.token, incident.id, uniqueBytes(MAX_FILE_BYTES + 1), 'demasiado.pcap');
    expect({ status: big.response.status, reason: big.error?.error.reason }).toEqual({ status: 413, reason: 'file_too_large' });
    expect(await evidenceStorageCounts(s.t.db)).toEqual(before);
    // A request without a file part, or a JSON body, is 400 and stores nothing either.
    const json = await fetch(`${s.url}/api/v1/incidents/${incident.id}/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${soc.token}`, 'content-type': 'application/json' },
      body: '{"file":"x"}',
    });
    expect({ status: json.status, reason: ((await json.json()) as { error: { reason: string } }).error.reason }).toEqual({
      status: 400,
      reason: 'file_required',
    });
    // A multipart body that is not well formed (no boundary, one too long, a part cut short) is 400 on this route and the cookie route
    // alike (the token is accepted there too): the shared receiver (modules/files/files.routes.ts receiveUpload). These were 500s.
    const broken = [
      'multipart/form-data',
      'multipart/form-data; boundary=',
      'multipart/form-data; boundary=x',
      `multipart/form-data; boundary=${'b'.repeat(300)}`,
    ];
    const answers = [];
    for (const type of broken) {
      for (const url of [`/api/v1/incidents/${incident.id}/files`, `/files/incidents/${incident.id}`]) {
        const res = await fetch(`${s.url}${url}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${soc.token}`, 'content-type': type },
          body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.bin"\r\n\r\ncortado',
        });
        answers.push(`${type.slice(0, 40)} ${url.split('/')[1]} ${res.status} ${((await res.json()) as { error: { reason: string } }).error.reason}`);
      }
    }
    expect(answers).toEqual(broken.flatMap((type) => ['api', 'files'].map((route) => `${type.slice(0, 40)} ${route} 400 file_required`)));
    expect(await evidenceStorageCounts(s.t.db)).toEqual(before);
    // A full incident (50 files) takes no 51st.
    for (let i = 0; i < MAX_FILES_PER_PARENT; i++)
      await insertStoredFile(s.t.db, { incidentId: incident.id }, { id: soc.principalUserId, agencyId: soc.agencyId });
    const full = await upload(soc.token, incident.id, uniqueBytes(64), 'la-51.bin');
    expect({ status: full.response.status, reason: full.error?.error.reason }).toEqual({ status: 422, reason: 'too_many_files' });
    expect((await evidenceStorageCounts(s.t.db)).files).toBe(before.files + MAX_FILES_PER_PARENT);
  }, 60_000);
});

describe('REST v1: Idempotency-Key', () => {
  beforeEach(() => s.reset());

  it('20 concurrent creates with one key make one incident, consume one reference, and answer 20 identical bodies', async () => {
    const soc = await client('SAT');
    const before = await referencesUsed();
    const body = report('Ransomware en estaciones de trabajo de la oficina central');
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        api(soc.token).POST('/api/v1/incidents', { body, params: { header: { 'Idempotency-Key': 'soar-run-7f3a:case-1182' } }, parseAs: 'text' }),
      ),
    );
    expect(answers.map((a) => a.response.status)).toEqual(Array(20).fill(201));
    const texts = answers.map((a) => a.data);
    expect(new Set(texts).size).toBe(1);
    expect(answers.filter((a) => a.response.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    const [mine] = await s.t.db.select({ n: count() }).from(incidents).where(eq(incidents.reporterId, soc.principalUserId));
    expect(mine?.n).toBe(1);
    expect(await referencesUsed()).toBe(before + 1);
    // A later repeat (key order of the body changed) is the same answer, still one incident.
    const reordered = Object.fromEntries(Object.entries(body).toReversed()) as typeof body;
    const again = await api(soc.token).POST('/api/v1/incidents', {
      body: reordered,
      params: { header: { 'Idempotency-Key': 'soar-run-7f3a:case-1182' } },
      parseAs: 'text',
    });
    expect(again.data).toBe(texts[0]);
    expect(await referencesUsed()).toBe(before + 1);
  }, 60_000);

  it('answers 422 to the same key with another body and creates nothing; keys are per client; a bad key is 400', async () => {
    const soc = await client('SAT');
    const other = await client('SAT');
    const key = { 'Idempotency-Key': 'alerta-42' };
    const body = report();
    const first = await api(soc.token).POST('/api/v1/incidents', { body, params: { header: key } });
    expect(first.response.status).toBe(201);
    const used = await referencesUsed();
    const changed = await api(soc.token).POST('/api/v1/incidents', { body: { ...body, severity: 4 }, params: { header: key } });
    expect(changed.response.status).toBe(422);
    expect(changed.error?.error).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'idempotency_key_reused' });
    expect(await referencesUsed()).toBe(used);
    // Another client's same key is its own.
    const theirs = await api(other.token).POST('/api/v1/incidents', { body: report(), params: { header: key } });
    expect(theirs.response.status).toBe(201);
    expect(theirs.data?.id).not.toBe(first.data?.id);
    for (const bad of ['', 'con espacio', 'x'.repeat(201), 'clave-ñ']) {
      const res = await fetch(`${s.url}/api/v1/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${soc.token}`, 'content-type': 'application/json', 'idempotency-key': bad },
        body: JSON.stringify(report()),
      });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await referencesUsed()).toBe(used + 1);
  });

  it('forgets a key after 24 hours: the same key then files anew', async () => {
    const soc = await client('SAT');
    const header = { 'Idempotency-Key': 'caso-viejo' };
    const body = report();
    const first = await api(soc.token).POST('/api/v1/incidents', { body, params: { header } });
    const repeat = await api(soc.token).POST('/api/v1/incidents', { body, params: { header } });
    expect(repeat.data?.id).toBe(first.data?.id);
    const dayAndMore = new Date(Date.now() - 25 * 3_600_000);
    await s.t.db.update(idempotencyKeys).set({ createdAt: dayAndMore }).where(eq(idempotencyKeys.clientId, soc.id));
    const later = await api(soc.token).POST('/api/v1/incidents', { body: { ...body, severity: 3 }, params: { header } });
    expect(later.response.status).toBe(201);
    expect(later.data?.id).not.toBe(first.data?.id);
    // The purge removes only keys past their 24 h.
    await s.t.db.insert(idempotencyKeys).values({ clientId: soc.id, key: 'caso-antiguo', bodyHash: 'x', status: 201, response: '{}', createdAt: dayAndMore });
    expect(await purgeIdempotencyKeys(s.t.db, new Date())).toBe(1);
    expect((await s.t.db.select({ key: idempotencyKeys.key }).from(idempotencyKeys).where(eq(idempotencyKeys.clientId, soc.id))).map((r) => r.key)).toEqual([
      'caso-viejo',
    ]);
  });

  it('answers a repeat whose first call committed but never stored its answer (its process died) from what it created', async () => {
    const soc = await client('SAT');
    const header = { 'Idempotency-Key': 'caso-huerfano' };
    const body = report('Exfiltración detectada en el servidor de nómina');
    const first = await api(soc.token).POST('/api/v1/incidents', { body, params: { header } });
    expect(first.response.status).toBe(201);
    // As if the process had died between the commit and storing the answer.
    await s.t.db.update(idempotencyKeys).set({ status: null, response: null }).where(eq(idempotencyKeys.clientId, soc.id));
    const used = await referencesUsed();
    const repeat = await api(soc.token).POST('/api/v1/incidents', { body, params: { header } });
    expect(repeat.response.status).toBe(201);
    expect(repeat.response.headers.get('idempotent-replayed')).toBe('true');
    expect(repeat.data?.id).toBe(first.data?.id);
    expect(await referencesUsed()).toBe(used);
    // Stored now: the next repeat answers the very same bytes at once.
    const [row] = await s.t.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.clientId, soc.id));
    expect(row?.status).toBe(201);
    const third = await api(soc.token).POST('/api/v1/incidents', { body, params: { header }, parseAs: 'text' });
    expect(third.data).toBe(row?.response);
  });
});

describe('REST v1: rate limit per client', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  }, 120_000);
  afterAll(() => limited?.close());

  it('a client past its budget gets 429 while another client of the same address goes on', async () => {
    const one = await createTestApiClient(limited.t.db, { agencyCode: 'SAT', scopes: ALL });
    const two = await createTestApiClient(limited.t.db, { agencyCode: 'SAT', scopes: ALL });
    const get = (token: string) => fetch(`${limited.url}/api/v1/incidents`, { headers: { authorization: `Bearer ${token}` } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await get(one.token)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await get(one.token);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await refused.json()) as { error: { reason: string } }).error.reason).toBe('rate_limited');
    expect((await get(two.token)).status).toBe(200);
  });
});
