import { z } from 'zod';
import { Id, ListInput, Str, optionalText, text } from './common.ts';
import { INCIDENT_STATUSES } from '../incidents/status.ts';
import { RSIT_CLASSES, RSIT_TYPES, TLP_LEVELS, isRsitTypeOf } from '../incidents/taxonomy.ts';
import { ObservableList } from '../incidents/observables.ts';
import { OBLIGATION_KINDS } from '../incidents/obligations.ts';
import { NOTE_VISIBILITIES } from '../incidents/visibility.ts';
import type { FieldErrors } from '../errors.ts';
import { IncidentSort } from '../lists/sort.ts';
import type { MessageKey } from '../catalogue/validation.ts';

export const INCIDENT_TITLE_MAX = 200;
export const INCIDENT_DESCRIPTION_MAX = 20_000;
export const AFFECTED_SYSTEMS_MAX = 2_000;
export const COMMENT_MAX = 10_000;
export const REASON_MAX = 2_000;
/** Clock skew tolerated between a reporter's machine and ours for "not in the future". */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const IncidentTitle = text(3, INCIDENT_TITLE_MAX);
export const IncidentDescription = text(1, INCIDENT_DESCRIPTION_MAX);

/** An instant with its zone (ISO 8601, e.g. `2026-11-20T09:30:00-06:00`), kept as given. */
export const Instant = z.iso.datetime({ offset: true, error: 'invalid_datetime' });

/**
 * Money in MXN as an exact decimal string with two decimals ("1500000.00"). Thousands
 * separators are accepted on input and dropped; a float never appears on the path.
 */
export const MoneyMxn = Str()
  .trim()
  .transform((s) => s.replace(/[,\s]/g, ''))
  .pipe(z.string().regex(/^\d{1,14}(\.\d{1,2})?$/, { error: 'invalid_money' }))
  .transform((s) => {
    const [whole = '0', cents = ''] = s.split('.');
    return `${whole.replace(/^0+(?=\d)/, '')}.${cents.padEnd(2, '0')}`;
  });

export const Severity = z
  .number({ error: 'invalid_severity' })
  .int({ error: 'invalid_severity' })
  .min(0, { error: 'invalid_severity' })
  .max(5, { error: 'invalid_severity' });

export const Impact = z.object({
  personalData: z.boolean({ error: 'required' }),
  records: z
    .number({ error: 'invalid_number' })
    .int({ error: 'invalid_number' })
    .min(0, { error: 'invalid_number' })
    .max(1e12, { error: 'too_big' })
    .nullable()
    .default(null),
  criticalService: z.boolean({ error: 'required' }),
  crossBorder: z.boolean({ error: 'required' }),
  estimatedLossMxn: MoneyMxn.nullable().default(null),
});
export type Impact = z.infer<typeof Impact>;

const IncidentFields = z.object({
  title: IncidentTitle,
  description: IncidentDescription,
  rsitClass: z.enum(RSIT_CLASSES, { error: 'invalid_option' }),
  rsitType: z.enum(RSIT_TYPES, { error: 'invalid_option' }).nullable(),
  severity: Severity,
  tlp: z.enum(TLP_LEVELS, { error: 'invalid_option' }),
  detectedAt: Instant,
  awareAt: Instant,
  affectedSystems: optionalText(AFFECTED_SYSTEMS_MAX),
  impact: Impact,
});

/** A malformed instant has its own message (NaN compares with nothing); Date.parse would read a zoneless one in the server's zone. */
const instantMs = (s: string) => (Instant.safeParse(s).success ? Date.parse(s) : Number.NaN);

/** The date rules, for a whole incident (create) or the merged result of an edit. */
export function incidentDateProblems(detectedAt: string, awareAt: string, now: number = Date.now()): FieldErrors {
  const problems: FieldErrors = {};
  const detected = instantMs(detectedAt);
  const aware = instantMs(awareAt);
  if (detected > now + FUTURE_TOLERANCE_MS) problems.detectedAt = ['date_in_future'];
  if (aware > now + FUTURE_TOLERANCE_MS) problems.awareAt = ['date_in_future'];
  if (aware < detected) (problems.awareAt ??= []).push('aware_before_detected');
  return problems;
}

/** The type must belong to the class (e.g. `phishing` is a `fraud` type). */
export function rsitTypeProblem(rsitClass: (typeof RSIT_CLASSES)[number], rsitType: string | null | undefined): MessageKey | null {
  return rsitType && !isRsitTypeOf(rsitClass, rsitType) ? 'rsit_type_mismatch' : null;
}

export const CreateIncidentInput = IncidentFields.extend({
  agencyId: Id.optional(),
  rsitType: IncidentFields.shape.rsitType.default(null),
  affectedSystems: IncidentFields.shape.affectedSystems.default(''),
  observables: ObservableList.default([]),
}).superRefine((v, ctx) => {
  const typeProblem = rsitTypeProblem(v.rsitClass, v.rsitType);
  if (typeProblem) ctx.addIssue({ code: 'custom', path: ['rsitType'], message: typeProblem });
  for (const [path, keys] of Object.entries(incidentDateProblems(v.detectedAt, v.awareAt))) {
    for (const message of keys) ctx.addIssue({ code: 'custom', path: [path], message });
  }
  if (!v.impact.personalData && v.impact.records) ctx.addIssue({ code: 'custom', path: ['impact', 'records'], message: 'records_without_personal_data' });
});
export type CreateIncidentInput = z.input<typeof CreateIncidentInput>;
export type CreateIncidentData = z.output<typeof CreateIncidentInput>;

/** An edit: any subset of the fields; the merged result is checked again by the use-case. */
export const UpdateIncidentInput = IncidentFields.partial().extend({ id: Id, version: z.number().int().min(0) });
export type UpdateIncidentInput = z.infer<typeof UpdateIncidentInput>;

export const IncidentIdInput = z.object({ id: Id });
export type IncidentIdInput = z.infer<typeof IncidentIdInput>;

/** Who reads a comment or a step's reason (incidents/visibility.ts); left out, the API uses the default. */
export const NoteVisibilityInput = z.enum(NOTE_VISIBILITIES, { error: 'invalid_option' });

export const TransitionIncidentInput = z.object({
  id: Id,
  version: z.number().int().min(0),
  to: z.enum(INCIDENT_STATUSES, { error: 'invalid_option' }),
  reason: optionalText(REASON_MAX).optional(),
  mergeIntoId: Id.optional(),
  /** Who reads the reason; applies only when a reason is given. */
  visibility: NoteVisibilityInput.optional(),
});
export type TransitionIncidentInput = z.infer<typeof TransitionIncidentInput>;

export const CommentIncidentInput = z.object({ id: Id, body: text(1, COMMENT_MAX), visibility: NoteVisibilityInput.optional() });
export type CommentIncidentInput = z.infer<typeof CommentIncidentInput>;

export const AddObservablesInput = z.object({ id: Id, observables: ObservableList.min(1, { error: 'required' }) });
export type AddObservablesInput = z.infer<typeof AddObservablesInput>;
export const RemoveObservableInput = z.object({ id: Id, observableId: Id });
export type RemoveObservableInput = z.infer<typeof RemoveObservableInput>;

export const ShareIncidentInput = z.object({
  id: Id,
  agencyIds: z.array(Id).max(200, { error: 'too_many' }).default([]),
  allAgencies: z.boolean().default(false),
});
export type ShareIncidentInput = z.infer<typeof ShareIncidentInput>;

/** Withdraw one named share (`agencyId`) or the share with every agency (`allAgencies: true`). */
export const UnshareIncidentInput = z
  .object({ id: Id, agencyId: Id.optional(), allAgencies: z.boolean().optional() })
  .refine((v) => Boolean(v.agencyId) !== Boolean(v.allAgencies), { path: ['agencyId'], message: 'share_target_required' });
export type UnshareIncidentInput = z.infer<typeof UnshareIncidentInput>;

/** Take an incident (`ownerId` = yourself), give it to another active coordinator, or leave it without owner (null). */
export const SetIncidentOwnerInput = z.object({ id: Id, version: z.number().int().min(0), ownerId: Id.nullable() });
export type SetIncidentOwnerInput = z.infer<typeof SetIncidentOwnerInput>;

export const REPORT_KINDS = ['notification', 'final_report'] as const satisfies readonly (typeof OBLIGATION_KINDS)[number][];
export type ReportKind = (typeof REPORT_KINDS)[number];
export const SubmitReportInput = z.object({
  id: Id,
  kind: z.enum(REPORT_KINDS, { error: 'invalid_option' }),
  body: text(1, INCIDENT_DESCRIPTION_MAX),
});
export type SubmitReportInput = z.infer<typeof SubmitReportInput>;

export const OBLIGATION_FILTERS = ['overdue', 'due_soon'] as const;
const manyOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .array(z.enum(values, { error: 'invalid_option' }))
    .max(values.length, { error: 'too_many' })
    .optional();

/** At most this many `ids` in one filter (an export link of a selection: they travel in a GET's query string). */
export const INCIDENT_IDS_FILTER_MAX = 200;

/** The filters of `incidents.list`, also the query string of the CSV export. */
export const IncidentFilters = z.object({
  status: manyOf(INCIDENT_STATUSES),
  rsitClass: manyOf(RSIT_CLASSES),
  severity: z.array(Severity).max(6, { error: 'too_many' }).optional(),
  tlp: manyOf(TLP_LEVELS),
  agencyId: Id.optional(),
  q: optionalText(200).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  obligation: z.enum(OBLIGATION_FILTERS, { error: 'invalid_option' }).optional(),
  /** The incidents one coordinator owns (incidents/owner.ts): `me` for the caller ("Mis incidentes"), or a user's id. */
  ownerId: z.union([z.literal('me'), Id], { error: 'invalid_option' }).optional(),
  /** Only these incidents (a selection of the list, e.g. to export it); each still within the caller's scope. */
  ids: z.array(Id).min(1, { error: 'required' }).max(INCIDENT_IDS_FILTER_MAX, { error: 'too_many' }).optional(),
});
export type IncidentFilters = z.infer<typeof IncidentFilters>;

export const ListIncidentsInput = ListInput.extend(IncidentFilters.shape).extend(IncidentSort.shape);
export type ListIncidentsInput = z.infer<typeof ListIncidentsInput>;

const ARRAY_FILTERS = ['status', 'rsitClass', 'severity', 'tlp', 'ids'] as const;

/** Filters as a query string (`status=a&status=b&q=…`), for the export links the portal builds. */
export function incidentFiltersToSearchParams(filters: IncidentFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.set(key, String(value));
  }
  return params;
}

/** The reverse, before `IncidentFilters.parse`: repeated keys become arrays, severities numbers. */
export function incidentFiltersFromSearchParams(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    if ((ARRAY_FILTERS as readonly string[]).includes(key)) out[key] = key === 'severity' ? all.map((v) => (v.trim() === '' ? Number.NaN : Number(v))) : all;
    else out[key] = all[0];
  }
  return out;
}
