import { getAgency, incidentWindowCounts, obligationCounts, overdueTasksByAgency, planSummary } from '@anc/db';
import {
  INCIDENT_STATUSES,
  initiativeProgress,
  lastMexicoCityDays,
  mexicoCityDate,
  mexicoCityDayStart,
  seesEveryIncident,
  type EncsObjective,
  type IncidentStatus,
} from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { panelAdvisories } from '../advisories/read-advisories.ts';
import type { AdvisorySummary } from '../advisories/advisory-dto.ts';

/** Days of the Panel's incident window, counted as Mexico City days, today included. */
export const DASHBOARD_WINDOW_DAYS = 90;

interface AgencyRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}

export interface DashboardSummary {
  /** `national` for coordinators and admins; `agency` for staff: every number is about their own agency. */
  scope: 'national' | 'agency';
  /** The staff user's agency (null for the national picture). */
  agency: AgencyRef | null;
  generatedAt: string;
  /** The incident window: from the start of `firstDay` (Mexico City) to now. `from` = incidents.list `from`. */
  window: { days: number; firstDay: string; lastDay: string; from: string };
  incidents: {
    /** Filed in the window (created_at ≥ window.from). */
    total: number;
    byStatus: Record<IncidentStatus, number>;
    bySeverity: { severity: number; count: number }[];
    /** One entry per Mexico City day of the window, oldest first, zeros included. */
    daily: { date: string; count: number }[];
  };
  /** Legal deadlines of every open incident (not only the window's), as incidents.list `obligation` counts them. */
  obligations: { overdue: number; dueSoon: number };
  tasks: { overdueTotal: number; overdueByAgency: { agency: AgencyRef; count: number }[] };
  /** Initiatives not cancelled (staff: that their agency leads or takes part in), per objective. */
  plan: {
    byObjective: { objective: EncsObjective; initiatives: number; progress: number; milestones: { total: number; done: number; late: number } }[];
  };
  /** Advisories (modules/advisories): the ANC's open ones with their answer counts; staff: those awaiting their agency's answer. */
  advisories: AdvisorySummary[];
}

/**
 * The Panel (dashboard.summary). Coordinators and admins get the national picture; staff the same
 * for their own agency — its own incidents (not those shared with it: the Panel counts an agency's
 * own caseload), its deadlines, its overdue tasks, the initiatives it leads or takes part in.
 * Each number is the count of a list the portal can link to (see the field comments).
 */
export async function summarizeDashboard(ctx: UseCaseContext, now: Date = new Date()): Promise<DashboardSummary> {
  const national = seesEveryIncident(ctx.actor);
  const agencyId = national ? undefined : ctx.actor.agencyId;
  const days = lastMexicoCityDays(now, DASHBOARD_WINDOW_DAYS);
  const firstDay = days[0] ?? mexicoCityDate(now);
  const lastDay = days[days.length - 1] ?? firstDay;
  const since = mexicoCityDayStart(firstDay);
  const [counts, obligations, overdueTasks, plan, agency, advisories] = await Promise.all([
    incidentWindowCounts(ctx.db, since, { agencyId }),
    obligationCounts(ctx.db, now, { agencyId }),
    overdueTasksByAgency(ctx.db, now, { agencyId }),
    planSummary(ctx.db, mexicoCityDate(now), { agencyId }),
    agencyId ? getAgency(ctx.db, agencyId) : Promise.resolve(undefined),
    panelAdvisories(ctx, now),
  ]);
  return {
    scope: national ? 'national' : 'agency',
    agency: agency ? { id: agency.id, code: agency.code, name: agency.name, nameEn: agency.nameEn } : null,
    generatedAt: now.toISOString(),
    window: { days: DASHBOARD_WINDOW_DAYS, firstDay, lastDay, from: since.toISOString() },
    incidents: {
      total: counts.total,
      byStatus: Object.fromEntries(INCIDENT_STATUSES.map((s) => [s, counts.byStatus[s]])) as Record<IncidentStatus, number>,
      bySeverity: counts.bySeverity.map((count, severity) => ({ severity, count })),
      daily: days.map((date) => ({ date, count: counts.byDay.get(date) ?? 0 })),
    },
    obligations,
    tasks: { overdueTotal: overdueTasks.reduce((n, r) => n + r.count, 0), overdueByAgency: overdueTasks },
    plan: {
      byObjective: plan.byObjective.map((o) => ({
        objective: o.objective,
        initiatives: o.initiatives,
        progress: initiativeProgress(o.milestones),
        milestones: o.milestones,
      })),
    },
    advisories,
  };
}
