import { z } from 'zod';
import { Id, ListInput, Str, optionalText, text } from './common.ts';
import { FUTURE_TOLERANCE_MS, Instant, Severity } from './incidents.ts';
import { normalizeObservable } from '../incidents/observables.ts';
import { TLP_LEVELS } from '../incidents/taxonomy.ts';
import { ADVISORY_RESPONSE_STATUSES, ADVISORY_STATUSES, audienceProblems } from '../advisories/status.ts';

export const ADVISORY_TITLE_MAX = 200;
export const ADVISORY_SUMMARY_MAX = 1_000;
export const ADVISORY_BODY_MAX = 20_000;
export const ADVISORY_ACTION_MAX = 5_000;
export const ADVISORY_COMMENT_MAX = 5_000;
export const ADVISORY_MAX_CVES = 50;
export const ADVISORY_MAX_AGENCIES = 300;

/** A CVE identifier, checked and spelled as an incident's `cve` observable is (incidents/observables.ts). */
export const CveId = Str().transform((raw, ctx) => {
  const r = normalizeObservable('cve', raw);
  if (r.ok) return r.value;
  ctx.addIssue({ code: 'custom', message: r.error });
  return z.NEVER;
});

/** Each CVE once, in canonical spelling. */
export const CveList = z
  .array(CveId)
  .max(ADVISORY_MAX_CVES, { error: 'too_many' })
  .transform((list) => [...new Set(list)]);

/** The answer deadline must lie ahead when it is set (clock skew of a few minutes tolerated). */
export const respondByProblem = (respondBy: string, now: number = Date.now()) =>
  Instant.safeParse(respondBy).success && Date.parse(respondBy) < now - FUTURE_TOLERANCE_MS ? ('due_in_past' as const) : null;
const RespondBy = Instant.refine((s) => respondByProblem(s) === null, { error: 'due_in_past' });

const AdvisoryFields = z.object({
  title: text(3, ADVISORY_TITLE_MAX),
  summary: text(1, ADVISORY_SUMMARY_MAX),
  body: text(1, ADVISORY_BODY_MAX),
  severity: Severity,
  tlp: z.enum(TLP_LEVELS, { error: 'invalid_option' }),
  cves: CveList.default([]),
  actionRequired: text(1, ADVISORY_ACTION_MAX),
  respondBy: RespondBy,
  agencyIds: z.array(Id).max(ADVISORY_MAX_AGENCIES, { error: 'too_many' }).default([]),
  allAgencies: z.boolean().default(false),
});

/** `advisories.create` (coordinators): a draft; the audience obeys the TLP (advisories/status.ts `audienceProblems`). */
export const CreateAdvisoryInput = AdvisoryFields.extend({ incidentId: Id.nullable().optional() }).superRefine((v, ctx) => {
  for (const [path, keys] of Object.entries(audienceProblems(v.tlp, { allAgencies: v.allAgencies, agencyIds: v.agencyIds }))) {
    for (const message of keys) ctx.addIssue({ code: 'custom', path: [path], message });
  }
});
export type CreateAdvisoryInput = z.input<typeof CreateAdvisoryInput>;
export type CreateAdvisoryData = z.output<typeof CreateAdvisoryInput>;

/** `advisories.update`: any subset of a draft's fields; the merged result must obey the audience rule. */
export const UpdateAdvisoryInput = z.object({
  id: Id,
  version: z.number().int().min(0),
  title: AdvisoryFields.shape.title.optional(),
  summary: AdvisoryFields.shape.summary.optional(),
  body: AdvisoryFields.shape.body.optional(),
  severity: Severity.optional(),
  tlp: AdvisoryFields.shape.tlp.optional(),
  cves: CveList.optional(),
  actionRequired: AdvisoryFields.shape.actionRequired.optional(),
  respondBy: RespondBy.optional(),
  agencyIds: z.array(Id).max(ADVISORY_MAX_AGENCIES, { error: 'too_many' }).optional(),
  allAgencies: z.boolean().optional(),
});
export type UpdateAdvisoryInput = z.infer<typeof UpdateAdvisoryInput>;

export const AdvisoryIdInput = z.object({ id: Id });
export type AdvisoryIdInput = z.infer<typeof AdvisoryIdInput>;
export const AdvisoryVersionInput = z.object({ id: Id, version: z.number().int().min(0) });
export type AdvisoryVersionInput = z.infer<typeof AdvisoryVersionInput>;
export const CreateAdvisoryFromIncidentInput = z.object({ incidentId: Id });
export type CreateAdvisoryFromIncidentInput = z.infer<typeof CreateAdvisoryFromIncidentInput>;

export const AdvisoryStatusValue = z.enum(ADVISORY_STATUSES, { error: 'invalid_option' });
export const AdvisoryResponseStatusValue = z.enum(ADVISORY_RESPONSE_STATUSES, { error: 'invalid_option' });

/** `advisories.respond` (staff of an addressed agency), as often as their situation changes. */
export const RespondAdvisoryInput = z.object({
  id: Id,
  status: AdvisoryResponseStatusValue,
  comment: optionalText(ADVISORY_COMMENT_MAX).optional(),
});
export type RespondAdvisoryInput = z.infer<typeof RespondAdvisoryInput>;

/** `advisories.list`: coordinators filter by state; staff see the published ones addressed to them. */
export const ListAdvisoriesInput = ListInput.extend({ status: z.array(AdvisoryStatusValue).max(3).optional() });
export type ListAdvisoriesInput = z.infer<typeof ListAdvisoriesInput>;
