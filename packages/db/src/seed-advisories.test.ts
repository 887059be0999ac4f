import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { answerState } from '@anc/domain';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';
import { seedDemoData, seedReferenceData } from './seed.ts';
import { seedDemoAdvisories } from './seed-advisories.ts';
import { listAdvisoryMatrix, listAdvisoryResponses } from './queries/advisories.ts';
import { advisories } from './schema/index.ts';

let t: TestDatabase;
const now = new Date('2026-11-21T12:00:00Z');
beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'not-a-real-hash' });
});
afterAll(() => t.close());

describe('demo advisories', () => {
  it('seeds one draft, one published with answers and overdue agencies, one closed — once', async () => {
    expect(await seedDemoAdvisories(t.db, now)).toEqual({ advisories: 3 });
    expect(await seedDemoAdvisories(t.db, now)).toEqual({ advisories: 0 });
    const rows = await t.db.select().from(advisories).orderBy(asc(advisories.reference));
    expect(rows.map((r) => [r.reference, r.status])).toEqual([
      ['ALR-2026-000001', 'closed'],
      ['ALR-2026-000002', 'published'],
      ['ALR-2026-000003', 'draft'],
    ]);
    const published = rows[1];
    if (!published) throw new Error('no published advisory');
    const matrix = await listAdvisoryMatrix(t.db, published.id);
    const states = Object.fromEntries(matrix.map((m) => [m.agency.code, [m.latestStatus, answerState(published.respondBy, m.latestAt, now)]]));
    expect(states).toEqual({
      CFE: ['mitigating', 'answered'],
      PEMEX: [null, 'overdue'],
      SEDENA: ['mitigated', 'answered'],
      SEMAR: ['acknowledged', 'answered'],
      SHCP: [null, 'overdue'],
      SSPC: [null, 'overdue'],
    });
    expect((await listAdvisoryResponses(t.db, published.id)).length).toBe(4);
  });
});
