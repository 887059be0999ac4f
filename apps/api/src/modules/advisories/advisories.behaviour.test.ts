// Advisories over real HTTP: drafts, the audience rule, publication (notifications and e-mail in
// each recipient's language), answers and their history, the matrix, NOT_FOUND outside the
// audience, the reminder job, the CSV, and a draft from an incident. PGlite, and PostgreSQL with ANC_TEST_PG_URL.
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mailOutbox, notifications, users } from '@anc/db';
import { mexicoCityYear } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, auditCountFor, userIdOf, validIncident, type Client } from '../../testing/incidents.ts';
import { present } from '../../testing/raw.ts';
import { makeAdvisory, setRespondBy, validAdvisory } from '../../testing/advisories.ts';
import { runAdvisoryReminderJob } from './reminder-job.ts';

let s: TestServer;
let coordinator: Client;
let admin: Client;
let sedena: Client;
let semar: Client;
let sspc: Client;
let sedenaId = '';
let semarId = '';

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(async () => {
  await s.reset();
  [coordinator, admin, sedena, semar, sspc] = await Promise.all([
    signedIn(s.url, DEMO.coordinator),
    signedIn(s.url, DEMO.admin),
    signedIn(s.url, DEMO.sedena),
    signedIn(s.url, DEMO.semar),
    signedIn(s.url, 'enlace@sspc.gob.mx'),
  ]);
  sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
  semarId = await agencyIdOf(s.t.db, 'SEMAR');
});

const notificationsOf = (advisoryId: string, kind: string) =>
  s.t.db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.advisoryId, advisoryId), eq(notifications.kind, kind as 'advisory_published')));

describe('drafts', () => {
  it('get gapless ALR references, canonical CVEs, and an audit row', async () => {
    const a = await coordinator.trpc.advisories.create.mutate(validAdvisory([sedenaId], { cves: ['cve-2024-21762', 'CVE-2025-0282'] }));
    const b = await coordinator.trpc.advisories.create.mutate(validAdvisory([sedenaId]));
    const year = mexicoCityYear(new Date());
    expect([a.reference, b.reference]).toEqual([`ALR-${year}-000001`, `ALR-${year}-000002`]);
    expect(a).toMatchObject({
      status: 'draft',
      cves: ['CVE-2024-21762', 'CVE-2025-0282'],
      allowedSteps: ['publish'],
      capabilities: { edit: true, respond: false },
    });
    expect(await auditCountFor(s.t.db, 'advisory.create', a.id)).toBe(1);
  });

  it('refuses AMBER to every agency, field by field, and writes nothing', async () => {
    const e = await errorOf(coordinator.trpc.advisories.create.mutate(validAdvisory([], { allAgencies: true })));
    expect(e).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { allAgencies: [expect.stringContaining('AMBER')] } });
    const cve = await errorOf(coordinator.trpc.advisories.create.mutate(validAdvisory([sedenaId], { cves: ['CVE-99-1'], severity: 9 })));
    expect(Object.keys(cve.fieldErrors ?? {}).sort()).toEqual(['cves.0', 'severity']);
    expect((await coordinator.trpc.advisories.list.query({})).items).toEqual([]);
  });

  it('are edited with the version read; a stale version is CONFLICT; a published one is not edited', async () => {
    const draft = await makeAdvisory(coordinator, [sedenaId]);
    const edited = await coordinator.trpc.advisories.update.mutate({
      id: draft.id,
      version: draft.version,
      title: 'Explotación de Ivanti Connect Secure',
      agencyIds: [sedenaId, semarId],
    });
    expect(edited.agencies.map((a) => a.code)).toEqual(['SEDENA', 'SEMAR']);
    expect((await errorOf(coordinator.trpc.advisories.update.mutate({ id: draft.id, version: draft.version, title: 'Otra' }))).code).toBe('CONFLICT');
    const published = await coordinator.trpc.advisories.publish.mutate({ id: edited.id, version: edited.version });
    expect(await errorOf(coordinator.trpc.advisories.update.mutate({ id: published.id, version: published.version, title: 'Otra' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'advisory_not_draft',
    });
  });

  it('are NOT_FOUND for staff, even of a named agency', async () => {
    const draft = await makeAdvisory(coordinator, [sedenaId]);
    expect((await errorOf(sedena.trpc.advisories.get.query({ id: draft.id }))).code).toBe('NOT_FOUND');
    expect((await sedena.trpc.advisories.list.query({})).items).toEqual([]);
    expect((await admin.trpc.advisories.get.query({ id: draft.id })).status).toBe('draft');
  });
});

describe('publication', () => {
  it('notifies every active staff account of the addressed agencies, in-portal and by e-mail in their language', async () => {
    await s.t.db.update(users).set({ locale: 'en' }).where(eq(users.email, DEMO.semar));
    const published = await makeAdvisory(coordinator, [sedenaId, semarId], { published: true });
    expect(published.status).toBe('published');
    const told = (await notificationsOf(published.id, 'advisory_published')).map((n) => n.userId).sort();
    const staffIds = (
      await s.t.db
        .select({ id: users.id })
        .from(users)
        .where(and(inArray(users.agencyId, [sedenaId, semarId]), eq(users.role, 'staff'), eq(users.active, true)))
    )
      .map((u) => u.id)
      .sort();
    expect(told).toEqual(staffIds);
    const mails = await s.t.db
      .select({ to: mailOutbox.toAddress, subject: mailOutbox.subject })
      .from(mailOutbox)
      .where(eq(mailOutbox.kind, 'advisory_published'));
    expect(
      present(
        mails.find((m) => m.to === DEMO.semar),
        'SEMAR mail',
      ).subject,
    ).toContain('New ANC advisory');
    expect(
      present(
        mails.find((m) => m.to === DEMO.sedena),
        'SEDENA mail',
      ).subject,
    ).toContain('Nueva alerta de la ANC');
    const bell = await semar.trpc.notifications.list.query({});
    expect(bell.items[0]).toMatchObject({ kind: 'advisory_published', link: `/alertas/${published.id}` });
    expect(await auditCountFor(s.t.db, 'advisory.publish', published.id)).toBe(1);
  });

  it('to every agency (GREEN) addresses every active agency but the ANC', async () => {
    const published = await makeAdvisory(coordinator, [], { published: true, overrides: { tlp: 'GREEN', allAgencies: true, agencyIds: [] } });
    const detail = await coordinator.trpc.advisories.get.query({ id: published.id });
    expect(detail.agencies.map((a) => a.code)).toContain('SSPC');
    expect(detail.agencies.map((a) => a.code)).not.toContain('ANC');
    expect((await sspc.trpc.advisories.get.query({ id: published.id })).agencies.map((a) => a.code)).toEqual(['SSPC']);
  });

  it('is NOT_FOUND for staff outside the audience, and absent from their list', async () => {
    const published = await makeAdvisory(coordinator, [sedenaId, semarId], { published: true });
    expect((await errorOf(sspc.trpc.advisories.get.query({ id: published.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(sspc.trpc.advisories.respond.mutate({ id: published.id, status: 'acknowledged' }))).code).toBe('NOT_FOUND');
    expect((await sspc.trpc.advisories.list.query({})).items).toEqual([]);
    expect((await sedena.trpc.advisories.list.query({})).items.map((i) => i.id)).toEqual([published.id]);
  });
});

describe('answers', () => {
  it('keeps every answer; the latest is current; staff read only their agency’s history; the matrix shows overdue', async () => {
    const published = await makeAdvisory(coordinator, [sedenaId, semarId], { published: true });
    await sedena.trpc.advisories.respond.mutate({ id: published.id, status: 'mitigating', comment: 'Parche en 3 de 5 equipos.' });
    const mine = await sedena.trpc.advisories.respond.mutate({ id: published.id, status: 'mitigated' });
    expect(mine.ownAnswer?.status).toBe('mitigated');
    expect(mine.history.map((h) => h.status)).toEqual(['mitigated', 'mitigating']);
    expect(mine.responses).toBeNull();
    expect((await semar.trpc.advisories.get.query({ id: published.id })).history).toEqual([]);

    await setRespondBy(s.t.db, published.id, new Date(Date.now() - 1000));
    const matrix = await coordinator.trpc.advisories.get.query({ id: published.id });
    expect(matrix.responses?.map((r) => [r.agency.code, r.status, r.overdue])).toEqual([
      ['SEDENA', 'mitigated', false],
      ['SEMAR', null, true],
    ]);
    expect(matrix.counts).toEqual({ answered: 1, overdue: 1, pending: 0 });
    expect(await auditCountFor(s.t.db, 'advisory.respond', published.id)).toBe(2);
  });

  it('two answers of one agency at once: both kept, the newest is current', async () => {
    const published = await makeAdvisory(coordinator, [sedenaId], { published: true });
    const other = await signedIn(s.url, DEMO.sedena);
    await Promise.all([
      sedena.trpc.advisories.respond.mutate({ id: published.id, status: 'mitigating' }),
      other.trpc.advisories.respond.mutate({ id: published.id, status: 'not_affected' }),
    ]);
    const detail = await coordinator.trpc.advisories.get.query({ id: published.id });
    expect(detail.history).toHaveLength(2);
    expect(detail.responses?.[0]?.status).toBe(present(detail.history[0], 'the newest answer').status);
  });

  it('are refused once closed, and from coordinators', async () => {
    const published = await makeAdvisory(coordinator, [sedenaId], { published: true });
    expect((await errorOf(coordinator.trpc.advisories.respond.mutate({ id: published.id, status: 'acknowledged' }))).code).toBe('FORBIDDEN');
    const closed = await coordinator.trpc.advisories.close.mutate({ id: published.id, version: published.version });
    expect(closed.status).toBe('closed');
    expect(await errorOf(sedena.trpc.advisories.respond.mutate({ id: published.id, status: 'acknowledged' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'advisory_not_published',
    });
    expect((await errorOf(coordinator.trpc.advisories.close.mutate({ id: closed.id, version: closed.version }))).reason).toBe(
      'advisory_transition_not_allowed',
    );
  });
});

describe('reminders', () => {
  it('remind, once per advisory and agency, the agencies that did not answer by respondBy', async () => {
    const published = await makeAdvisory(coordinator, [sedenaId, semarId], { published: true });
    await sedena.trpc.advisories.respond.mutate({ id: published.id, status: 'acknowledged' });
    expect(await runAdvisoryReminderJob(s.t.db)).toBe(0);
    await setRespondBy(s.t.db, published.id, new Date(Date.now() - 1000));
    const written = await runAdvisoryReminderJob(s.t.db);
    const reminded = (await notificationsOf(published.id, 'advisory_reminder')).map((n) => n.userId);
    expect(written).toBe(reminded.length);
    expect(reminded).toContain(await userIdOf(s.t.db, DEMO.semar));
    expect(reminded).not.toContain(await userIdOf(s.t.db, DEMO.sedena));
    expect(await runAdvisoryReminderJob(s.t.db)).toBe(0);
    expect((await s.t.db.select({ id: mailOutbox.id }).from(mailOutbox).where(eq(mailOutbox.kind, 'advisory_reminder'))).length).toBe(reminded.length);
  });
});

describe('the matrix as CSV', () => {
  it('one row per agency, code and label in the reader’s language; staff are refused', async () => {
    const published = await makeAdvisory(coordinator, [sedenaId, semarId], { published: true });
    await sedena.trpc.advisories.respond.mutate({ id: published.id, status: 'mitigating' });
    const csv = async (client: Client, lang: string) =>
      fetch(`${s.url}/advisories/${published.id}/responses.csv?lang=${lang}`, { headers: { cookie: client.jar.header() } });
    const es = await csv(coordinator, 'es-MX');
    expect(es.status).toBe(200);
    const lines = (await es.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Clave de la dependencia,Dependencia,Respuesta (código),Respuesta,Respondida (UTC),Situación (código),Situación');
    expect(lines[1]).toMatch(/^SEDENA,Secretaría de la Defensa Nacional,mitigating,Mitigando,\d{4}-.*,answered,Respondió$/);
    expect(lines[2]).toBe('SEMAR,Secretaría de Marina,,Sin respuesta,,pending,Pendiente');
    expect(await (await csv(coordinator, 'en')).text()).toContain('SEMAR,Ministry of the Navy,,No answer,,pending,Pending');
    expect((await csv(sedena, 'es-MX')).status).toBe(403);
    expect((await fetch(`${s.url}/advisories/${published.id}/responses.csv`)).status).toBe(401);
    expect(
      (await fetch(`${s.url}/advisories/00000000-0000-4000-8000-000000000000/responses.csv`, { headers: { cookie: coordinator.jar.header() } })).status,
    ).toBe(404);
  });
});

describe('from an incident', () => {
  it('carries the incident’s CVEs and indicators, its TLP and severity; never a lower TLP nor readers beyond the incident’s', async () => {
    const incident = await sedena.trpc.incidents.create.mutate(
      validIncident({
        tlp: 'RED',
        severity: 4,
        observables: [
          { type: 'cve', value: 'CVE-2025-0282' },
          { type: 'ipv4', value: '203.0.113.45' },
        ],
      }),
    );
    const draft = await coordinator.trpc.advisories.createFromIncident.mutate({ incidentId: incident.id });
    expect(draft).toMatchObject({ status: 'draft', tlp: 'RED', severity: 4, cves: ['CVE-2025-0282'], incidentId: incident.id });
    expect(draft.body).toContain('203.0.113.45');
    expect(draft.agencies.map((a) => a.code)).toEqual(['SEDENA']);
    expect(await errorOf(coordinator.trpc.advisories.update.mutate({ id: draft.id, version: draft.version, agencyIds: [sedenaId, semarId] }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { agencyIds: [expect.any(String)] },
    });
    expect((await errorOf(coordinator.trpc.advisories.update.mutate({ id: draft.id, version: draft.version, tlp: 'AMBER' }))).fieldErrors).toHaveProperty(
      'tlp',
    );
    expect(await auditCountFor(s.t.db, 'advisory.createFromIncident', draft.id)).toBe(1);
  });
});

describe('the Panel', () => {
  it('shows coordinators each open advisory’s answered / overdue / pending, and staff the advisories awaiting their answer', async () => {
    const published = await makeAdvisory(coordinator, [sedenaId, semarId], { published: true });
    await makeAdvisory(coordinator, [sedenaId]);
    await sedena.trpc.advisories.respond.mutate({ id: published.id, status: 'mitigated' });
    await setRespondBy(s.t.db, published.id, new Date(Date.now() - 1000));
    const national = await coordinator.trpc.dashboard.summary.query();
    expect(national.advisories.map((a) => [a.reference, a.counts])).toEqual([[published.reference, { answered: 1, overdue: 1, pending: 0 }]]);
    expect((await sedena.trpc.dashboard.summary.query()).advisories).toEqual([]);
    expect((await semar.trpc.dashboard.summary.query()).advisories.map((a) => [a.reference, a.overdue])).toEqual([[published.reference, true]]);
    expect((await sspc.trpc.dashboard.summary.query()).advisories).toEqual([]);
  });
});
