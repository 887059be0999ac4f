import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, isNotNull, isNull } from 'drizzle-orm';
import { DESIGNATION_ROLES, designationState, normalizeMxPhone, type DesignationRole } from '@anc/domain';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';
import { seedDemoData, seedReferenceData } from './seed.ts';
import { DEMO_DIRECTORY, seedDemoDirectory } from './seed-directory.ts';
import { agencyDesignations, agencyEmergencyContacts } from './schema/index.ts';

let t: TestDatabase;

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'not-a-real-hash' });
});
afterAll(() => t.close());

const n = async (where?: ReturnType<typeof isNull>) => (await t.db.select({ n: count() }).from(agencyDesignations).where(where))[0]?.n ?? 0;

describe('demo institutional directory', () => {
  it('has complete, late and partial agencies, and some with nothing yet (after the due day)', () => {
    const states = DEMO_DIRECTORY.map((e) =>
      designationState({ policyEffectiveDate: '2025-12-17', designated: Object.keys(e.roles) as DesignationRole[], today: '2026-03-01' }),
    );
    expect(states.filter((s) => s === 'complete').length).toBeGreaterThanOrEqual(8);
    expect(states.filter((s) => s === 'overdue').length).toBeGreaterThanOrEqual(4);
    expect(DEMO_DIRECTORY.find((e) => e.code === 'SEDENA')?.roles.ric).toBeUndefined();
    expect(DEMO_DIRECTORY.map((e) => e.code)).not.toContain('CONAGUA');
  });

  it('uses valid Mexican numbers only', () => {
    const phones = DEMO_DIRECTORY.flatMap((e) => [
      ...Object.values(e.roles)
        .flat()
        .map((p) => p.phone),
      ...(e.emergency ? [e.emergency.phone] : []),
    ]);
    expect(phones.filter((p) => normalizeMxPhone(p) !== p)).toEqual([]);
  });

  it('seeds once: one current holder per role, replaced ones kept as history, and a second run adds nothing', async () => {
    const holders = DEMO_DIRECTORY.reduce((sum, e) => sum + Object.values(e.roles).flat().length, 0);
    expect(await seedDemoDirectory(t.db)).toEqual({ designations: holders });
    expect(await n(isNull(agencyDesignations.replacedAt))).toBe(DEMO_DIRECTORY.reduce((sum, e) => sum + DESIGNATION_ROLES.filter((r) => e.roles[r]).length, 0));
    expect(await n(isNotNull(agencyDesignations.replacedAt))).toBe(1);
    const contacts = (await t.db.select({ n: count() }).from(agencyEmergencyContacts))[0]?.n;
    expect(contacts).toBe(DEMO_DIRECTORY.filter((e) => e.emergency).length);
    expect(await seedDemoDirectory(t.db)).toEqual({ designations: 0 });
    expect(await n()).toBe(holders);
  });
});
