// The institutional directory over real HTTP (README "Directorio institucional"): staff keep their own
// agency's entry only, coordinators read every agency's, admins change any; each change is one audit
// row; a new designation keeps the previous holder in history; the clock follows POLICY_EFFECTIVE_DATE.
import { and, eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agencyDesignations, auditEvents } from '@anc/db';
import { addDays, mexicoCityDate } from '@anc/domain';
import { DEMO, errorOf, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, auditCount, auditCountFor, validIncident, type Client } from '../../testing/incidents.ts';
import { present } from '../../testing/raw.ts';
import { validTask } from '../../testing/tasks.ts';

let s: TestServer;
let admin: Client;
let coordinator: Client;
let sedena: Client;
let semar: Client;
const agency = { sedena: '', semar: '', anc: '' };

const person = (name: string, extra: Record<string, string> = {}) => ({
  name,
  position: 'Director de Seguridad de la Información',
  email: 'ric@sedena.gob.mx',
  phone: '55 5626 5000',
  designatedAt: '2026-01-15',
  ...extra,
});

beforeAll(async () => {
  // A policy date a month ago: the clock is running (due in about 30 days, not yet due soon).
  s = await startTestServer({ env: { POLICY_EFFECTIVE_DATE: addDays(mexicoCityDate(new Date()), -30) } });
  [admin, coordinator, sedena, semar] = await Promise.all([
    signedIn(s.url, DEMO.admin),
    signedIn(s.url, DEMO.coordinator),
    signedIn(s.url, DEMO.sedena),
    signedIn(s.url, DEMO.semar),
  ]);
  agency.sedena = await agencyIdOf(s.t.db, 'SEDENA');
  agency.semar = await agencyIdOf(s.t.db, 'SEMAR');
  agency.anc = await agencyIdOf(s.t.db, 'ANC');
});
afterAll(() => s.close());

describe('directory', () => {
  it('starts empty and pending, due 60 days after the policy date', async () => {
    const entry = await sedena.trpc.directory.get.query({ agencyId: agency.sedena });
    expect(entry).toMatchObject({
      agency: { id: agency.sedena, code: 'SEDENA' },
      designations: [],
      history: [],
      emergencyContact: null,
      designationDueAt: addDays(mexicoCityDate(new Date()), 30),
      designationState: 'pending',
      missingRoles: ['titular', 'ric', 'ric_auxiliar'],
    });
  });

  it('lets staff designate for their own agency only; another agency is NOT_FOUND, like one that does not exist', async () => {
    const designated = await sedena.trpc.directory.designate.mutate({ agencyId: agency.sedena, role: 'ric', ...person('Laura Méndez Ortiz') });
    expect(designated.designations).toEqual([
      expect.objectContaining({ role: 'ric', name: 'Laura Méndez Ortiz', email: 'ric@sedena.gob.mx', phone: '+525556265000', designatedAt: '2026-01-15' }),
    ]);
    expect(designated.missingRoles).toEqual(['titular', 'ric_auxiliar']);
    const before = await auditCount(s.t.db);
    const other = await errorOf(semar.trpc.directory.designate.mutate({ agencyId: agency.sedena, role: 'ric', ...person('Intruso Pérez') }));
    const unknown = await errorOf(
      semar.trpc.directory.designate.mutate({ agencyId: '00000000-0000-4000-8000-00000000abcd', role: 'ric', ...person('Intruso Pérez') }),
    );
    expect([other.code, other.reason, other.message]).toEqual([unknown.code, unknown.reason, unknown.message]);
    expect(other.code).toBe('NOT_FOUND');
    expect((await errorOf(semar.trpc.directory.get.query({ agencyId: agency.sedena }))).code).toBe('NOT_FOUND');
    expect(
      (await errorOf(semar.trpc.directory.setEmergencyContact.mutate({ agencyId: agency.sedena, name: 'Mesa', phone: '5556265000', email: 'x@semar.gob.mx' })))
        .code,
    ).toBe('NOT_FOUND');
    expect(await auditCount(s.t.db)).toBe(before);
  });

  it('lets coordinators read every entry and the list, but change none; staff may not list', async () => {
    expect((await coordinator.trpc.directory.get.query({ agencyId: agency.sedena })).designations.map((d) => d.name)).toContain('Laura Méndez Ortiz');
    const refused = await errorOf(coordinator.trpc.directory.designate.mutate({ agencyId: agency.sedena, role: 'titular', ...person('Coordinadora Ríos') }));
    expect([refused.code, refused.reason]).toEqual(['FORBIDDEN', 'role_not_allowed']);
    expect((await errorOf(sedena.trpc.directory.list.query({}))).code).toBe('FORBIDDEN');
    // The ANC coordinates the directory; it has no entry of its own.
    expect((await errorOf(admin.trpc.directory.get.query({ agencyId: agency.anc }))).code).toBe('NOT_FOUND');
  });

  it('replaces the current holder on a new designation and keeps the previous one in history, with one audit row each', async () => {
    const audited = await auditCountFor(s.t.db, 'directory.designate', agency.semar);
    await admin.trpc.directory.designate.mutate({ agencyId: agency.semar, role: 'ric', ...person('Adriana Solís Mena', { email: 'ric@semar.gob.mx' }) });
    const after = await semar.trpc.directory.designate.mutate({
      agencyId: agency.semar,
      role: 'ric',
      ...person('Iván Cortés Ramos', { email: 'ric2@semar.gob.mx', designatedAt: '2026-02-01' }),
    });
    expect(after.designations.map((d) => [d.role, d.name])).toEqual([['ric', 'Iván Cortés Ramos']]);
    expect(after.history.map((d) => [d.role, d.name])).toEqual([['ric', 'Adriana Solís Mena']]);
    expect(await auditCountFor(s.t.db, 'directory.designate', agency.semar)).toBe(audited + 2);
    const current = await s.t.db
      .select()
      .from(agencyDesignations)
      .where(and(eq(agencyDesignations.agencyId, agency.semar), isNull(agencyDesignations.replacedAt)));
    expect(current).toHaveLength(1);
    const [row] = await s.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'directory.designate'), eq(auditEvents.entityId, agency.semar)))
      .orderBy(auditEvents.occurredAt);
    expect(present(row, 'an audit row').actorId).not.toBeNull();
  });

  it('is complete once all three roles are designated, and the list filters by state', async () => {
    await sedena.trpc.directory.designate.mutate({ agencyId: agency.sedena, role: 'titular', ...person('Gral. Ernesto Valdés Ruiz') });
    const done = await sedena.trpc.directory.designate.mutate({ agencyId: agency.sedena, role: 'ric_auxiliar', ...person('Sofía Arellano Pineda') });
    expect([done.designationState, done.missingRoles, done.designations.map((d) => d.role)]).toEqual(['complete', [], ['titular', 'ric', 'ric_auxiliar']]);
    const complete = await coordinator.trpc.directory.list.query({ state: 'complete' });
    expect(complete.items.map((i) => i.agency.code)).toEqual(['SEDENA']);
    const all = await admin.trpc.directory.list.query({});
    expect(all.items.map((i) => i.agency.code)).not.toContain('ANC');
    expect(all.counts).toEqual({ pending: all.items.length - 1, due_soon: 0, overdue: 0, complete: 1 });
    expect(all.items.find((i) => i.agency.code === 'SEMAR')).toMatchObject({
      designationState: 'pending',
      ricName: 'Iván Cortés Ramos',
      designatedRoles: ['ric'],
    });
  });

  it('sets the 24/7 emergency contact (audited), replacing the previous one', async () => {
    const before = await auditCountFor(s.t.db, 'directory.setEmergencyContact', agency.sedena);
    await sedena.trpc.directory.setEmergencyContact.mutate({
      agencyId: agency.sedena,
      name: 'Mesa de guardia',
      phone: '55 2122 8800',
      email: 'guardia@sedena.gob.mx',
    });
    const entry = await admin.trpc.directory.setEmergencyContact.mutate({
      agencyId: agency.sedena,
      name: 'Centro de Operaciones del Ciberespacio',
      phone: '+52 55 5626 5099',
      email: 'coc@sedena.gob.mx',
    });
    expect(entry.emergencyContact).toMatchObject({ name: 'Centro de Operaciones del Ciberespacio', phone: '+525556265099', email: 'coc@sedena.gob.mx' });
    expect(await auditCountFor(s.t.db, 'directory.setEmergencyContact', agency.sedena)).toBe(before + 2);
  });

  it('refuses bad input field by field and changes nothing', async () => {
    const before = await auditCount(s.t.db);
    const bad = await errorOf(
      sedena.trpc.directory.designate.mutate({
        agencyId: agency.sedena,
        role: 'ric',
        ...person('L', { email: 'laura@', phone: '+1 202 555 0143', position: '' }),
      }),
    );
    expect(bad.code).toBe('BAD_REQUEST');
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['email', 'name', 'phone', 'position']);
    const future = await errorOf(
      sedena.trpc.directory.designate.mutate({
        agencyId: agency.sedena,
        role: 'ric',
        ...person('Laura Méndez', { designatedAt: addDays(mexicoCityDate(new Date()), 2) }),
      }),
    );
    expect([future.code, future.fieldErrors]).toEqual(['BAD_REQUEST', { designatedAt: [expect.any(String)] }]);
    expect(await auditCount(s.t.db)).toBe(before);
    expect((await sedena.trpc.directory.get.query({ agencyId: agency.sedena })).designations.find((d) => d.role === 'ric')?.name).toBe('Laura Méndez Ortiz');
  });

  it('shows the reporting agency’s RIC and 24/7 contact to who reads the incident or task, and NOT_FOUND to others', async () => {
    const incident = await sedena.trpc.incidents.create.mutate(validIncident({ tlp: 'AMBER' }));
    const forCoordinator = await coordinator.trpc.directory.incidentContacts.query({ id: incident.id });
    expect(forCoordinator).toMatchObject({
      agency: { code: 'SEDENA' },
      ric: { name: 'Laura Méndez Ortiz' },
      emergencyContact: { name: 'Centro de Operaciones del Ciberespacio' },
    });
    expect(await sedena.trpc.directory.incidentContacts.query({ id: incident.id })).toEqual(forCoordinator);
    expect((await errorOf(semar.trpc.directory.incidentContacts.query({ id: incident.id }))).code).toBe('NOT_FOUND');
    const task = await coordinator.trpc.tasks.create.mutate(validTask(agency.semar));
    expect(await semar.trpc.directory.taskContacts.query({ id: task.id })).toMatchObject({
      agency: { code: 'SEMAR' },
      ric: { name: 'Iván Cortés Ramos' },
      emergencyContact: null,
    });
    expect((await errorOf(sedena.trpc.directory.taskContacts.query({ id: task.id }))).code).toBe('NOT_FOUND');
  });
});

describe('designation compliance on the Panel', () => {
  it('counts agencies per state for the ANC, and tells staff their own state and what is missing', async () => {
    const national = await coordinator.trpc.dashboard.summary.query();
    const list = await coordinator.trpc.directory.list.query({});
    expect(national.designations).toEqual({ dueAt: addDays(mexicoCityDate(new Date()), 30), counts: list.counts, own: null });
    const own = await semar.trpc.dashboard.summary.query();
    expect(own.designations).toMatchObject({ counts: null, own: { state: 'pending', missingRoles: ['titular', 'ric_auxiliar'] } });
    expect((await sedena.trpc.dashboard.summary.query()).designations.own).toEqual({ state: 'complete', missingRoles: [] });
  });
});
