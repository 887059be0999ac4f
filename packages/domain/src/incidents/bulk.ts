import { z } from 'zod';
import { isDomainError, type DomainErrorCode } from '../errors.ts';
import type { MessageKey } from '../catalogue/validation.ts';
import { Id, optionalText } from '../schemas/common.ts';
import { IncidentFilters, NoteVisibilityInput, REASON_MAX } from '../schemas/incidents.ts';
import type { IncidentStatus } from './status.ts';

/**
 * Bulk actions on incidents (coordinators): one action on a selection, each incident in its own
 * transaction through the same use-case as the single action (its checks, its version check, its
 * audit row and notifications), so one failure never undoes the others. The answer lists every
 * item: done, or why not.
 *
 * What a bulk action may do is narrower than the single one: it never takes a decision that needs
 * a look at each incident (reject or merge need their own reason and target; a reopen needs its
 * reason), so triage in bulk is only `submitted → triaged`; sharing follows each incident's TLP
 * (a TLP:RED one fails alone); a playbook is applied once per incident (again: nothing changes).
 */
export const BULK_MAX_ITEMS = 500;
/** Ids in one export link of a selection (they travel in the query string of a GET). */
export const BULK_EXPORT_MAX_IDS = 200;

export const BULK_ACTIONS = ['triage', 'share', 'applyPlaybook'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

/** The one step a bulk triage takes. */
export const BULK_TRIAGE_STEP = { from: 'submitted', to: 'triaged' } as const satisfies { from: IncidentStatus; to: IncidentStatus };

export const BulkItem = z.object({ id: Id, version: z.number().int().min(0) });
export type BulkItem = z.infer<typeof BulkItem>;

/**
 * `items`: the rows the coordinator ticked, with the version each showed (a change since is a
 * conflict for that item). `filter`: every incident matching the list's filters, resolved on the
 * server within the caller's scope at the current versions; more than `BULK_MAX_ITEMS` is refused
 * whole (never cut silently).
 */
export const BulkIncidentsInput = z
  .object({
    action: z.enum(BULK_ACTIONS, { error: 'invalid_option' }),
    items: z.array(BulkItem).min(1, { error: 'required' }).max(BULK_MAX_ITEMS, { error: 'bulk_too_many' }).optional(),
    filter: IncidentFilters.optional(),
    /** triage: the step's reason (optional) and who reads it. */
    reason: optionalText(REASON_MAX).optional(),
    visibility: NoteVisibilityInput.optional(),
    /** share: as `incidents.share`. */
    agencyIds: z.array(Id).max(200, { error: 'too_many' }).default([]),
    allAgencies: z.boolean().default(false),
    /** applyPlaybook: the playbook to apply. */
    playbookId: Id.optional(),
  })
  .superRefine((v, ctx) => {
    if (Boolean(v.items) === Boolean(v.filter)) ctx.addIssue({ code: 'custom', path: ['items'], message: 'bulk_selection_required' });
    if (v.action === 'share' && !v.allAgencies && v.agencyIds.length === 0)
      ctx.addIssue({ code: 'custom', path: ['agencyIds'], message: 'share_target_required' });
    if (v.action === 'applyPlaybook' && !v.playbookId) ctx.addIssue({ code: 'custom', path: ['playbookId'], message: 'required' });
  });
export type BulkIncidentsInput = z.infer<typeof BulkIncidentsInput>;

export const BULK_FAILURE_REASONS = ['version_conflict', 'not_allowed_in_state', 'already_applied', 'not_found', 'forbidden', 'invalid', 'failed'] as const;
export type BulkFailureReason = (typeof BULK_FAILURE_REASONS)[number];

const REASON_OF_CODE: Record<DomainErrorCode, BulkFailureReason> = {
  CONFLICT: 'version_conflict',
  INVALID_TRANSITION: 'not_allowed_in_state',
  UNPROCESSABLE: 'not_allowed_in_state',
  NOT_FOUND: 'not_found',
  FORBIDDEN: 'forbidden',
  UNAUTHORIZED: 'forbidden',
  BAD_REQUEST: 'invalid',
  TOO_MANY_REQUESTS: 'failed',
  PAYLOAD_TOO_LARGE: 'invalid',
};

/**
 * Why one item of a bulk action failed: a stable reason code and the catalogue key of the words
 * that explain it (the single action's own reason: "sharing a TLP:RED incident…", the first field
 * problem of a bad request). Anything that is not a DomainError is `failed` with generic words.
 */
export function bulkFailureOf(error: unknown): { reason: BulkFailureReason; messageKey: MessageKey } {
  if (!isDomainError(error)) return { reason: 'failed', messageKey: 'bulk_item_failed' };
  // Applying a playbook again is not a conflict of versions: it was done before.
  if (error.reason === 'playbook_already_applied') return { reason: 'already_applied', messageKey: error.reason };
  const reason = REASON_OF_CODE[error.code];
  if (reason === 'not_found') return { reason, messageKey: 'not_found' };
  const firstField = error.fieldErrors ? Object.values(error.fieldErrors)[0]?.[0] : undefined;
  return { reason, messageKey: firstField ?? error.reason };
}

export const BulkItemResult = z.object({
  id: z.string(),
  /** Null when the caller may not read the incident (nothing names it). */
  reference: z.string().nullable(),
  ok: z.boolean(),
  reason: z.enum(BULK_FAILURE_REASONS).nullable(),
  /** The reason in the caller's language; null on success. */
  message: z.string().nullable(),
});
export type BulkItemResult = z.infer<typeof BulkItemResult>;

export const BulkResult = z.object({
  action: z.enum(BULK_ACTIONS),
  total: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  items: z.array(BulkItemResult),
});
export type BulkResult = z.infer<typeof BulkResult>;

/** How many incidents a filter selects, before the coordinator confirms "all N matching". */
export const BulkCountInput = z.object({ filter: IncidentFilters });
export type BulkCountInput = z.infer<typeof BulkCountInput>;
