import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';

export const TASK_STATUSES = ['open', 'in_progress', 'blocked', 'in_review', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** Statuses in which the work is over: no clock runs, nothing is overdue, edits need a reopen first. */
export const CLOSED_TASK_STATUSES = ['done', 'cancelled'] as const satisfies readonly TaskStatus[];
/** Statuses in which the work is still owed (the complement of CLOSED_TASK_STATUSES). */
export const ACTIVE_TASK_STATUSES = ['open', 'in_progress', 'blocked', 'in_review'] as const satisfies readonly TaskStatus[];
export const isClosedTaskStatus = (s: TaskStatus) => (CLOSED_TASK_STATUSES as readonly TaskStatus[]).includes(s);

/**
 * Who takes a step: `assignee` is staff of the agency the task is assigned to (DESIGN: Task);
 * `coordinator` is any ANC coordinator. Nobody else moves a task.
 */
export type TaskParty = 'assignee' | 'coordinator';
/** What the step must carry in `comment`: a comment for the assignee (return, reopen) or a reason (block, cancel). */
export type TaskStepNeeds = 'comment' | 'reason';
/** Names of the steps, for labels and notifications (the same `to` can mean two things: start vs. return). */
export type TaskStep = 'start' | 'resume' | 'block' | 'submit_review' | 'approve' | 'return' | 'cancel' | 'reopen';

interface TaskTransitionRule {
  by: TaskParty;
  step: TaskStep;
  needs?: TaskStepNeeds;
}

const CANCEL = { by: 'coordinator', step: 'cancel', needs: 'reason' } as const;
const BLOCK = { by: 'assignee', step: 'block', needs: 'reason' } as const;

/** The task state machine: from → to → who may take the step and what it needs. */
export const TASK_TRANSITIONS = {
  open: { in_progress: { by: 'assignee', step: 'start' }, blocked: BLOCK, cancelled: CANCEL },
  in_progress: { in_review: { by: 'assignee', step: 'submit_review' }, blocked: BLOCK, cancelled: CANCEL },
  blocked: { in_progress: { by: 'assignee', step: 'resume' }, cancelled: CANCEL },
  in_review: {
    done: { by: 'coordinator', step: 'approve' },
    // Returned work needs to say what is missing: the agency reads it in its notification.
    in_progress: { by: 'coordinator', step: 'return', needs: 'comment' },
    cancelled: CANCEL,
  },
  // Reopening undoes a sign-off: the agency is told why.
  done: { in_progress: { by: 'coordinator', step: 'reopen', needs: 'comment' } },
  cancelled: {},
} as const satisfies Record<TaskStatus, Partial<Record<TaskStatus, TaskTransitionRule>>>;

export function taskTransitionRule(from: TaskStatus, to: TaskStatus): TaskTransitionRule | undefined {
  const row: Partial<Record<TaskStatus, TaskTransitionRule>> = TASK_TRANSITIONS[from];
  return row[to];
}

/** Facts about a task the rules need. */
export interface TaskFacts {
  status: TaskStatus;
  assigneeAgencyId: string;
}

/** The party the actor is for this task, or null when they take no part in moving it. */
export function taskPartyOf(actor: Pick<Actor, 'role' | 'agencyId'>, task: Pick<TaskFacts, 'assigneeAgencyId'>): TaskParty | null {
  if (actor.role === 'coordinator') return 'coordinator';
  if (actor.role === 'staff' && actor.agencyId === task.assigneeAgencyId) return 'assignee';
  return null;
}

export interface AllowedTaskTransition {
  to: TaskStatus;
  step: TaskStep;
  needs: TaskStepNeeds | null;
}

/** The steps this actor may take from where the task is now (the portal shows only these). */
export function allowedTaskTransitions(actor: Pick<Actor, 'role' | 'agencyId'>, task: TaskFacts): AllowedTaskTransition[] {
  const party = taskPartyOf(actor, task);
  if (!party) return [];
  return TASK_STATUSES.flatMap((to) => {
    const rule = taskTransitionRule(task.status, to);
    return rule && rule.by === party ? [{ to, step: rule.step, needs: rule.needs ?? null }] : [];
  });
}

/**
 * Checks one step and returns it; throws what the API answers: INVALID_TRANSITION when the step
 * does not exist from here, FORBIDDEN when it exists but belongs to the other party, BAD_REQUEST on
 * `comment` when a required comment or reason is missing.
 */
export function checkTaskTransition(
  actor: Pick<Actor, 'role' | 'agencyId'>,
  task: TaskFacts,
  request: { to: TaskStatus; comment?: string | undefined },
): { step: TaskStep; needs: TaskStepNeeds | null } {
  const rule = taskTransitionRule(task.status, request.to);
  if (!rule) throw new DomainError('INVALID_TRANSITION', 'task_transition_not_allowed');
  if (taskPartyOf(actor, task) !== rule.by) {
    throw new DomainError('FORBIDDEN', rule.by === 'coordinator' ? 'task_transition_coordinator_only' : 'task_transition_assignee_only');
  }
  if (rule.needs && !request.comment?.trim()) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', {
      fieldErrors: { comment: [rule.needs === 'reason' ? 'reason_required' : 'comment_required'] },
    });
  }
  return { step: rule.step, needs: rule.needs ?? null };
}

/**
 * Reassigning to another agency: work the old agency had under way (started, blocked or in review)
 * starts over as `open` for the new one; open work stays open. Closed work cannot be reassigned
 * (capability `reassign`).
 */
export function statusAfterReassign(status: TaskStatus): TaskStatus {
  return status === 'in_progress' || status === 'blocked' || status === 'in_review' ? 'open' : status;
}
