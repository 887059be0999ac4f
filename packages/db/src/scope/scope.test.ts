// Writes carry the read scope in their WHERE: a row the actor may not read is never changed,
// even if a use-case forgot to read it through the scope first. On the seeded demo incidents.
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteObservable, touchIncident, updateIncidentVersioned } from '../queries/incidents.ts';
import { updateTaskVersioned } from '../queries/tasks.ts';
import { agencies, incidentObservables, incidents, tasks } from '../schema/index.ts';
import { seedDemoData, seedReferenceData } from '../seed.ts';
import { seedDemoIncidents } from '../seed-incidents.ts';
import { seedDemoTasks } from '../seed-tasks.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { incidentScopeSql } from './incidents.ts';

let t: TestDatabase;
let outsider: { role: 'staff'; agencyId: string };
beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'x' });
  await seedDemoIncidents(t.db);
  await seedDemoTasks(t.db);
  // An agency that reported nothing and was shared nothing: it may read no demo incident.
  const [quiet] = await t.db
    .insert(agencies)
    .values({ code: 'SCOPE-TEST', name: 'Dependencia sin incidentes', nameEn: 'Agency without incidents', kind: 'federal_ministry' })
    .returning();
  outsider = { role: 'staff', agencyId: quiet?.id ?? '' };
});
afterAll(async () => t.close());

/** A TLP:RED demo incident: no agency but its reporter may read it. */
const anIncident = async () => {
  const [row] = await t.db.select().from(incidents).where(eq(incidents.tlp, 'RED')).limit(1);
  if (!row) throw new Error('no demo incident');
  return row;
};

describe('a write outside the scope', () => {
  it('changes no incident, whatever the id and version', async () => {
    const row = await anIncident();
    expect(
      await t.db
        .select()
        .from(incidents)
        .where(and(eq(incidents.id, row.id), incidentScopeSql(outsider, 'incidents'))),
    ).toEqual([]);
    expect(await updateIncidentVersioned(t.db, outsider, row.id, row.version, { title: 'Cambiado por otra dependencia' })).toBeNull();
    await expect(touchIncident(t.db, outsider, row.id, { sharedWithAllAt: new Date() })).rejects.toThrow('incident vanished inside its transaction');
    const [after] = await t.db.select().from(incidents).where(eq(incidents.id, row.id));
    expect(after).toEqual(row);
  });

  it('removes no observable', async () => {
    const [obs] = await t.db
      .select({ id: incidentObservables.id, incidentId: incidentObservables.incidentId })
      .from(incidentObservables)
      .innerJoin(incidents, eq(incidents.id, incidentObservables.incidentId))
      .where(eq(incidents.tlp, 'RED'))
      .limit(1);
    if (!obs) throw new Error('no demo observable');
    expect(await deleteObservable(t.db, outsider, obs.incidentId, obs.id)).toBeUndefined();
    expect(await t.db.select().from(incidentObservables).where(eq(incidentObservables.id, obs.id))).toHaveLength(1);
  });

  it('changes no task of another agency', async () => {
    const [task] = await t.db.select().from(tasks).where(ne(tasks.assigneeAgencyId, outsider.agencyId)).limit(1);
    if (!task) throw new Error('no demo task');
    expect(await updateTaskVersioned(t.db, outsider, task.id, task.version, { title: 'Cambiada por otra dependencia' })).toBeNull();
    const [after] = await t.db
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, task.id), eq(tasks.version, task.version)));
    expect(after?.title).toBe(task.title);
  });
});

describe('a write inside the scope', () => {
  it('applies, for the reporting agency and for the system', async () => {
    const row = await anIncident();
    const own = { role: 'staff' as const, agencyId: row.agencyId };
    const updated = await updateIncidentVersioned(t.db, own, row.id, row.version, { affectedSystems: 'Servidor revisado' });
    expect(updated?.version).toBe(row.version + 1);
    expect((await touchIncident(t.db, 'system', row.id)).version).toBe(row.version + 2);
  });
});
