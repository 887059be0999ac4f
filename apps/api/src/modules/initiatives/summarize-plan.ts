import { planSummary } from '@anc/db';
import { initiativeProgress, mexicoCityDate, type PlanSummaryInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

/**
 * The registry header: initiatives by status, the share of milestones late, and per objective the
 * budget (summed in SQL as numeric, a decimal string) and progress of what is not cancelled.
 */
export async function summarizePlan(ctx: UseCaseContext, input: PlanSummaryInput) {
  const s = await planSummary(ctx.db, mexicoCityDate(new Date()), { agencyId: input.agencyId });
  return {
    total: Object.values(s.byStatus).reduce((a, b) => a + b, 0),
    byStatus: s.byStatus,
    milestones: s.milestones,
    /** Late milestones as a share (0–100, rounded) of all milestones of initiatives not cancelled. */
    lateShare: s.milestones.total ? Math.round((s.milestones.late * 100) / s.milestones.total) : 0,
    totalBudgetMxn: s.totalBudgetMxn,
    byObjective: s.byObjective.map((o) => ({
      objective: o.objective,
      initiatives: o.initiatives,
      cancelled: o.cancelled,
      progress: initiativeProgress(o.milestones),
      milestones: o.milestones,
      budgetMxn: o.budgetMxn,
    })),
  };
}
