import { z } from 'zod';
import { Id, ListInput, Str, optionalText, text } from './common.ts';
import { Instant, MoneyMxn, REASON_MAX } from './incidents.ts';
import { isIsoDate } from '../calendar.ts';
import { normalizeDecimal } from '../initiatives/decimal.ts';
import { ENCS_OBJECTIVES, INITIATIVE_STATUSES, TRANSVERSAL_AXES } from '../initiatives/plan.ts';
import type { FieldErrors } from '../errors.ts';

export const INITIATIVE_TITLE_MAX = 200;
export const INITIATIVE_DESCRIPTION_MAX = 20_000;
export const MILESTONE_TITLE_MAX = 200;
export const KPI_NAME_MAX = 200;
export const KPI_UNIT_MAX = 40;
export const MAX_PARTICIPANTS = 50;
export const MAX_MILESTONES_PER_INITIATIVE = 100;
export const MAX_KPIS_PER_INITIATIVE = 30;

/** `PN-2027-004`: a prefix of 2–6 capital letters, the year and a three-digit number. Lower case is accepted and raised. */
export const INITIATIVE_CODE_PATTERN = /^[A-Z]{2,6}-\d{4}-\d{3}$/;
export const InitiativeCode = Str().trim().toUpperCase().min(1, { error: 'required' }).regex(INITIATIVE_CODE_PATTERN, { error: 'invalid_initiative_code' });

/** A calendar day 'YYYY-MM-DD' (as days are counted in Mexico City). */
export const CalendarDate = Str().trim().refine(isIsoDate, { error: 'invalid_date' });

/**
 * A KPI value: an exact decimal text with up to 4 places and 16 digits before the point
 * ("1,250.5" → "1250.5000"; thousands separators dropped). Never a JSON number: a float would
 * round it on the way.
 */
export const KpiDecimal = z
  .string({ error: 'invalid_decimal' })
  .trim()
  .transform((s) => s.replace(/[,\s]/g, ''))
  .transform((s, ctx) => {
    const normal = normalizeDecimal(s);
    if (normal === null) {
      ctx.addIssue({ code: 'custom', message: s === '' ? 'required' : 'invalid_decimal' });
      return z.NEVER;
    }
    return normal;
  });

export const ObjectiveValue = z.enum(ENCS_OBJECTIVES, { error: 'invalid_option' });
export const AxisValue = z.enum(TRANSVERSAL_AXES, { error: 'invalid_option' });
export const InitiativeStatusValue = z.enum(INITIATIVE_STATUSES, { error: 'invalid_option' });

/** Duplicates dropped, order of the strategy kept. */
const Axes = z
  .array(AxisValue)
  .max(TRANSVERSAL_AXES.length, { error: 'too_many' })
  .transform((axes) => TRANSVERSAL_AXES.filter((a) => axes.includes(a)));

const AgencyIds = z
  .array(Id)
  .max(MAX_PARTICIPANTS, { error: 'too_many' })
  .transform((ids) => [...new Set(ids)]);

const InitiativeFields = z.object({
  code: InitiativeCode,
  title: text(3, INITIATIVE_TITLE_MAX),
  description: optionalText(INITIATIVE_DESCRIPTION_MAX),
  objective: ObjectiveValue,
  axes: Axes,
  leadAgencyId: Id,
  /** Agencies taking part besides the lead (the lead is dropped from this list if given). */
  participantAgencyIds: AgencyIds,
  startDate: CalendarDate,
  endDate: CalendarDate,
  budgetMxn: MoneyMxn,
});

/** The date rule for a whole initiative (create) or the merged result of an edit. */
export function initiativeDateProblems(startDate: string, endDate: string): FieldErrors {
  if (!isIsoDate(startDate) || !isIsoDate(endDate)) return {}; // the format error is reported by CalendarDate
  return endDate < startDate ? { endDate: ['end_before_start'] } : {};
}

export const CreateInitiativeInput = InitiativeFields.extend({
  description: InitiativeFields.shape.description.default(''),
  axes: Axes.default([]),
  participantAgencyIds: AgencyIds.default([]),
}).superRefine((v, ctx) => {
  for (const [path, keys] of Object.entries(initiativeDateProblems(v.startDate, v.endDate))) {
    for (const message of keys) ctx.addIssue({ code: 'custom', path: [path], message });
  }
});
export type CreateInitiativeInput = z.input<typeof CreateInitiativeInput>;
export type CreateInitiativeData = z.output<typeof CreateInitiativeInput>;

/** An edit: any subset of the fields, with the version read; the merged dates are checked by the use-case. */
export const UpdateInitiativeInput = InitiativeFields.partial()
  .extend({ id: Id, version: z.number().int().min(0) })
  .superRefine((v, ctx) => {
    if (v.startDate && v.endDate) {
      for (const [path, keys] of Object.entries(initiativeDateProblems(v.startDate, v.endDate))) {
        for (const message of keys) ctx.addIssue({ code: 'custom', path: [path], message });
      }
    }
  });
export type UpdateInitiativeInput = z.input<typeof UpdateInitiativeInput>;
export type UpdateInitiativeData = z.output<typeof UpdateInitiativeInput>;

export const InitiativeIdInput = z.object({ id: Id });
export type InitiativeIdInput = z.infer<typeof InitiativeIdInput>;

export const TransitionInitiativeInput = z.object({
  id: Id,
  version: z.number().int().min(0),
  to: InitiativeStatusValue,
  reason: optionalText(REASON_MAX).optional(),
});
export type TransitionInitiativeInput = z.infer<typeof TransitionInitiativeInput>;

export const AddMilestoneInput = z.object({
  initiativeId: Id,
  title: text(3, MILESTONE_TITLE_MAX),
  dueDate: CalendarDate,
});
export type AddMilestoneInput = z.infer<typeof AddMilestoneInput>;

/** `doneDate` defaults to today in Mexico City; it may not lie in the future. */
export const CompleteMilestoneInput = z.object({ milestoneId: Id, doneDate: CalendarDate.optional() });
export type CompleteMilestoneInput = z.infer<typeof CompleteMilestoneInput>;

export const ReopenMilestoneInput = z.object({ milestoneId: Id });
export type ReopenMilestoneInput = z.infer<typeof ReopenMilestoneInput>;

export const AddKpiInput = z.object({
  initiativeId: Id,
  name: text(3, KPI_NAME_MAX),
  unit: text(1, KPI_UNIT_MAX),
  baseline: KpiDecimal,
  target: KpiDecimal,
});
export type AddKpiInput = z.input<typeof AddKpiInput>;
export type AddKpiData = z.output<typeof AddKpiInput>;

/** `at` (when the value was measured) defaults to now; it may not lie in the future. */
export const RecordKpiValueInput = z.object({ kpiId: Id, value: KpiDecimal, at: Instant.optional() });
export type RecordKpiValueInput = z.input<typeof RecordKpiValueInput>;
export type RecordKpiValueData = z.output<typeof RecordKpiValueInput>;

/** Filters of `initiatives.list` (docs/API.md plus `agencyId`: led by or with the participation of that agency). */
export const InitiativeFilters = z.object({
  objective: ObjectiveValue.optional(),
  axis: AxisValue.optional(),
  status: z.array(InitiativeStatusValue).max(INITIATIVE_STATUSES.length).optional(),
  leadAgencyId: Id.optional(),
  agencyId: Id.optional(),
  q: optionalText(200).optional(),
});
export type InitiativeFilters = z.infer<typeof InitiativeFilters>;

export const ListInitiativesInput = ListInput.extend(InitiativeFilters.shape);
export type ListInitiativesInput = z.infer<typeof ListInitiativesInput>;

/** The registry header: the whole plan, or (`agencyId`) what one agency leads or takes part in. */
export const PlanSummaryInput = z.object({ agencyId: Id.optional() }).default({});
export type PlanSummaryInput = z.infer<typeof PlanSummaryInput>;
