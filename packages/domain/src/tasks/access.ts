import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';
import type { MessageKey } from '../catalogue/validation.ts';
import { isClosedTaskStatus, type TaskFacts } from './status.ts';

/**
 * Who may read a task: ANC coordinators and admins read every task; staff read the tasks assigned
 * to their own agency and nothing else (a read outside answers NOT_FOUND). The SQL scope in
 * @anc/db mirrors this and is tested against it.
 */
export const seesEveryTask = (actor: Pick<Actor, 'role'>) => actor.role === 'coordinator' || actor.role === 'admin';

export function canReadTask(actor: Pick<Actor, 'role' | 'agencyId'>, task: Pick<TaskFacts, 'assigneeAgencyId'>): boolean {
  return seesEveryTask(actor) || task.assigneeAgencyId === actor.agencyId;
}

/** What the caller may do with a task they can read; the portal shows only these actions. */
export const TASK_CAPABILITIES = ['edit', 'reassign', 'comment'] as const;
export type TaskCapability = (typeof TASK_CAPABILITIES)[number];
export type TaskCapabilities = Record<TaskCapability, boolean>;

/** Whether this party may ever do it, whether the task's state allows it now, and the reason when not. */
interface CapabilityRule {
  party: boolean;
  state: boolean;
  reason: MessageKey;
}

function capabilityRule(actor: Pick<Actor, 'role' | 'agencyId'>, task: TaskFacts, what: TaskCapability): CapabilityRule {
  const coordinator = actor.role === 'coordinator';
  const assignee = actor.role === 'staff' && actor.agencyId === task.assigneeAgencyId;
  switch (what) {
    case 'edit':
    case 'reassign':
      // A finished or cancelled task is a record: a coordinator reopens it before changing it.
      return { party: coordinator, state: !isClosedTaskStatus(task.status), reason: 'task_closed' };
    case 'comment':
      return { party: coordinator || assignee, state: task.status !== 'cancelled', reason: 'task_cancelled' };
  }
}

export function taskCapabilities(actor: Pick<Actor, 'role' | 'agencyId'>, task: TaskFacts): TaskCapabilities {
  const out = {} as TaskCapabilities;
  for (const what of TASK_CAPABILITIES) {
    const rule = capabilityRule(actor, task, what);
    out[what] = rule.party && rule.state;
  }
  return out;
}

/** FORBIDDEN when this party may never do it; UNPROCESSABLE (with the rule) when the task's state forbids it now. */
export function assertTaskCapability(actor: Pick<Actor, 'role' | 'agencyId'>, task: TaskFacts, what: TaskCapability): void {
  const rule = capabilityRule(actor, task, what);
  if (!rule.party) throw new DomainError('FORBIDDEN', 'role_not_allowed');
  if (!rule.state) throw new DomainError('UNPROCESSABLE', rule.reason);
}

/** The assignee user, when one is named, must be active staff of the assignee agency. */
export function assigneeUserProblem(user: { agencyId: string; role: string; active: boolean } | null, assigneeAgencyId: string): MessageKey | null {
  if (!user) return 'not_found';
  if (user.agencyId !== assigneeAgencyId) return 'assignee_not_in_agency';
  if (!user.active) return 'user_inactive';
  if (user.role !== 'staff') return 'assignee_not_staff';
  return null;
}
