import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';
import { seedDemoData, seedReferenceData } from './seed.ts';
import { seedDemoIncidents } from './seed-incidents.ts';
import { agencies, incidentObservables, incidents } from './schema/index.ts';
import { listIncidentSummaries, listObservablesWithSightings } from './queries/incidents.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'not-a-real-hash' });
});
afterAll(() => t.close());

describe('demo incidents', () => {
  it('seeds a handful once, with gapless references and consistent clocks', async () => {
    const now = new Date('2026-11-21T12:00:00Z');
    expect(await seedDemoIncidents(t.db, now)).toEqual({ incidents: 8 });
    expect(await seedDemoIncidents(t.db, now)).toEqual({ incidents: 0 });
    const rows = await t.db.select().from(incidents).orderBy(incidents.reference);
    expect(rows.map((r) => r.reference)).toEqual(rows.map((_, i) => `INC-2026-${String(i + 1).padStart(6, '0')}`));
    const ssp = rows.find((r) => r.tlp === 'RED');
    expect(ssp?.nextObligationKind).toBe('notification');
    expect(ssp && ssp.nextObligationDueAt && ssp.nextObligationDueAt < now).toBe(true);
    expect(rows.find((r) => r.status === 'rejected')?.nextObligationKind).toBeNull();
    expect((await t.db.select({ n: count() }).from(incidentObservables))[0]?.n).toBeGreaterThan(10);
  });

  it('lets SEMAR staff see the correlation with SEDENA but not with the TLP:RED report of SSPC', async () => {
    const [semar] = await t.db.select().from(agencies).where(eq(agencies.code, 'SEMAR'));
    if (!semar) throw new Error('SEMAR missing');
    const staff = { role: 'staff' as const, agencyId: semar.id };
    const visible = await listIncidentSummaries(t.db, staff, { limit: 50 });
    expect(visible.rows.map((r) => r.agencyCode).sort()).toEqual(['SAT', 'SEDENA', 'SEMAR']);
    const own = visible.rows.find((r) => r.agencyCode === 'SEMAR');
    const sightings = await listObservablesWithSightings(t.db, staff, own?.id ?? '');
    expect(sightings.find((o) => o.value === '203.0.113.45')?.alsoSeenIn).toBe(1);
    const asCoordinator = await listObservablesWithSightings(t.db, { role: 'coordinator', agencyId: 'x' }, own?.id ?? '');
    expect(asCoordinator.find((o) => o.value === '203.0.113.45')?.alsoSeenIn).toBe(2);
  });
});
