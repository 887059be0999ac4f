// The official PDF of an incident's report over real HTTP with session cookies, as the portal's
// "Descargar PDF" link gets it, read back with pdf.js (testing/pdf.ts). PGlite, and PostgreSQL
// with ANC_TEST_PG_URL.
import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents } from '@anc/db';
import { formatMxDateTime, type ObservableType } from '@anc/domain';
import { DEMO, signedIn, startTestServer, type TestServer } from '../../../testing/http.ts';
import { agencyIdOf, auditCountFor, userIdOf, validIncident, type Client } from '../../../testing/incidents.ts';
import { pdfText } from '../../../testing/pdf.ts';
import { present } from '../../../testing/raw.ts';

let s: TestServer;
let sedena: Client;
let semar: Client;
let sspc: Client;
let coordinator: Client;
let admin: Client;
let incidentId: string;
let reference: string;

// Three days ago at 15:45 UTC: 09:45 in Mexico City (UTC−6 all year since 2022).
const awareAt = new Date(Date.now() - 3 * 86_400_000);
awareAt.setUTCHours(15, 45, 0, 0);
const detectedAt = new Date(awareAt.getTime() - 30 * 60_000);

// Notes each reader may or may not read (packages/domain/src/incidents/visibility.ts).
const NOTE_ANC = 'Nota interna de la ANC: atribución preliminar a un grupo conocido';
const REASON_ANC = 'Motivo interno de la ANC para clasificarlo';
const NOTE_REPORTING = 'Nota de la ANC para la dependencia que reporta: credenciales filtradas';
const NOTE_ALL = 'Actualización de SEDENA para todos los lectores: se aislaron los equipos';
const NOTIFICATION_BODY = 'Notificación: evaluación inicial del cifrado de servidores de nómina.';

/**
 * 90 distinct indicators (and a dozen comments), enough for the document to run over several
 * pages; a SHA-256 among them must stay one word a reader can search and copy.
 */
const observables: { type: ObservableType; value: string }[] = [
  { type: 'sha256', value: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08' },
  ...Array.from({ length: 89 }, (_, i) => ({ type: 'ipv4' as const, value: `198.51.100.${i + 1}` })),
];

const pdfPath = (id: string, query = '') => `/export/incidents/${id}/report.pdf${query}`;
const download = (client: Client | null, id: string, query = '', headers: Record<string, string> = {}) =>
  fetch(`${s.url}${pdfPath(id, query)}`, { headers: { ...(client ? { cookie: client.jar.header() } : {}), ...headers } });

async function pdfOf(client: Client, query = '') {
  const res = await download(client, incidentId, query);
  expect(res.status).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, ...(await pdfText(bytes)) };
}

beforeAll(async () => {
  s = await startTestServer();
  sedena = await signedIn(s.url, DEMO.sedena);
  semar = await signedIn(s.url, DEMO.semar);
  sspc = await signedIn(s.url, 'enlace@sspc.gob.mx');
  coordinator = await signedIn(s.url, DEMO.coordinator);
  admin = await signedIn(s.url, DEMO.admin);
  const filed = await sedena.trpc.incidents.create.mutate(
    validIncident({
      title: 'Cifrado de servidores de nómina por ransomware',
      rsitClass: 'malicious-code',
      rsitType: 'infected-system',
      severity: 3,
      tlp: 'AMBER',
      detectedAt: detectedAt.toISOString(),
      awareAt: awareAt.toISOString(),
      observables,
    }),
  );
  incidentId = filed.id;
  reference = filed.reference;
  await coordinator.trpc.incidents.share.mutate({ id: incidentId, agencyIds: [await agencyIdOf(s.t.db, 'SEMAR')] });
  await coordinator.trpc.incidents.comment.mutate({ id: incidentId, body: NOTE_ANC, visibility: 'anc' });
  await coordinator.trpc.incidents.comment.mutate({ id: incidentId, body: NOTE_REPORTING, visibility: 'reporting' });
  await sedena.trpc.incidents.comment.mutate({ id: incidentId, body: NOTE_ALL, visibility: 'all_readers' });
  for (let i = 1; i <= 12; i++) await sedena.trpc.incidents.comment.mutate({ id: incidentId, body: `Bitácora de contención, entrada ${i}.` });
  const { version } = await coordinator.trpc.incidents.get.query({ id: incidentId });
  await coordinator.trpc.incidents.transition.mutate({ id: incidentId, version, to: 'triaged', reason: REASON_ANC, visibility: 'anc' });
}, 120_000);
afterAll(() => s.close());

const textOf = async (c: Client) => (await pdfOf(c)).pages.join(' ');
/** Which of the notes a PDF's text holds. */
const seen = (text: string) => ({
  anc: text.includes(NOTE_ANC),
  ancReason: text.includes(REASON_ANC),
  reporting: text.includes(NOTE_REPORTING),
  all: text.includes(NOTE_ALL),
  step: text.includes('cambió el estado de Recibido a Clasificado'),
});

describe('GET /export/incidents/:id/report.pdf', () => {
  it('is a PDF of several pages, each with the reference, the TLP label in its header and footer, and its page number', async () => {
    const { res, bytes, pages, title } = await pdfOf(sedena);
    expect({
      type: res.headers.get('content-type'),
      disposition: res.headers.get('content-disposition'),
      cache: res.headers.get('cache-control'),
      sniff: res.headers.get('x-content-type-options'),
      magic: Buffer.from(bytes.slice(0, 5)).toString('latin1'),
    }).toEqual({
      type: 'application/pdf',
      disposition: `attachment; filename="${reference}-reporte.pdf"`,
      cache: 'no-store',
      sniff: 'nosniff',
      magic: '%PDF-',
    });
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(title).toBe(`${reference} · Reporte de incidente de ciberseguridad`);
    expect(
      pages.map((text, i) => ({
        agency: text.includes('Agencia Nacional de Ciberseguridad'),
        reference: text.includes(reference),
        tlpLabels: text.split('TLP:AMBER').length - 1 >= 2,
        page: text.includes(`Página ${i + 1} de ${pages.length}`),
      })),
    ).toEqual(pages.map(() => ({ agency: true, reference: true, tlpLabels: true, page: true })));
  });

  it('holds the report as filed: classification with labels, severity, impact, status, every indicator and the dates in Mexico City time', async () => {
    const { pages } = await pdfOf(sedena);
    const text = pages.join(' ');
    const aware = formatMxDateTime(awareAt, 'es-MX');
    expect(aware).toContain('09:45');
    for (const expected of [
      'Cifrado de servidores de nómina por ransomware',
      'SEDENA · Secretaría de la Defensa Nacional',
      'Código malicioso (malicious-code)',
      'Nivel 3 · Alto',
      'TLP:AMBER · Organización y sus clientes, con necesidad de conocer',
      'Clasificado',
      'Datos personales afectados',
      aware,
      formatMxDateTime(detectedAt, 'es-MX'),
      'America/Mexico_City',
    ])
      expect(text).toContain(expected);
    expect(observables.filter((o) => !text.includes(o.value)).map((o) => o.value)).toEqual([]);
  });

  it('shows each reader exactly the notes incidents.get shows them: the ANC all, the reporting agency its own, a shared agency the public ones', async () => {
    const [coordinatorPdf, adminPdf, sedenaPdf, semarPdf] = await Promise.all([textOf(coordinator), textOf(admin), textOf(sedena), textOf(semar)]);
    expect({ coordinator: seen(coordinatorPdf), admin: seen(adminPdf), sedena: seen(sedenaPdf), semar: seen(semarPdf) }).toEqual({
      coordinator: { anc: true, ancReason: true, reporting: true, all: true, step: true },
      admin: { anc: true, ancReason: true, reporting: true, all: true, step: true },
      sedena: { anc: false, ancReason: false, reporting: true, all: true, step: true },
      semar: { anc: false, ancReason: false, reporting: false, all: true, step: true },
    });
    // The same cut as incidents.get, entry for entry.
    const semarDetail = await semar.trpc.incidents.get.query({ id: incidentId });
    const bodies = semarDetail.timeline.flatMap((e) => (e.body && e.kind === 'comment' ? [e.body] : []));
    expect(bodies.filter((b) => !semarPdf.includes(b))).toEqual([]);
  });

  it('is written in the reader’s language: English when asked', async () => {
    const { pages, res } = await pdfOf(semar, '?lang=en');
    expect(res.status).toBe(200);
    expect(pages.map((text, i) => text.includes(`Page ${i + 1} of ${pages.length}`))).toEqual(pages.map(() => true));
    const text = pages.join(' ');
    expect(text).toContain('Cybersecurity incident report');
    expect(text).toContain('Level 3 · High');
    expect(text).toContain(formatMxDateTime(awareAt, 'en'));
  });

  it('serves a follow-up report once it is filed, and answers NOT_FOUND before', async () => {
    const before = await Promise.all(['?document=notification', '?document=final'].map(async (q) => (await download(sedena, incidentId, q)).status));
    expect(before).toEqual([404, 404]);
    await sedena.trpc.incidents.submitReport.mutate({ id: incidentId, kind: 'notification', body: NOTIFICATION_BODY });
    const { res, pages } = await pdfOf(semar, '?document=notification');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${reference}-notificacion.pdf"`);
    const text = pages.join(' ');
    expect(text).toContain('Notificación del incidente');
    expect(text).toContain(NOTIFICATION_BODY);
    expect((await download(sedena, incidentId, '?document=final')).status).toBe(404);
  });

  it('answers another agency, a malformed id and an id that exists nowhere the same NOT_FOUND, and writes no audit row', async () => {
    const before = await auditCountFor(s.t.db, 'incident.downloadReport', incidentId);
    const answers = await Promise.all(
      [
        [sspc, incidentId],
        [sspc, randomUUID()],
        [sedena, 'no-es-un-id'],
        [sedena, randomUUID()],
      ].map(async ([client, id]) => {
        const res = await download(client as Client, id as string);
        return { status: res.status, body: await res.text() };
      }),
    );
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(await auditCountFor(s.t.db, 'incident.downloadReport', incidentId)).toBe(before);
  });

  it('refuses a caller without a session and a document it does not know', async () => {
    const anonymous = await download(null, incidentId);
    const unknown = await download(sedena, incidentId, '?document=borrador');
    expect([anonymous.status, unknown.status]).toEqual([401, 400]);
    expect(((await unknown.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors).toHaveProperty('document');
  });

  it('writes one audit row per download: who, which incident, which document', async () => {
    const before = await auditCountFor(s.t.db, 'incident.downloadReport', incidentId);
    await pdfOf(semar, '?document=initial&lang=en');
    await pdfOf(coordinator);
    expect(await auditCountFor(s.t.db, 'incident.downloadReport', incidentId)).toBe(before + 2);
    const [latest] = await s.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'incident.downloadReport'), eq(auditEvents.entityId, incidentId)))
      .orderBy(desc(auditEvents.id))
      .limit(2);
    expect(present(latest, 'the latest download')).toMatchObject({
      actorId: await userIdOf(s.t.db, DEMO.coordinator),
      entityType: 'incident',
      diff: { document: 'initial', locale: 'es-MX' },
    });
  });
});
