import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { UpsertPlaybookInput } from '@anc/domain';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';
import { seedReferenceData } from './seed.ts';
import { DEMO_PLAYBOOKS, seedDemoPlaybooks } from './seed-playbooks.ts';
import { auditEvents, playbooks } from './schema/index.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
});
afterAll(() => t.close());

describe('demo playbooks', () => {
  it('are valid as the editor validates them: 4 to 7 steps each, for both assignees', () => {
    for (const p of DEMO_PLAYBOOKS) {
      expect(UpsertPlaybookInput.safeParse(p).success).toBe(true);
      expect(p.steps.length).toBeGreaterThanOrEqual(4);
      expect(p.steps.length).toBeLessThanOrEqual(7);
    }
    expect(new Set(DEMO_PLAYBOOKS.flatMap((p) => p.steps.map((s) => s.assignTo)))).toEqual(new Set(['reporting_agency', 'anc']));
  });

  it('are seeded once per class, audited, and an admin-edited one is left alone', async () => {
    expect(await seedDemoPlaybooks(t.db)).toEqual({ playbooks: 4 });
    // By class in the taxonomy's order (the enum's order in PostgreSQL).
    const rows = await t.db.select().from(playbooks).orderBy(asc(playbooks.rsitClass));
    expect(rows.map((r) => r.rsitClass)).toEqual(['malicious-code', 'availability', 'information-content-security', 'fraud']);
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'playbook.create'))).toHaveLength(4);
    await t.db.update(playbooks).set({ title: 'Editado por la administración' }).where(eq(playbooks.rsitClass, 'fraud'));
    expect(await seedDemoPlaybooks(t.db)).toEqual({ playbooks: 0 });
    const [fraud] = await t.db.select().from(playbooks).where(eq(playbooks.rsitClass, 'fraud'));
    expect(fraud?.title).toBe('Editado por la administración');
  });
});
