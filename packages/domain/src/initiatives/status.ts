import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';
import { INITIATIVE_STATUSES, type InitiativeStatus } from './plan.ts';

/** Statuses after which the initiative is history: no milestone or KPI changes, no further steps. */
export const CLOSED_INITIATIVE_STATUSES = ['completed', 'cancelled'] as const satisfies readonly InitiativeStatus[];
export const isClosedInitiativeStatus = (s: InitiativeStatus) => (CLOSED_INITIATIVE_STATUSES as readonly InitiativeStatus[]).includes(s);

export type InitiativeStep = 'approve' | 'activate' | 'hold' | 'resume' | 'complete' | 'cancel';
export type InitiativeStepNeeds = 'reason';

interface InitiativeTransitionRule {
  /** Admins manage the registry (DESIGN: Initiative): nobody else moves an initiative. */
  by: readonly ['admin'];
  step: InitiativeStep;
  needs?: InitiativeStepNeeds;
}

const step = (s: InitiativeStep) => ({ by: ['admin'], step: s }) as const;
// A cancelled initiative disappears from the plan's totals: the registry says why.
const CANCEL = { by: ['admin'], step: 'cancel', needs: 'reason' } as const;

/**
 * proposed → approved → active → completed; active ↔ on_hold; any status but completed → cancelled.
 * from → to → who may take the step and what it needs.
 */
export const INITIATIVE_TRANSITIONS = {
  proposed: { approved: step('approve'), cancelled: CANCEL },
  approved: { active: step('activate'), cancelled: CANCEL },
  active: { on_hold: step('hold'), completed: step('complete'), cancelled: CANCEL },
  on_hold: { active: step('resume'), cancelled: CANCEL },
  completed: {},
  cancelled: {},
} as const satisfies Record<InitiativeStatus, Partial<Record<InitiativeStatus, InitiativeTransitionRule>>>;

export function initiativeTransitionRule(from: InitiativeStatus, to: InitiativeStatus): InitiativeTransitionRule | undefined {
  const row: Partial<Record<InitiativeStatus, InitiativeTransitionRule>> = INITIATIVE_TRANSITIONS[from];
  return row[to];
}

export interface AllowedInitiativeTransition {
  to: InitiativeStatus;
  step: InitiativeStep;
  needs: InitiativeStepNeeds | null;
}

/** The steps this actor may take from where the initiative is now (the portal offers only these). */
export function allowedInitiativeTransitions(actor: Pick<Actor, 'role'>, status: InitiativeStatus): AllowedInitiativeTransition[] {
  return INITIATIVE_STATUSES.flatMap((to) => {
    const rule = initiativeTransitionRule(status, to);
    return rule && (rule.by as readonly string[]).includes(actor.role) ? [{ to, step: rule.step, needs: rule.needs ?? null }] : [];
  });
}

/** What the rules need to know about the initiative. */
export interface InitiativeTransitionFacts {
  status: InitiativeStatus;
  /** Milestones not yet done: an initiative with work outstanding is not "completed" (cancel it instead). */
  openMilestones: number;
}

/**
 * Checks one step; throws what the API answers: INVALID_TRANSITION when the step does not exist
 * from here, FORBIDDEN when the role may not take it, BAD_REQUEST on `reason` when a cancel has
 * none, UNPROCESSABLE when completing with milestones still open.
 */
export function checkInitiativeTransition(
  actor: Pick<Actor, 'role'>,
  initiative: InitiativeTransitionFacts,
  request: { to: InitiativeStatus; reason?: string | undefined },
): { step: InitiativeStep } {
  const rule = initiativeTransitionRule(initiative.status, request.to);
  if (!rule) throw new DomainError('INVALID_TRANSITION', 'initiative_transition_not_allowed');
  if (!(rule.by as readonly string[]).includes(actor.role)) throw new DomainError('FORBIDDEN', 'initiative_admin_only');
  if (rule.needs === 'reason' && !request.reason?.trim()) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { reason: ['reason_required'] } });
  }
  if (rule.step === 'complete' && initiative.openMilestones > 0) throw new DomainError('UNPROCESSABLE', 'initiative_milestones_open');
  return { step: rule.step };
}
