import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count } from 'drizzle-orm';
import { ENCS_OBJECTIVES, TRANSVERSAL_AXES, mexicoCityDate } from '@anc/domain';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';
import { seedDemoData, seedReferenceData } from './seed.ts';
import { DEMO_PLAN, seedDemoPlan } from './seed-plan.ts';
import { auditEvents, initiativeKpiValues, initiativeKpis, initiativeMilestones, initiativeParticipants, initiatives } from './schema/index.ts';
import { listInitiativeSummaries, planSummary } from './queries/initiatives.ts';

let t: TestDatabase;
const now = new Date('2026-11-21T18:00:00Z');
const today = mexicoCityDate(now);

beforeAll(async () => {
  t = await createTestDatabase();
  await seedReferenceData(t.db);
  await seedDemoData(t.db, { passwordHash: 'not-a-real-hash' });
});
afterAll(() => t.close());

const cents = (s: string) => BigInt(s.replace('.', ''));
const rowsIn = async (
  table: typeof initiatives | typeof initiativeMilestones | typeof initiativeKpis | typeof initiativeKpiValues | typeof initiativeParticipants,
) => (await t.db.select({ n: count() }).from(table))[0]?.n ?? 0;

describe('demo master plan', () => {
  it('covers every objective and every axis with at least 12 initiatives', () => {
    expect(DEMO_PLAN.length).toBeGreaterThanOrEqual(12);
    expect(new Set(DEMO_PLAN.map((d) => d.objective))).toEqual(new Set(ENCS_OBJECTIVES));
    expect(new Set(DEMO_PLAN.flatMap((d) => d.axes))).toEqual(new Set(TRANSVERSAL_AXES));
  });

  it('seeds once: a second run writes nothing', async () => {
    expect(await seedDemoPlan(t.db, now)).toEqual({ initiatives: DEMO_PLAN.length });
    const before = {
      initiatives: await rowsIn(initiatives),
      milestones: await rowsIn(initiativeMilestones),
      kpis: await rowsIn(initiativeKpis),
      values: await rowsIn(initiativeKpiValues),
      participants: await rowsIn(initiativeParticipants),
      audit: (await t.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0,
    };
    expect(await seedDemoPlan(t.db, now)).toEqual({ initiatives: 0 });
    expect({
      initiatives: await rowsIn(initiatives),
      milestones: await rowsIn(initiativeMilestones),
      kpis: await rowsIn(initiativeKpis),
      values: await rowsIn(initiativeKpiValues),
      participants: await rowsIn(initiativeParticipants),
      audit: (await t.db.select({ n: count() }).from(auditEvents))[0]?.n ?? 0,
    }).toEqual(before);
  });

  it('stores all of it: every objective and axis in the database, milestones late and done, KPIs with history', async () => {
    const { rows } = await listInitiativeSummaries(t.db, { limit: 100 }, today);
    expect(rows).toHaveLength(DEMO_PLAN.length);
    expect(new Set(rows.map((r) => r.objective))).toEqual(new Set(ENCS_OBJECTIVES));
    expect(new Set(rows.flatMap((r) => r.axes))).toEqual(new Set(TRANSVERSAL_AXES));
    // Ordered as the registry is read: by objective in the strategy's order, then code.
    const order = rows.map((r) => ENCS_OBJECTIVES.indexOf(r.objective));
    expect(order).toEqual(order.toSorted((a, b) => a - b));
    const late = rows.filter((r) => r.milestones.late > 0);
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(rows.some((r) => r.milestones.done > 0 && r.milestones.done < r.milestones.total)).toBe(true);
    expect(rows.find((r) => r.status === 'completed')?.milestones).toMatchObject({ late: 0 });
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['proposed', 'approved', 'active', 'on_hold', 'completed', 'cancelled']));
    expect(await rowsIn(initiativeKpiValues)).toBeGreaterThan(2 * (await rowsIn(initiativeKpis)));
  });

  it('sums the budgets exactly, per objective and in total, leaving out what was cancelled', async () => {
    const summary = await planSummary(t.db, today);
    const expected = DEMO_PLAN.filter((d) => d.status !== 'cancelled').reduce((acc, d) => acc + cents(d.budgetMxn), 0n);
    expect(cents(summary.totalBudgetMxn)).toBe(expected);
    expect(summary.byObjective.reduce((acc, o) => acc + cents(o.budgetMxn), 0n)).toBe(expected);
    expect(summary.totalBudgetMxn).toMatch(/^\d+\.\d{2}$/);
    expect(Object.values(summary.byStatus).reduce((a, b) => a + b, 0)).toBe(DEMO_PLAN.length);
    expect(summary.milestones.late).toBeGreaterThan(0);
  });
});
