// The admin's audit log filtered by each kind of entity, over real HTTP: every type of the
// domain's catalogue (packages/domain/src/audit-catalogue.ts) can be asked for, and each row names
// its entity as people do (a reference, a code, a name).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AUDIT_ENTITY_TYPES } from '@anc/domain';
import { DEMO, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { agencyIdOf, userIdOf, validIncident } from '../../testing/incidents.ts';
import { validTask } from '../../testing/tasks.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());
beforeEach(() => s.reset());

describe('admin.audit.list by entity type', () => {
  it('answers only rows of the type asked for, for several types, each with its entity named', async () => {
    const [sedena, coordinator, admin] = await Promise.all([signedIn(s.url, DEMO.sedena), signedIn(s.url, DEMO.coordinator), signedIn(s.url, DEMO.admin)]);
    const sedenaId = await agencyIdOf(s.t.db, 'SEDENA');
    const incident = await sedena.trpc.incidents.create.mutate(validIncident());
    const task = await coordinator.trpc.tasks.create.mutate(validTask(sedenaId, { title: 'Revisar bitácoras del correo' }));
    const saved = await coordinator.trpc.savedFilters.save.mutate({ list: 'incidents', name: 'Urgentes', query: { severity: [4, 5] } });
    await admin.trpc.admin.agencies.update.mutate({ id: sedenaId, nameEn: 'Ministry of National Defence' });

    const listed = async (entityType: string, entityId?: string) => (await admin.trpc.admin.audit.list.query({ entityType, entityId, limit: 100 })).items;

    const incidents = await listed('incident');
    expect(new Set(incidents.map((e) => e.entityType))).toEqual(new Set(['incident']));
    expect(incidents.find((e) => e.entityId === incident.id)).toMatchObject({ action: 'incident.create', entityName: incident.reference });

    const tasks = await listed('task');
    expect(new Set(tasks.map((e) => e.entityType))).toEqual(new Set(['task']));
    expect(tasks.find((e) => e.entityId === task.id)).toMatchObject({ action: 'task.create', entityName: task.reference });

    const agencies = await listed('agency', sedenaId);
    expect(agencies.map((e) => e.action)).toContain('agency.update');
    expect(agencies.every((e) => e.entityType === 'agency' && e.entityName === 'SEDENA')).toBe(true);

    const savedFilters = await listed('saved_filter');
    expect(savedFilters.map((e) => [e.action, e.entityId])).toEqual([['saved_filter.save', saved.id]]);

    // Sign-ins are rows of the person: named by their name.
    const sedenaUser = await userIdOf(s.t.db, DEMO.sedena);
    const signIns = await listed('user', sedenaUser);
    expect(signIns.map((e) => e.action)).toContain('auth.signIn');
    const name = (await sedena.trpc.auth.me.query()).user?.name;
    expect(name).toMatch(/\S/);
    expect(new Set(signIns.map((e) => e.entityName))).toEqual(new Set([name]));

    // A type nothing was written for answers nothing, without an error.
    expect(await listed('playbook', crypto.randomUUID())).toEqual([]);

    // Every type of the catalogue is accepted by the filter.
    for (const type of AUDIT_ENTITY_TYPES) {
      const rows = await listed(type);
      expect(
        rows.every((e) => e.entityType === type),
        type,
      ).toBe(true);
    }
  });
});
