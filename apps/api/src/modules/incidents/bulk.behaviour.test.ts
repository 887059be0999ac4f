// Bulk actions over real HTTP (incidents.bulk, incidents.bulkCount; packages/domain/src/incidents/bulk.ts):
// each item in its own transaction with its audit row and version check, a per-item answer in the
// reader's language, "all matching the filter" resolved within the caller's scope, and the export
// of a selection through the CSV's `ids` filter.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BULK_MAX_ITEMS, messageFor, type CreateIncidentInput } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, auditCountFor, incidentRow, userIdOf, validIncident, type Client } from '../../testing/incidents.ts';
import { tasksOfIncident, validPlaybook } from '../../testing/playbooks.ts';

let s: TestServer;
let staff: Client;
let semarStaff: Client;
let coordinator: Client;
let coordinatorEn: Client;

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(async () => {
  await s.reset();
  [staff, semarStaff, coordinator, coordinatorEn] = await Promise.all([
    signedIn(s.url, DEMO.sedena),
    signedIn(s.url, DEMO.semar),
    signedIn(s.url, DEMO.coordinator),
    signedIn(s.url, DEMO.coordinator, { locale: 'en' }),
  ]);
});

const file = (over: Partial<CreateIncidentInput> = {}) => staff.trpc.incidents.create.mutate(validIncident(over));
const MISSING = '00000000-0000-4000-8000-000000000000';

describe('bulk triage', () => {
  it('triages each item in its own transaction and says per item why the others were not', async () => {
    const [a, b, stale, done] = await Promise.all([file({ title: 'Phishing a la oficialía' }), file({ title: 'Escaneo de puertos' }), file(), file()]);
    // Someone edits one after the list was read; another was already triaged.
    await coordinator.trpc.incidents.update.mutate({ id: stale.id, version: stale.version, severity: 4 });
    await coordinator.trpc.incidents.transition.mutate({ id: done.id, version: done.version, to: 'triaged' });
    const doneRow = await incidentRow(s.t.db, done.id);

    const result = await coordinator.trpc.incidents.bulk.mutate({
      action: 'triage',
      items: [
        { id: a.id, version: a.version },
        { id: stale.id, version: stale.version },
        { id: b.id, version: b.version },
        { id: done.id, version: doneRow.version },
        { id: MISSING, version: 1 },
      ],
    });

    expect(result).toMatchObject({ action: 'triage', total: 5, succeeded: 2, failed: 3 });
    expect(result.items).toEqual([
      { id: a.id, reference: a.reference, ok: true, reason: null, message: null },
      { id: stale.id, reference: stale.reference, ok: false, reason: 'version_conflict', message: messageFor('stale_version', 'es-MX') },
      { id: b.id, reference: b.reference, ok: true, reason: null, message: null },
      { id: done.id, reference: done.reference, ok: false, reason: 'not_allowed_in_state', message: messageFor('incident_transition_not_allowed', 'es-MX') },
      { id: MISSING, reference: null, ok: false, reason: 'not_found', message: messageFor('not_found', 'es-MX') },
    ]);
    expect((await incidentRow(s.t.db, a.id)).status).toBe('triaged');
    expect((await incidentRow(s.t.db, b.id)).status).toBe('triaged');
    expect((await incidentRow(s.t.db, stale.id)).status).toBe('submitted');
    // One audit row per incident changed, none for the others.
    expect(await auditCountFor(s.t.db, 'incident.transition', a.id)).toBe(1);
    expect(await auditCountFor(s.t.db, 'incident.transition', b.id)).toBe(1);
    expect(await auditCountFor(s.t.db, 'incident.transition', stale.id)).toBe(0);
    expect(await auditCountFor(s.t.db, 'incident.transition', done.id)).toBe(1);
  });

  it('answers the reasons in the reader’s language', async () => {
    const a = await file();
    const result = await coordinatorEn.trpc.incidents.bulk.mutate({ action: 'triage', items: [{ id: a.id, version: a.version + 5 }] });
    expect(result.items).toEqual([{ id: a.id, reference: a.reference, ok: false, reason: 'version_conflict', message: messageFor('stale_version', 'en') }]);
  });

  it('takes each id once, and records the step reason on each incident', async () => {
    const a = await file();
    const result = await coordinator.trpc.incidents.bulk.mutate({
      action: 'triage',
      items: [
        { id: a.id, version: a.version },
        { id: a.id, version: a.version },
      ],
      reason: 'Clasificado en la revisión matutina',
    });
    expect(result).toMatchObject({ total: 1, succeeded: 1 });
    expect((await incidentRow(s.t.db, a.id)).statusReason).toBe('Clasificado en la revisión matutina');
  });

  it('“all matching the filter”: resolved on the server at the current versions, within the filter only', async () => {
    const [x, y] = await Promise.all([file({ rsitClass: 'fraud', rsitType: 'phishing' }), file({ rsitClass: 'fraud', rsitType: 'phishing' })]);
    const other = await file({ rsitClass: 'malicious-code', rsitType: 'malware-distribution' });
    await coordinator.trpc.incidents.update.mutate({ id: y.id, version: y.version, severity: 3 });
    const filter = { rsitClass: ['fraud' as const], status: ['submitted' as const] };
    expect(await coordinator.trpc.incidents.bulkCount.query({ filter })).toEqual({ count: 2, max: BULK_MAX_ITEMS, overLimit: false });

    const result = await coordinator.trpc.incidents.bulk.mutate({ action: 'triage', filter });
    expect(result).toMatchObject({ total: 2, succeeded: 2, failed: 0 });
    expect(result.items.map((i) => i.reference).sort()).toEqual([x.reference, y.reference].sort());
    expect((await incidentRow(s.t.db, other.id)).status).toBe('submitted');
    expect(await coordinator.trpc.incidents.bulkCount.query({ filter })).toEqual({ count: 0, max: BULK_MAX_ITEMS, overLimit: false });
  });

  it('“Mis incidentes” as the filter: the caller’s own incidents (ownerId `me`)', async () => {
    const [mine, other] = await Promise.all([file(), file()]);
    await coordinator.trpc.incidents.setOwner.mutate({ id: mine.id, version: mine.version, ownerId: await userIdOf(s.t.db, DEMO.coordinator) });
    const filter = { ownerId: 'me' as const, status: ['submitted' as const] };
    expect(await coordinator.trpc.incidents.bulkCount.query({ filter })).toEqual({ count: 1, max: BULK_MAX_ITEMS, overLimit: false });
    const result = await coordinator.trpc.incidents.bulk.mutate({ action: 'triage', filter });
    expect(result.items.map((i) => i.reference)).toEqual([mine.reference]);
    expect((await incidentRow(s.t.db, other.id)).status).toBe('submitted');
  });

  it('refuses a selection over the cap, and one that is neither items nor a filter, changing nothing', async () => {
    const a = await file();
    const tooMany = Array.from({ length: BULK_MAX_ITEMS + 1 }, () => ({ id: a.id, version: a.version }));
    expect(await errorOf(coordinator.trpc.incidents.bulk.mutate({ action: 'triage', items: tooMany }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { items: [messageFor('bulk_too_many', 'es-MX')] },
    });
    expect(await errorOf(coordinator.trpc.incidents.bulk.mutate({ action: 'triage' }))).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { items: [messageFor('bulk_selection_required', 'es-MX')] },
    });
    expect((await incidentRow(s.t.db, a.id)).status).toBe('submitted');
  });

  it('is the coordination’s: staff and admins are refused', async () => {
    const a = await file();
    const admin = await signedIn(s.url, DEMO.admin);
    for (const caller of [staff, admin]) {
      expect((await errorOf(caller.trpc.incidents.bulk.mutate({ action: 'triage', items: [{ id: a.id, version: a.version }] }))).code).toBe('FORBIDDEN');
      expect((await errorOf(caller.trpc.incidents.bulkCount.query({ filter: {} }))).code).toBe('FORBIDDEN');
    }
    expect((await incidentRow(s.t.db, a.id)).status).toBe('submitted');
  });
});

describe('bulk share', () => {
  it('shares each incident its TLP allows; a TLP:RED one fails alone with the rule’s words', async () => {
    const semarId = await agencyIdOf(s.t.db, 'SEMAR');
    const [amber, red] = await Promise.all([file({ tlp: 'AMBER' }), file({ tlp: 'RED' })]);
    const result = await coordinator.trpc.incidents.bulk.mutate({
      action: 'share',
      items: [
        { id: amber.id, version: amber.version },
        { id: red.id, version: red.version },
      ],
      agencyIds: [semarId],
    });
    expect(result.items).toEqual([
      { id: amber.id, reference: amber.reference, ok: true, reason: null, message: null },
      { id: red.id, reference: red.reference, ok: false, reason: 'not_allowed_in_state', message: messageFor('tlp_red_not_shareable', 'es-MX') },
    ]);
    expect((await semarStaff.trpc.incidents.get.query({ id: amber.id })).reference).toBe(amber.reference);
    expect((await errorOf(semarStaff.trpc.incidents.get.query({ id: red.id }))).code).toBe('NOT_FOUND');
    expect(await auditCountFor(s.t.db, 'incident.share', amber.id)).toBe(1);
    expect(await auditCountFor(s.t.db, 'incident.share', red.id)).toBe(0);
  });
});

describe('bulk playbook', () => {
  it('applies a playbook to each incident once; an incident that has it or is finished fails alone', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const playbook = await admin.trpc.playbooks.upsert.mutate(validPlaybook('intrusions'));
    const [fresh, again, finished] = await Promise.all([file(), file(), file()]);
    await coordinator.trpc.incidents.applyPlaybook.mutate({ id: again.id, playbookId: playbook.id });
    await coordinator.trpc.incidents.transition.mutate({ id: finished.id, version: finished.version, to: 'rejected', reason: 'No es un incidente.' });
    const version = async (id: string) => (await incidentRow(s.t.db, id)).version;

    const result = await coordinator.trpc.incidents.bulk.mutate({
      action: 'applyPlaybook',
      playbookId: playbook.id,
      items: await Promise.all([fresh, again, finished].map(async (c) => ({ id: c.id, version: await version(c.id) }))),
    });
    expect(result.items.map((i) => [i.reference, i.ok, i.reason, i.message])).toEqual([
      [fresh.reference, true, null, null],
      [again.reference, false, 'already_applied', messageFor('playbook_already_applied', 'es-MX')],
      [finished.reference, false, 'not_allowed_in_state', messageFor('playbook_incident_closed', 'es-MX')],
    ]);
    expect((await tasksOfIncident(s.t.db, fresh.id)).map((t) => t.title)).toEqual(validPlaybook('intrusions').steps.map((step) => step.title));
    expect(await auditCountFor(s.t.db, 'incident.applyPlaybook', fresh.id)).toBe(1);
    expect(await auditCountFor(s.t.db, 'incident.applyPlaybook', finished.id)).toBe(0);
    expect(await tasksOfIncident(s.t.db, finished.id)).toEqual([]);
  });

  it('a stale version of the row the coordinator saw fails that item; an unknown playbook is a bad request', async () => {
    const admin = await signedIn(s.url, DEMO.admin);
    const playbook = await admin.trpc.playbooks.upsert.mutate(validPlaybook('intrusions'));
    const a = await file();
    await coordinator.trpc.incidents.update.mutate({ id: a.id, version: a.version, severity: 5 });
    const result = await coordinator.trpc.incidents.bulk.mutate({
      action: 'applyPlaybook',
      playbookId: playbook.id,
      items: [{ id: a.id, version: a.version }],
    });
    expect(result.items.map((i) => i.reason)).toEqual(['version_conflict']);
    expect(await tasksOfIncident(s.t.db, a.id)).toEqual([]);
    expect(
      await errorOf(coordinator.trpc.incidents.bulk.mutate({ action: 'applyPlaybook', playbookId: MISSING, items: [{ id: a.id, version: a.version + 1 }] })),
    ).toMatchObject({
      code: 'BAD_REQUEST',
      fieldErrors: { playbookId: [messageFor('playbook_not_found', 'es-MX')] },
    });
  });
});

describe('export of a selection', () => {
  it('the CSV export takes the selection as `ids` and still only what the caller may read', async () => {
    const [a, , c] = await Promise.all([file(), file(), semarStaff.trpc.incidents.create.mutate(validIncident())]);
    const qs = new URLSearchParams([
      ['ids', a.id],
      ['ids', c.id],
    ]).toString();
    const csv = async (client: Client) => {
      const res = await fetch(`${s.url}/export/incidents.csv?${qs}`, { headers: { cookie: client.jar.header() } });
      expect(res.status).toBe(200);
      const [, ...rows] = parse(Buffer.from(await res.arrayBuffer()), { bom: true }) as string[][];
      return rows.map((r) => r[0]).sort();
    };
    expect(await csv(coordinator)).toEqual([a.reference, c.reference].sort());
    // SEDENA's staff do not read SEMAR's report: the selection gives only their own.
    expect(await csv(staff)).toEqual([a.reference]);
  });
});
