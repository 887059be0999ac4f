import { addDays, isIsoDate, mexicoCityDate } from '../calendar.ts';

/**
 * The institutional directory of the Política General de Ciberseguridad para la APF (DOF, 17 December
 * 2025): within 60 calendar days of the policy every institution designates a Titular Institucional en
 * Materia de Ciberseguridad, a Responsable Institucional de Ciberseguridad (RIC) and an auxiliary of
 * the RIC. The policy date is the API's `POLICY_EFFECTIVE_DATE` (apps/api/src/env.ts).
 */
export const DESIGNATION_ROLES = ['titular', 'ric', 'ric_auxiliar'] as const;
export type DesignationRole = (typeof DESIGNATION_ROLES)[number];

export const DESIGNATION_STATES = ['pending', 'due_soon', 'overdue', 'complete'] as const;
export type DesignationState = (typeof DESIGNATION_STATES)[number];

export const DEFAULT_POLICY_EFFECTIVE_DATE = '2025-12-17';
/** Calendar days the policy gives to designate (counted from the policy date itself: 17 Dec + 60 = 15 Feb). */
export const DESIGNATION_PERIOD_DAYS = 60;
/**
 * `due_soon` from this many days before the due day (the due day itself included): the last 15 of
 * the 60 days, a quarter of the period, as an agency still has time to name people and file papers.
 */
export const DESIGNATION_DUE_SOON_DAYS = 15;

/** The last day to designate, a Mexico City calendar day ('YYYY-MM-DD'). */
export function designationDueDate(policyEffectiveDate: string): string {
  if (!isIsoDate(policyEffectiveDate)) throw new Error(`not a date: ${policyEffectiveDate}`);
  return addDays(policyEffectiveDate, DESIGNATION_PERIOD_DAYS);
}

/** The roles still without a current holder, in the policy's order. */
export function missingDesignationRoles(designated: Iterable<DesignationRole>): DesignationRole[] {
  const have = new Set(designated);
  return DESIGNATION_ROLES.filter((r) => !have.has(r));
}

/**
 * Where an agency stands: `complete` once all three roles have a current holder, whatever the date;
 * otherwise `pending` while more than DESIGNATION_DUE_SOON_DAYS days are left, `due_soon` in the last
 * ones up to and including the due day, `overdue` from the next Mexico City day on.
 * `today` is a Mexico City calendar day (`mexicoCityDate(now)`).
 */
export function designationState(input: { policyEffectiveDate: string; designated: Iterable<DesignationRole>; today: string }): DesignationState {
  if (missingDesignationRoles(input.designated).length === 0) return 'complete';
  const due = designationDueDate(input.policyEffectiveDate);
  if (input.today > due) return 'overdue';
  if (input.today >= addDays(due, -DESIGNATION_DUE_SOON_DAYS)) return 'due_soon';
  return 'pending';
}

/** The same, for an instant (its Mexico City day). */
export const designationStateAt = (policyEffectiveDate: string, designated: Iterable<DesignationRole>, now: Date): DesignationState =>
  designationState({ policyEffectiveDate, designated, today: mexicoCityDate(now) });
