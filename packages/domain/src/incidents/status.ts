import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';

export const INCIDENT_STATUSES = ['submitted', 'triaged', 'investigating', 'contained', 'resolved', 'closed', 'rejected', 'merged'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Statuses in which the work is still going on: the ones that may be merged into another incident. */
export const ACTIVE_INCIDENT_STATUSES = ['submitted', 'triaged', 'investigating', 'contained'] as const satisfies readonly IncidentStatus[];
/** Statuses after which the reporting body may no longer add updates (a coordinator may still reopen). */
export const FINISHED_INCIDENT_STATUSES = ['closed', 'rejected', 'merged'] as const satisfies readonly IncidentStatus[];
/** Statuses in which the legal clocks no longer run: it was not an incident, or it lives on in another. */
export const CLOCKLESS_INCIDENT_STATUSES = ['rejected', 'merged'] as const satisfies readonly IncidentStatus[];

export const isActiveStatus = (s: IncidentStatus) => (ACTIVE_INCIDENT_STATUSES as readonly IncidentStatus[]).includes(s);
export const isFinishedStatus = (s: IncidentStatus) => (FINISHED_INCIDENT_STATUSES as readonly IncidentStatus[]).includes(s);

export type TransitionNeeds = 'reason' | 'mergeInto';
interface TransitionRule {
  /** Only coordinators move an incident past `submitted` (DESIGN: Incident). */
  by: readonly ['coordinator'];
  needs?: TransitionNeeds;
}

const COORD = { by: ['coordinator'] } as const;
const REJECT = { by: ['coordinator'], needs: 'reason' } as const;
const MERGE = { by: ['coordinator'], needs: 'mergeInto' } as const;
// Reopening undoes a closure someone signed off: the reason goes on the timeline.
const REOPEN = { by: ['coordinator'], needs: 'reason' } as const;

/** The incident state machine: from → to → who may take the step and what it needs. */
export const INCIDENT_TRANSITIONS = {
  submitted: { triaged: COORD, rejected: REJECT, merged: MERGE },
  triaged: { investigating: COORD, rejected: REJECT, merged: MERGE },
  investigating: { contained: COORD, merged: MERGE },
  contained: { resolved: COORD, merged: MERGE },
  resolved: { closed: COORD, investigating: REOPEN },
  closed: { investigating: REOPEN },
  rejected: {},
  merged: {},
} as const satisfies Record<IncidentStatus, Partial<Record<IncidentStatus, TransitionRule>>>;

function ruleFor(from: IncidentStatus, to: IncidentStatus): TransitionRule | undefined {
  const row: Partial<Record<IncidentStatus, TransitionRule>> = INCIDENT_TRANSITIONS[from];
  return row[to];
}

/**
 * What the step from → to needs ("reason" when the text is required: a reject or a reopen), or
 * undefined when any text is an optional note. The portal's dialog and its timeline word the text alike from it.
 */
export function incidentTransitionNeeds(from: IncidentStatus, to: IncidentStatus): TransitionNeeds | undefined {
  return ruleFor(from, to)?.needs;
}

/** The statuses this actor may move the incident to from where it is now. */
export function allowedIncidentTransitions(actor: Pick<Actor, 'role'>, status: IncidentStatus): IncidentStatus[] {
  return INCIDENT_STATUSES.filter((to) => {
    const rule = ruleFor(status, to);
    return rule !== undefined && (rule.by as readonly string[]).includes(actor.role);
  });
}

export interface TransitionRequest {
  to: IncidentStatus;
  reason?: string | undefined;
  mergeIntoId?: string | undefined;
}

/**
 * Checks one step of the machine and returns what it needs; throws the error the API answers with:
 * FORBIDDEN when the role may never take it, INVALID_TRANSITION when the step does not exist from
 * here, BAD_REQUEST (field by field) when a required reason or merge target is missing.
 */
export function checkIncidentTransition(
  actor: Pick<Actor, 'role'>,
  incident: { id: string; status: IncidentStatus },
  request: TransitionRequest,
): { needs: TransitionNeeds | undefined } {
  const rule = ruleFor(incident.status, request.to);
  if (!rule) throw new DomainError('INVALID_TRANSITION', 'incident_transition_not_allowed');
  if (!(rule.by as readonly string[]).includes(actor.role)) throw new DomainError('FORBIDDEN', 'incident_transition_coordinator_only');
  if (rule.needs === 'reason' && !request.reason?.trim()) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { reason: ['reason_required'] } });
  }
  if (rule.needs === 'mergeInto') {
    if (!request.mergeIntoId) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { mergeIntoId: ['merge_target_required'] } });
    if (request.mergeIntoId === incident.id) throw new DomainError('UNPROCESSABLE', 'merge_into_self');
  }
  return { needs: rule.needs };
}

/** The incident a duplicate is merged into must itself still be a live incident. */
export function checkMergeTarget(target: { status: IncidentStatus }): void {
  if (target.status === 'merged' || target.status === 'rejected') throw new DomainError('UNPROCESSABLE', 'merge_target_not_open');
}
