// The exports over real HTTP with session cookies, as a browser following a link (or an
// agency's script with curl) gets them.
import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agencies, users } from '@anc/db';
import { INCIDENT_CSV_HEADERS, TLP2_STIX_MARKING_IDS, incidentFiltersToSearchParams, type CreateIncidentInput, type IncidentFilters } from '@anc/domain';
import { DEMO, signedIn, startTestServer, type TestServer } from '../../../testing/http.ts';
import { CSV_COLUMNS } from './csv.ts';
import { EXPORT_PAGE_SIZE, incidentSummaryPages } from './export-incidents.ts';
import { tlpMarkingDefinition, type StixBundle } from './stix.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(() => s.reset());

type Client = Awaited<ReturnType<typeof signedIn>>;

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

function report(over: Partial<CreateIncidentInput> = {}): CreateIncidentInput {
  return {
    title: 'Acceso no autorizado a servidor de correo',
    description: 'Se detectó un inicio de sesión desde una dirección desconocida.',
    rsitClass: 'intrusions',
    rsitType: 'system-compromise',
    severity: 2,
    tlp: 'AMBER',
    detectedAt: hoursAgo(3),
    awareAt: hoursAgo(2),
    impact: { personalData: false, criticalService: false, crossBorder: false },
    ...over,
  };
}

async function agencyId(code: string) {
  const [row] = await s.t.db.select().from(agencies).where(eq(agencies.code, code));
  if (!row) throw new Error(`no agency ${code}`);
  return row.id;
}

/** A GET with the client's session cookie (none for `null`). */
function get(path: string, client: Client | null, headers: Record<string, string> = {}) {
  return fetch(`${s.url}${path}`, { headers: { ...(client ? { cookie: client.jar.header() } : {}), ...headers } });
}

type CsvRow = Record<string, string>;
async function csvOf(res: Response): Promise<{ bytes: Uint8Array; rows: CsvRow[]; header: string[] }> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  const records = parse(Buffer.from(bytes), { bom: true }) as string[][];
  const [header = [], ...body] = records;
  return { bytes, header, rows: body.map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i] ?? '']))) };
}

async function exportCsv(client: Client | null, filters: IncidentFilters = {}, extra = '') {
  const qs = incidentFiltersToSearchParams(filters).toString();
  const res = await get(`/export/incidents.csv?${qs}${extra}`, client);
  expect(res.status).toBe(200);
  return csvOf(res);
}

/** Every reference `incidents.list` gives for the filters, walking its pages. */
async function listedReferences(client: Client, filters: IncidentFilters): Promise<string[]> {
  const out: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.trpc.incidents.list.query({ ...filters, limit: 2, ...(cursor ? { cursor } : {}) });
    out.push(...page.items.map((i) => i.reference));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return out;
}

describe('GET /export/incidents.csv', () => {
  let sedena: Client;
  let semar: Client;
  let coordinator: Client;
  let red: { id: string; reference: string };
  let shared: { id: string; reference: string };

  beforeEach(async () => {
    [sedena, semar, coordinator] = await Promise.all([signedIn(s.url, DEMO.sedena), signedIn(s.url, DEMO.semar), signedIn(s.url, DEMO.coordinator)]);
    red = await sedena.trpc.incidents.create.mutate(report({ title: 'Exfiltración en red clasificada', tlp: 'RED', severity: 4 }));
    shared = await sedena.trpc.incidents.create.mutate(
      report({ title: 'Campaña de phishing, "urgente"\ncon adjuntos', rsitClass: 'fraud', rsitType: 'phishing', severity: 3 }),
    );
    await sedena.trpc.incidents.create.mutate(report({ title: '=HYPERLINK("http://evil.example","clic")', severity: 3, tlp: 'GREEN' }));
    await sedena.trpc.incidents.create.mutate(report({ title: '-2+3 @SUM(A1) fórmula', severity: 1 }));
    await semar.trpc.incidents.create.mutate(
      report({ title: 'Escaneo de puertos en la red naval', rsitClass: 'information-gathering', rsitType: 'scanner', severity: 1, tlp: 'CLEAR' }),
    );
    await coordinator.trpc.incidents.share.mutate({ id: shared.id, agencyIds: [await agencyId('SEMAR')] });
  });

  it('downloads a UTF-8 CSV with a BOM, as an attachment that is never cached', async () => {
    const res = await get('/export/incidents.csv', coordinator);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="incidentes-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // streamed as it is written, not measured up front
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const { bytes, header, rows } = await csvOf(res);
    expect(Array.from(bytes.subarray(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toEqual(CSV_COLUMNS.map((c) => INCIDENT_CSV_HEADERS[c]['es-MX']));
    expect(header.slice(0, 3)).toEqual(['Referencia', 'Título', 'Clave de la dependencia']);
    expect(rows).toHaveLength(5);
    const row = rows.find((r) => r.reference === shared.reference);
    expect(row).toMatchObject({
      agencyCode: 'SEDENA',
      agencyName: 'Secretaría de la Defensa Nacional',
      status: 'submitted',
      severity: '3',
      tlp: 'AMBER',
      rsitClass: 'fraud',
      rsitType: 'phishing',
      nextObligationKind: 'notification',
      nextObligationState: 'pending',
      // beside each code, its label in the reader's language
      statusLabel: 'Recibido',
      severityLabel: 'Nivel 3 · Alto',
      tlpLabel: 'Organización y sus clientes, con necesidad de conocer',
      rsitClassLabel: 'Fraude',
      rsitTypeLabel: 'Phishing',
      nextObligationKindLabel: 'Notificación del incidente',
      nextObligationStateLabel: 'Pendiente',
    });
    // each label column sits right after its code column
    expect(header.slice(4, 14)).toEqual([
      'Estado',
      'Estado (texto)',
      'Severidad',
      'Severidad (texto)',
      'TLP',
      'TLP (texto)',
      'Clase RSIT',
      'Clase RSIT (texto)',
      'Tipo RSIT',
      'Tipo RSIT (texto)',
    ]);
    expect(row?.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(row?.nextObligationDueAt).toMatch(/Z$/);
  });

  it('has the same rows, in the same order, as incidents.list with the same filters', async () => {
    const cases: IncidentFilters[] = [
      {},
      { severity: [3, 4] },
      { tlp: ['AMBER', 'RED'], status: ['submitted'] },
      { rsitClass: ['fraud'] },
      { q: 'phishing' },
      { severity: [5] },
    ];
    for (const filters of cases) {
      for (const client of [coordinator, sedena, semar]) {
        const { rows } = await exportCsv(client, filters);
        expect(
          rows.map((r) => r.reference),
          JSON.stringify(filters),
        ).toEqual(await listedReferences(client, filters));
      }
    }
  });

  it('gives staff of another agency only what was shared with it', async () => {
    const { rows } = await exportCsv(semar);
    const refs = rows.map((r) => r.reference);
    expect(refs).toContain(shared.reference);
    expect(refs).not.toContain(red.reference);
    expect(rows.map((r) => r.agencyCode).sort()).toEqual(['SEDENA', 'SEMAR']);
    // even when asking for it by agency, TLP or reference
    expect((await exportCsv(semar, { tlp: ['RED'] })).rows).toEqual([]);
    expect((await exportCsv(semar, { q: red.reference })).rows).toEqual([]);
    expect((await exportCsv(semar, { agencyId: await agencyId('SEDENA') })).rows.map((r) => r.reference)).toEqual([shared.reference]);
  });

  it('neutralises formulas and keeps commas, quotes and line breaks inside their field', async () => {
    const titles = (await exportCsv(sedena)).rows.map((r) => r.title);
    expect(titles).toContain(`'=HYPERLINK("http://evil.example","clic")`);
    expect(titles).toContain(`'-2+3 @SUM(A1) fórmula`);
    expect(titles).toContain('Campaña de phishing, "urgente"\ncon adjuntos');
  });

  it('writes a header from the catalogue for every column, and every column of the catalogue', () => {
    expect([...CSV_COLUMNS].sort()).toEqual(Object.keys(INCIDENT_CSV_HEADERS).sort());
    expect(new Set(CSV_COLUMNS).size).toBe(CSV_COLUMNS.length);
  });

  it('writes the header row in English with lang=en, or in the language of the user', async () => {
    const en = await exportCsv(sedena, {}, '&lang=en');
    expect(en.header).toEqual(CSV_COLUMNS.map((c) => INCIDENT_CSV_HEADERS[c].en));
    expect(en.header.slice(0, 3)).toEqual(['Reference', 'Title', 'Agency code']);
    expect(en.rows.find((r) => r.reference === red.reference)).toMatchObject({
      agencyName: 'Ministry of National Defense',
      status: 'submitted',
      statusLabel: 'Submitted',
      severity: '4',
      severityLabel: 'Level 4 · Severe',
      tlp: 'RED',
      tlpLabel: 'For the eyes and ears of individual recipients only',
      rsitClass: 'intrusions',
      rsitClassLabel: 'Intrusions',
      rsitType: 'system-compromise',
      nextObligationKindLabel: 'Incident notification',
      nextObligationStateLabel: 'Pending',
    });
    // the portal's own header, as the PDF report reads it
    const viaHeader = await csvOf(await get('/export/incidents.csv', sedena, { 'x-anc-locale': 'en' }));
    expect(viaHeader.header[4]).toBe('Status');
    expect(viaHeader.rows.find((r) => r.reference === red.reference)?.statusLabel).toBe('Submitted');
    await sedena.trpc.auth.setLocale.mutate({ locale: 'en' });
    expect((await exportCsv(sedena)).header[0]).toBe('Reference');
  });

  it('answers 401 without a session', async () => {
    const res = await get('/export/incidents.csv', null);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      error: { code: 'UNAUTHORIZED', message: 'Tu sesión terminó. Vuelve a iniciar sesión.', reason: 'not_signed_in', fieldErrors: null },
    });
  });

  it('answers 400 with localized field errors for a bad filter', async () => {
    const res = await get('/export/incidents.csv?severity=9&status=nope&from=ayer&agencyId=x', sedena);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; reason: string; message: string; fieldErrors: Record<string, string[]> } };
    expect(body.error).toMatchObject({ code: 'BAD_REQUEST', reason: 'invalid_input', message: 'Revisa los campos marcados.' });
    expect(Object.keys(body.error.fieldErrors).sort()).toEqual(['agencyId', 'from', 'severity.0', 'status.0']);
    for (const messages of Object.values(body.error.fieldErrors)) expect(messages.every((m) => m.length > 0)).toBe(true);

    const en = (await (await get('/export/incidents.csv?severity=9&lang=en', sedena)).json()) as typeof body;
    expect(en.error.message).toBe('Check the highlighted fields.');
    expect(en.error.fieldErrors['severity.0']).not.toEqual(body.error.fieldErrors['severity.0']);
  });

  it('streams more rows than one page holds, each once, newest first', async () => {
    const sedenaId = await agencyId('SEDENA');
    const [reporter] = await s.t.db.select().from(users).where(eq(users.email, DEMO.sedena));
    // Bulk rows straight into the table (filing 1,200 reports one by one would only test filing).
    await s.t.db.execute(sql`insert into incidents (reference, agency_id, reporter_id, title, description, rsit_class, severity, tlp,
        detected_at, aware_at, personal_data, critical_service, cross_border, created_at, updated_at)
      select 'INC-2001-' || lpad(n::text, 6, '0'), ${sedenaId}, ${reporter?.id ?? ''}, 'Incidente ' || n, 'Carga masiva', 'other', 1, 'AMBER',
        now() - interval '1 day', now() - interval '1 day', false, false, false,
        timestamptz '2001-01-01T00:00:00Z' + (n / 3) * interval '1 minute', now()
      from generate_series(1, ${EXPORT_PAGE_SIZE * 2 + 3}) n`);
    const { rows } = await exportCsv(sedena, { rsitClass: ['other'] });
    expect(rows).toHaveLength(EXPORT_PAGE_SIZE * 2 + 3);
    expect(new Set(rows.map((r) => r.reference)).size).toBe(rows.length);
    const created = rows.map((r) => r.createdAt ?? '');
    expect(created).toEqual([...created].sort((a, b) => b.localeCompare(a)));
  });

  it('pages through the list with keyset cursors', async () => {
    const [staff] = await s.t.db.select().from(users).where(eq(users.email, DEMO.sedena));
    if (!staff) throw new Error('no SEDENA user');
    const actor = { userId: staff.id, role: staff.role, agencyId: staff.agencyId, agencyKind: 'federal_ministry' as const, locale: 'es-MX' as const };
    const pageSizes: number[] = [];
    const refs: string[] = [];
    for await (const page of await incidentSummaryPages(s.t.db, actor, {}, { pageSize: 1 })) {
      pageSizes.push(page.length);
      refs.push(...page.map((p) => p.reference));
    }
    expect(pageSizes).toEqual([1, 1, 1, 1]);
    expect(refs).toEqual(await listedReferences(sedena, {}));
  });
});

const stix = (client: Client | null, id: string) => get(`/export/incidents/${id}/stix.json`, client);

describe('GET /export/incidents/:id/stix.json', () => {
  const observables = [
    { type: 'ipv4', value: '192.0.2.10' },
    { type: 'ipv6', value: '2001:db8::10' },
    { type: 'domain', value: 'correo-falso.example' },
    { type: 'url', value: "http://correo-falso.example/it's/login" },
    { type: 'email', value: 'soporte@correo-falso.example' },
    { type: 'md5', value: '44d88612fea8a8f36de82e1278abb02f' },
    { type: 'sha1', value: '3395856ce81f2b7382dee72602f798b642f14140' },
    { type: 'sha256', value: '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f' },
    { type: 'cve', value: 'CVE-2024-3094' },
    { type: 'other', value: 'Cuenta "svc_backup" creada fuera de horario' },
  ] as const;

  const patterns = [
    "[ipv4-addr:value = '192.0.2.10']",
    "[ipv6-addr:value = '2001:db8::10']",
    "[domain-name:value = 'correo-falso.example']",
    "[url:value = 'http://correo-falso.example/it\\'s/login']",
    "[email-addr:value = 'soporte@correo-falso.example']",
    "[file:hashes.MD5 = '44d88612fea8a8f36de82e1278abb02f']",
    "[file:hashes.'SHA-1' = '3395856ce81f2b7382dee72602f798b642f14140']",
    "[file:hashes.'SHA-256' = '275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f']",
  ];

  it('exports a bundle with the agency, the incident, its indicators and its TLP marking', async () => {
    const sedena = await signedIn(s.url, DEMO.sedena);
    const created = await sedena.trpc.incidents.create.mutate(report({ tlp: 'AMBER+STRICT', severity: 3, observables: [...observables] }));
    const res = await stix(sedena, created.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/stix+json;version=2.1');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${created.reference}.stix.json"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const bundle = (await res.json()) as StixBundle;
    expect(bundle.type).toBe('bundle');
    expect(bundle.id).toMatch(/^bundle--[0-9a-f-]{36}$/);

    const ofType = (type: string) => bundle.objects.filter((o) => o.type === type);
    const [identity] = ofType('identity');
    expect(ofType('identity')).toHaveLength(1);
    expect(identity).toMatchObject({ identity_class: 'organization', name: 'Secretaría de la Defensa Nacional', x_anc_agency_code: 'SEDENA' });
    const [incident] = ofType('incident');
    expect(ofType('incident')).toHaveLength(1);
    expect(incident).toMatchObject({
      name: `${created.reference} ${created.title}`,
      description: created.description,
      created_by_ref: identity?.id,
      x_anc_reference: created.reference,
      x_anc_status: 'submitted',
      x_anc_severity: 3,
      x_anc_rsit_class: 'intrusions',
      x_anc_rsit_type: 'system-compromise',
      labels: ['rsit:intrusions="system-compromise"'],
    });

    const indicators = ofType('indicator');
    expect(indicators.map((i) => i.pattern).sort()).toEqual([...patterns].sort());
    for (const i of indicators) expect(i).toMatchObject({ pattern_type: 'stix', valid_from: created.detectedAt, created_by_ref: identity?.id });
    const [observed] = ofType('observed-data');
    expect(((observed?.object_refs ?? []) as string[]).map((ref) => ref.split('--')[0]).sort()).toEqual(
      ['domain-name', 'email-addr', 'file', 'file', 'file', 'ipv4-addr', 'ipv6-addr', 'url'].sort(),
    );
    expect(ofType('vulnerability')).toMatchObject([{ name: 'CVE-2024-3094', external_references: [{ source_name: 'cve', external_id: 'CVE-2024-3094' }] }]);
    expect(ofType('note')).toMatchObject([{ content: 'Cuenta "svc_backup" creada fuera de horario', object_refs: [incident?.id] }]);

    // the official TLP 2.0 marking, and every object marked with it
    expect(ofType('marking-definition')).toEqual([tlpMarkingDefinition('AMBER+STRICT')]);
    expect(ofType('marking-definition')[0]?.id).toBe('marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003');
    for (const o of bundle.objects.filter((x) => x.type !== 'marking-definition')) {
      expect(o.object_marking_refs, o.id).toEqual([TLP2_STIX_MARKING_IDS['AMBER+STRICT']]);
    }

    // relationships point at objects of the bundle, one `indicates` per indicator
    const ids = new Set(bundle.objects.map((o) => o.id));
    expect(ids.size).toBe(bundle.objects.length);
    const indicates = ofType('relationship').filter((r) => r.relationship_type === 'indicates');
    expect(indicates).toHaveLength(indicators.length);
    for (const r of ofType('relationship')) {
      expect(ids.has(r.source_ref as string)).toBe(true);
      expect(ids.has(r.target_ref as string)).toBe(true);
    }
    expect(new Set(indicates.map((r) => r.source_ref))).toEqual(new Set(indicators.map((i) => i.id)));
    expect(indicates.every((r) => r.target_ref === incident?.id)).toBe(true);

    // a re-export keeps every id
    const again = (await (await stix(sedena, created.id)).json()) as StixBundle;
    expect(again.objects.map((o) => o.id)).toEqual(bundle.objects.map((o) => o.id));
  });

  it('answers 404 for an incident outside the caller scope, the same as for an absent one', async () => {
    const [sedena, semar, coordinator] = await Promise.all([signedIn(s.url, DEMO.sedena), signedIn(s.url, DEMO.semar), signedIn(s.url, DEMO.coordinator)]);
    const red = await sedena.trpc.incidents.create.mutate(report({ tlp: 'RED', observables: [{ type: 'ipv4', value: '198.51.100.7' }] }));
    const outside = await stix(semar, red.id);
    const absent = await stix(semar, crypto.randomUUID());
    expect(outside.status).toBe(404);
    expect(absent.status).toBe(404);
    const body = await outside.json();
    expect(body).toEqual(await absent.json());
    expect(body).toEqual({ error: { code: 'NOT_FOUND', message: 'No existe o no tienes acceso.', reason: 'not_found', fieldErrors: null } });
    expect((await stix(semar, 'no-es-un-id')).status).toBe(404);
    // the coordinator and the reporting agency may read it
    expect((await stix(coordinator, red.id)).status).toBe(200);
    const own = (await (await stix(sedena, red.id)).json()) as StixBundle;
    expect(own.objects.find((o) => o.type === 'marking-definition')?.id).toBe(TLP2_STIX_MARKING_IDS.RED);
  });

  it('answers 401 without a session', async () => {
    const res = await stix(null, crypto.randomUUID());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
  });
});
