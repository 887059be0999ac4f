// What the incident procedures do, over real HTTP: input validation that writes nothing, one
// audit row per mutation, the reporting clocks, search, merge, and who may edit when.
import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, incidentObservables } from '@anc/db';
import type { CreateIncidentInput } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, hoursAgo, incidentRow, unchecked, validIncident, walkList, writtenRows, type Client } from '../../testing/incidents.ts';

let s: TestServer;
let staff: Client;
let semar: Client;
let coordinator: Client;
let sedenaId = '';
let sspcId = '';

// One database for the file: each test files its own incidents and checks differences, not totals.
beforeAll(async () => {
  s = await startTestServer();
  [staff, semar, coordinator] = await Promise.all([signedIn(s.url, DEMO.sedena), signedIn(s.url, DEMO.semar), signedIn(s.url, DEMO.coordinator)]);
  sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
  sspcId = await agencyIdOf(s.t.db, 'SSPC');
});
afterAll(() => s.close());

const HOUR = 3_600_000;

/** `n` distinct, valid IPv4 indicators. */
const ipv4s = (n: number, prefix = '198.51') =>
  Array.from({ length: n }, (_, i) => ({ type: 'ipv4' as const, value: `${prefix}.${Math.floor(i / 250)}.${(i % 250) + 1}` }));

/** The audit rows written since `afterId`. */
const auditSince = (afterId: number) => s.t.db.select().from(auditEvents).where(gt(auditEvents.id, afterId)).orderBy(auditEvents.id);
const lastAuditId = async () => (await s.t.db.select({ id: auditEvents.id }).from(auditEvents).orderBy(auditEvents.id)).at(-1)?.id ?? 0;

const overdueIds = async (client: Client) => (await walkList(client, { obligation: 'overdue', limit: 100 })).map((i) => i.id);

describe('bad input: BAD_REQUEST naming each field, in Spanish, and nothing written', () => {
  const base = validIncident();
  const inTwoDays = new Date(Date.now() + 48 * HOUR).toISOString();

  const cases: { name: string; input: Record<string, unknown>; fields: Record<string, string[]> }[] = [
    { name: 'a title of 201 characters', input: { ...base, title: 'T'.repeat(201) }, fields: { title: ['Es demasiado largo.'] } },
    { name: 'a description of 20,001 characters', input: { ...base, description: 'd'.repeat(20_001) }, fields: { description: ['Es demasiado largo.'] } },
    {
      name: '501 observables',
      input: { ...base, observables: ipv4s(501) },
      fields: { observables: ['Se permiten como máximo 500 indicadores por incidente.'] },
    },
    {
      name: 'invalid observable values, each at its index',
      input: {
        ...base,
        observables: [
          { type: 'ipv4', value: '192.0.2.10' },
          { type: 'domain', value: 'ejemplo.gob.mx' },
          { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
          { type: 'ipv4', value: '300.1.2.3' },
          { type: 'md5', value: 'abc123' },
        ],
      },
      fields: {
        'observables.3.value': ['No es una dirección IPv4 válida (p. ej. 192.0.2.10): cuatro números de 0 a 255, sin ceros a la izquierda ni máscara.'],
        'observables.4.value': ['Un MD5 tiene exactamente 32 caracteres hexadecimales; revisa que esté completo o elige otro tipo de hash.'],
      },
    },
    {
      name: 'an unknown observable type',
      input: { ...base, observables: [{ type: 'mac', value: '00:11:22:33:44:55' }] },
      fields: { 'observables.0.type': ['Elige una de las opciones de la lista.'] },
    },
    {
      name: 'an unknown RSIT class',
      input: { ...base, rsitClass: 'hacking', rsitType: null },
      fields: { rsitClass: ['Elige una de las opciones de la lista.'] },
    },
    { name: 'an unknown TLP', input: { ...base, tlp: 'PURPLE' }, fields: { tlp: ['Elige una de las opciones de la lista.'] } },
    { name: 'severity 6', input: { ...base, severity: 6 }, fields: { severity: ['Elige un nivel de severidad del 0 al 5.'] } },
    { name: 'a malformed date', input: { ...base, detectedAt: 'ayer por la tarde' }, fields: { detectedAt: ['Escribe una fecha y hora válidas.'] } },
    { name: 'a date without its zone', input: { ...base, awareAt: '2026-01-15T10:00:00' }, fields: { awareAt: ['Escribe una fecha y hora válidas.'] } },
    {
      name: 'dates in the future',
      input: { ...base, detectedAt: inTwoDays, awareAt: inTwoDays },
      fields: { detectedAt: ['La fecha no puede estar en el futuro.'], awareAt: ['La fecha no puede estar en el futuro.'] },
    },
    {
      name: 'awareAt before detectedAt',
      input: { ...base, detectedAt: hoursAgo(2), awareAt: hoursAgo(5) },
      fields: { awareAt: ['La fecha en que la dependencia tuvo conocimiento no puede ser anterior a la detección.'] },
    },
    {
      name: 'an RSIT type of another class',
      input: { ...base, rsitClass: 'fraud', rsitType: 'ddos' },
      fields: { rsitType: ['Ese tipo no pertenece a la clase elegida.'] },
    },
    {
      name: 'a malformed amount of money',
      input: { ...base, impact: { ...base.impact, estimatedLossMxn: '1.500.000,00' } },
      fields: { 'impact.estimatedLossMxn': ['Escribe un monto en pesos, p. ej. 1500000.00 (hasta dos decimales).'] },
    },
    {
      name: 'a money amount as a float',
      input: { ...base, impact: { ...base.impact, estimatedLossMxn: 1500000.5 } },
      fields: { 'impact.estimatedLossMxn': ['Este campo es obligatorio.'] },
    },
  ];

  it.each(cases)('create with $name', async ({ input, fields }) => {
    const before = await writtenRows(s.t.db);
    const err = await errorOf(staff.trpc.incidents.create.mutate(unchecked<CreateIncidentInput>(input)));
    expect(err).toMatchObject({ code: 'BAD_REQUEST', httpStatus: 400, reason: 'invalid_input', message: 'Revisa los campos marcados.' });
    expect(err.fieldErrors).toEqual(fields);
    expect(await writtenRows(s.t.db)).toEqual(before);
  });

  it('answers in English when asked to', async () => {
    const english = await signedIn(s.url, DEMO.semar, { locale: 'en' });
    const err = await errorOf(english.trpc.incidents.create.mutate({ ...base, title: 'T'.repeat(201), severity: 6 }));
    expect(err.fieldErrors).toEqual({ title: ['It is too long.'], severity: ['Choose a severity level from 0 to 5.'] });
  });

  it('an edit whose merged result breaks a rule is refused the same way', async () => {
    const created = await staff.trpc.incidents.create.mutate(validIncident({ detectedAt: hoursAgo(10), awareAt: hoursAgo(8) }));
    const before = await writtenRows(s.t.db);
    const err = await errorOf(staff.trpc.incidents.update.mutate({ id: created.id, version: created.version, awareAt: hoursAgo(12) }));
    expect(err).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { awareAt: [expect.stringContaining('anterior a la detección')] } });
    expect(await writtenRows(s.t.db)).toEqual(before);
    expect((await incidentRow(s.t.db, created.id)).version).toBe(created.version);
  });

  it.each([
    ['without a reason', undefined],
    ['with a blank reason', '   '],
  ])('rejecting %s names the field `reason` and changes nothing', async (_label, reason) => {
    const created = await staff.trpc.incidents.create.mutate(validIncident());
    const before = await writtenRows(s.t.db);
    const err = await errorOf(
      coordinator.trpc.incidents.transition.mutate({ id: created.id, version: created.version, to: 'rejected', ...(reason !== undefined && { reason }) }),
    );
    expect(err).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { reason: ['Explica el motivo.'] } });
    expect(await writtenRows(s.t.db)).toEqual(before);
    expect((await incidentRow(s.t.db, created.id)).status).toBe('submitted');
  });
});

describe('audit: one row per mutation, in its transaction', () => {
  it('each incident mutation writes exactly one row naming it; a refused one writes none', async () => {
    let mark = await lastAuditId();
    let incidentId = '';
    const expectOne = async (action: string) => {
      const rows = await auditSince(mark);
      expect(rows.map((r) => [r.action, r.entityType, r.entityId])).toEqual([[action, 'incident', incidentId]]);
      mark = rows.at(-1)?.id ?? mark;
    };
    const expectNone = async () => expect(await auditSince(mark)).toEqual([]);

    const created = await staff.trpc.incidents.create.mutate(
      validIncident({ tlp: 'AMBER', observables: [{ type: 'domain', value: 'Correo-Falso.EJEMPLO.mx' }] }),
    );
    incidentId = created.id;
    await expectOne('incident.create');
    const updated = await staff.trpc.incidents.update.mutate({ id: created.id, version: created.version, severity: 4 });
    await expectOne('incident.update');
    await staff.trpc.incidents.comment.mutate({ id: created.id, body: 'Se bloqueó el dominio en el proxy.' });
    await expectOne('incident.comment');
    await staff.trpc.incidents.addObservables.mutate({ id: created.id, observables: [{ type: 'ipv4', value: '192.0.2.44' }] });
    await expectOne('incident.addObservables');
    const [domain] = await s.t.db
      .select()
      .from(incidentObservables)
      .where(and(eq(incidentObservables.incidentId, created.id), eq(incidentObservables.type, 'domain')));
    expect(domain?.value).toBe('correo-falso.ejemplo.mx');
    await staff.trpc.incidents.removeObservable.mutate({ id: created.id, observableId: domain?.id ?? '' });
    await expectOne('incident.removeObservable');
    await coordinator.trpc.incidents.share.mutate({ id: created.id, agencyIds: [sspcId] });
    await expectOne('incident.share');
    await coordinator.trpc.incidents.unshare.mutate({ id: created.id, agencyId: sspcId });
    await expectOne('incident.unshare');
    await staff.trpc.incidents.submitReport.mutate({ id: created.id, kind: 'notification', body: 'Notificación con el alcance confirmado.' });
    await expectOne('incident.submitReport');
    const current = await incidentRow(s.t.db, created.id);
    await coordinator.trpc.incidents.transition.mutate({ id: created.id, version: current.version, to: 'triaged' });
    await expectOne('incident.transition');

    // Refused: a stale version, a step the machine does not have, a second notification.
    expect(await errorOf(coordinator.trpc.incidents.update.mutate({ id: created.id, version: updated.version, severity: 1 }))).toMatchObject({
      code: 'CONFLICT',
      reason: 'stale_version',
    });
    const now = await incidentRow(s.t.db, created.id);
    expect(await errorOf(coordinator.trpc.incidents.transition.mutate({ id: created.id, version: now.version, to: 'closed' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'incident_transition_not_allowed',
    });
    expect(await errorOf(staff.trpc.incidents.submitReport.mutate({ id: created.id, kind: 'notification', body: 'Otra vez.' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'report_already_submitted',
    });
    await expectNone();
  });

  it('a mutation that fails after writing part of its work leaves nothing behind', async () => {
    const created = await staff.trpc.incidents.create.mutate(validIncident({ observables: ipv4s(500, '10.20') }));
    expect((await staff.trpc.incidents.get.query({ id: created.id })).observables).toHaveLength(500);
    const before = await writtenRows(s.t.db);
    // The new indicators are inserted, then the total is found over the limit: all of it rolls back.
    const err = await errorOf(
      staff.trpc.incidents.addObservables.mutate({
        id: created.id,
        observables: [
          { type: 'ipv4', value: '10.20.0.1' },
          { type: 'domain', value: 'nuevo-indicador.ejemplo.mx' },
        ],
      }),
    );
    expect(err).toMatchObject({ code: 'UNPROCESSABLE_CONTENT', reason: 'too_many_observables_total' });
    expect(await writtenRows(s.t.db)).toEqual(before);
    // A duplicate of an indicator already there is skipped, so it still fits.
    expect(await staff.trpc.incidents.addObservables.mutate({ id: created.id, observables: [{ type: 'ipv4', value: '10.20.0.1' }] })).toEqual({
      added: 0,
      skipped: 1,
    });
  });
});

describe('reporting obligations', () => {
  it('the notification is due 72 h after awareness; filing it meets it; the final report needs it first', async () => {
    const awareAt = hoursAgo(2);
    const created = await staff.trpc.incidents.create.mutate(
      validIncident({ detectedAt: hoursAgo(3), awareAt, title: 'Ransomware en equipos de la oficina regional' }),
    );
    const notificationDue = new Date(Date.parse(awareAt) + 72 * HOUR).toISOString();
    const detail = await staff.trpc.incidents.get.query({ id: created.id });
    expect(detail.obligations).toEqual([
      { kind: 'early_warning', dueAt: new Date(Date.parse(awareAt) + 24 * HOUR).toISOString(), submittedAt: detail.createdAt, state: 'met' },
      { kind: 'notification', dueAt: notificationDue, submittedAt: null, state: 'pending' },
      { kind: 'final_report', dueAt: expect.any(String), submittedAt: null, state: 'pending' },
    ]);
    const summary = async () => (await staff.trpc.incidents.list.query({ q: created.reference })).items[0]?.nextObligation;
    expect(await summary()).toEqual({ kind: 'notification', dueAt: notificationDue, state: 'pending' });

    const before = await writtenRows(s.t.db);
    expect(await errorOf(staff.trpc.incidents.submitReport.mutate({ id: created.id, kind: 'final_report', body: 'Informe final.' }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'notification_required_first',
      message: expect.stringMatching(/notificación/i),
    });
    expect(await writtenRows(s.t.db)).toEqual(before);

    const notified = await staff.trpc.incidents.submitReport.mutate({
      id: created.id,
      kind: 'notification',
      body: 'Notificación: 40 equipos cifrados, sin exfiltración confirmada.',
    });
    const notification = notified.obligations.find((o) => o.kind === 'notification');
    expect(notification).toMatchObject({ dueAt: notificationDue, state: 'met' });
    expect(notification?.submittedAt).not.toBeNull();
    expect(notified.reports).toEqual([expect.objectContaining({ kind: 'notification' })]);
    expect(notified.timeline.at(-1)).toMatchObject({ kind: 'report', data: { kind: 'notification' } });
    expect((await summary())?.kind).toBe('final_report');

    const finished = await staff.trpc.incidents.submitReport.mutate({ id: created.id, kind: 'final_report', body: 'Informe final con causa raíz y medidas.' });
    expect(finished.obligations.map((o) => o.state)).toEqual(['met', 'met', 'met']);
    expect(await summary()).toBeNull();
  });

  it("the 'overdue' filter finds a report whose notification is late, and drops it once filed", async () => {
    const late = await staff.trpc.incidents.create.mutate(
      validIncident({ detectedAt: hoursAgo(5 * 24), awareAt: hoursAgo(4 * 24), title: 'Defacement del portal institucional' }),
    );
    const recent = await staff.trpc.incidents.create.mutate(validIncident({ title: 'Defacement reciente de un micrositio' }));
    const ids = await overdueIds(coordinator);
    expect(ids).toContain(late.id);
    expect(ids).not.toContain(recent.id);
    const summary = (await staff.trpc.incidents.list.query({ q: late.reference, obligation: 'overdue' })).items[0];
    expect(summary?.nextObligation).toMatchObject({ kind: 'notification', state: 'overdue' });
    // The staff list with the same filter: own incidents go through the same condition.
    expect(await overdueIds(staff)).toContain(late.id);

    await staff.trpc.incidents.submitReport.mutate({ id: late.id, kind: 'notification', body: 'Notificación tardía.' });
    expect(await overdueIds(coordinator)).not.toContain(late.id);
  });
});

describe('search', () => {
  it('finds Spanish words by their stem, and a reference typed whole', async () => {
    const leak = await staff.trpc.incidents.create.mutate(
      validIncident({ title: 'Fuga de información de expedientes clínicos', rsitClass: 'information-content-security', rsitType: 'data-leak' }),
    );
    const other = await staff.trpc.incidents.create.mutate(
      validIncident({ title: 'Escaneo de puertos contra la red perimetral', rsitClass: 'information-gathering', rsitType: 'scanner' }),
    );
    const found = async (q: string) => (await walkList(staff, { q, limit: 100 })).map((i) => i.id);
    expect(await found('fugas')).toContain(leak.id);
    expect(await found('fugas')).not.toContain(other.id);
    expect(await found('expediente clínico')).toContain(leak.id);
    expect(await found('escaneos')).toEqual([other.id]);
    expect(await found(leak.reference)).toEqual([leak.id]);
    expect(await found(leak.reference.toLowerCase())).toEqual([leak.id]);
    // The short form people type (`INC-2026-12`) means the same reference.
    const short = leak.reference.replace(/-0+(\d+)$/, '-$1');
    expect(await found(short)).toEqual([leak.id]);
    // Another agency's staff does not find it by its reference either.
    expect((await semar.trpc.incidents.list.query({ q: leak.reference })).items).toEqual([]);
  });
});

describe('cursors', () => {
  it('refuses a cursor it did not hand out with BAD_REQUEST on the field, never a silent first page', async () => {
    const forged = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
    for (const cursor of ['garbage', forged]) {
      expect(await errorOf(staff.trpc.incidents.list.query({ cursor }))).toMatchObject({
        code: 'BAD_REQUEST',
        fieldErrors: { cursor: ['La página solicitada no es válida.'] },
      });
    }
  });
});

describe('merge', () => {
  it('records merged_from on the target, points the duplicate at it and stops the duplicate’s clocks', async () => {
    const target = await staff.trpc.incidents.create.mutate(validIncident({ title: 'Phishing dirigido a la nómina' }));
    const duplicate = await semar.trpc.incidents.create.mutate(
      validIncident({ title: 'Correos de phishing sobre la nómina', detectedAt: hoursAgo(5 * 24), awareAt: hoursAgo(4 * 24) }),
    );
    expect((await coordinator.trpc.incidents.list.query({ q: duplicate.reference })).items[0]?.nextObligation?.state).toBe('overdue');

    expect(await errorOf(coordinator.trpc.incidents.transition.mutate({ id: duplicate.id, version: duplicate.version, to: 'merged' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { mergeIntoId: [expect.any(String)] },
    });
    expect(
      await errorOf(coordinator.trpc.incidents.transition.mutate({ id: duplicate.id, version: duplicate.version, to: 'merged', mergeIntoId: duplicate.id })),
    ).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'merge_into_self',
    });

    const merged = await coordinator.trpc.incidents.transition.mutate({ id: duplicate.id, version: duplicate.version, to: 'merged', mergeIntoId: target.id });
    expect(merged).toMatchObject({ status: 'merged', mergedInto: { id: target.id, reference: target.reference }, allowedTransitions: [] });
    expect(merged.timeline.at(-1)).toMatchObject({
      kind: 'status',
      data: { from: 'submitted', to: 'merged', mergedInto: { id: target.id, reference: target.reference } },
    });

    const targetDetail = await coordinator.trpc.incidents.get.query({ id: target.id });
    expect(targetDetail.status).toBe('submitted');
    expect(targetDetail.timeline.filter((e) => e.kind === 'merged_from')).toEqual([
      expect.objectContaining({ data: { incident: { id: duplicate.id, reference: duplicate.reference, title: duplicate.title } } }),
    ]);
    // The reporting agency of the target sees where its duplicate came from.
    expect((await staff.trpc.incidents.get.query({ id: target.id })).timeline.some((e) => e.kind === 'merged_from')).toBe(true);

    const summary = (await coordinator.trpc.incidents.list.query({ q: duplicate.reference })).items[0];
    expect(summary).toMatchObject({ status: 'merged', nextObligation: null });
    expect(await overdueIds(coordinator)).not.toContain(duplicate.id);
    // Nothing merges into a merged incident.
    const third = await semar.trpc.incidents.create.mutate(validIncident({ title: 'Tercer reporte del mismo phishing' }));
    expect(
      await errorOf(coordinator.trpc.incidents.transition.mutate({ id: third.id, version: third.version, to: 'merged', mergeIntoId: duplicate.id })),
    ).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'merge_target_not_open',
    });
  });
});

describe('who may edit, and share with whom', () => {
  it('the reporting agency edits while submitted; after triage only the ANC does', async () => {
    const created = await staff.trpc.incidents.create.mutate(validIncident({ severity: 1 }));
    expect(created.can.edit).toBe(true);
    const edited = await staff.trpc.incidents.update.mutate({
      id: created.id,
      version: created.version,
      severity: 3,
      affectedSystems: 'Servidor de correo y VPN',
    });
    expect(edited).toMatchObject({ severity: 3, affectedSystems: 'Servidor de correo y VPN', version: created.version + 1 });
    expect(edited.timeline.at(-1)).toMatchObject({ kind: 'updated', data: { fields: expect.arrayContaining(['severity', 'affectedSystems']) } });

    const triaged = await coordinator.trpc.incidents.transition.mutate({ id: created.id, version: edited.version, to: 'triaged' });
    const asStaff = await staff.trpc.incidents.get.query({ id: created.id });
    expect(asStaff.can.edit).toBe(false);
    const before = await writtenRows(s.t.db);
    expect(await errorOf(staff.trpc.incidents.update.mutate({ id: created.id, version: triaged.version, severity: 5 }))).toMatchObject({
      code: 'UNPROCESSABLE_CONTENT',
      reason: 'incident_edit_after_triage',
    });
    expect(await writtenRows(s.t.db)).toEqual(before);
    // …but still adds updates: comments and indicators.
    await staff.trpc.incidents.comment.mutate({ id: created.id, body: 'Se restablecieron las contraseñas afectadas.' });
    expect(await coordinator.trpc.incidents.update.mutate({ id: created.id, version: triaged.version, severity: 5 })).toMatchObject({ severity: 5 });
  });

  it('sharing with the reporting agency itself is refused on the field agencyIds', async () => {
    const created = await staff.trpc.incidents.create.mutate(validIncident({ tlp: 'GREEN' }));
    const before = await writtenRows(s.t.db);
    const err = await errorOf(coordinator.trpc.incidents.share.mutate({ id: created.id, agencyIds: [sedenaId] }));
    expect(err).toMatchObject({ code: 'BAD_REQUEST', fieldErrors: { agencyIds: [expect.any(String)] } });
    // Nor with the ANC, nor with nobody.
    const ancId = await agencyIdOf(s.t.db, 'ANC');
    expect((await errorOf(coordinator.trpc.incidents.share.mutate({ id: created.id, agencyIds: [sspcId, ancId] }))).fieldErrors).toHaveProperty('agencyIds');
    expect((await errorOf(coordinator.trpc.incidents.share.mutate({ id: created.id, agencyIds: [] }))).fieldErrors).toHaveProperty('agencyIds');
    expect(await writtenRows(s.t.db)).toEqual(before);
  });
});
