import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { TASK_STATUSES, allowedTaskTransitions, checkTaskTransition, statusAfterReassign, taskPartyOf, type TaskStatus } from './status.ts';

// Written out from docs/DESIGN.md (Task) independently of the table: from → to → [who, what it needs].
type Who = 'assignee' | 'coordinator';
const EXPECTED: Record<TaskStatus, Partial<Record<TaskStatus, [Who, 'comment' | 'reason' | null]>>> = {
  open: { in_progress: ['assignee', null], blocked: ['assignee', 'reason'], cancelled: ['coordinator', 'reason'] },
  in_progress: { in_review: ['assignee', null], blocked: ['assignee', 'reason'], cancelled: ['coordinator', 'reason'] },
  blocked: { in_progress: ['assignee', null], cancelled: ['coordinator', 'reason'] },
  in_review: { done: ['coordinator', null], in_progress: ['coordinator', 'comment'], cancelled: ['coordinator', 'reason'] },
  done: { in_progress: ['coordinator', 'comment'] },
  cancelled: {},
};

const ASSIGNED = 'agency-a';
/** Every kind of caller: the two parties of the machine and everyone who takes no part. */
const ACTORS = {
  assigneeStaff: { role: 'staff', agencyId: ASSIGNED },
  otherAgencyStaff: { role: 'staff', agencyId: 'agency-b' },
  coordinator: { role: 'coordinator', agencyId: 'anc' },
  admin: { role: 'admin', agencyId: 'anc' },
} as const;
const PARTY: Record<keyof typeof ACTORS, Who | null> = { assigneeStaff: 'assignee', otherAgencyStaff: null, coordinator: 'coordinator', admin: null };

const outcomeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.reason}` : 'other';
  }
};

function expectedOutcome(actor: keyof typeof ACTORS, from: TaskStatus, to: TaskStatus): string | null {
  const rule = EXPECTED[from][to];
  if (!rule) return 'INVALID_TRANSITION:task_transition_not_allowed';
  if (PARTY[actor] !== rule[0]) return rule[0] === 'coordinator' ? 'FORBIDDEN:task_transition_coordinator_only' : 'FORBIDDEN:task_transition_assignee_only';
  return null;
}

const CELLS = TASK_STATUSES.flatMap((from) =>
  TASK_STATUSES.flatMap((to) => (Object.keys(ACTORS) as (keyof typeof ACTORS)[]).map((actor) => ({ from, to, actor }))),
);
const NEEDING = TASK_STATUSES.flatMap((from) =>
  TASK_STATUSES.flatMap((to) => {
    const rule = EXPECTED[from][to];
    return rule?.[1] ? [{ from, to, who: rule[0], needs: rule[1] }] : [];
  }),
);

const steps = (actor: keyof typeof ACTORS, status: TaskStatus) =>
  allowedTaskTransitions(ACTORS[actor], { status, assigneeAgencyId: ASSIGNED }).map((t) => `${t.to}:${t.step}:${t.needs}`);

describe('task state machine', () => {
  it.each(CELLS)('$actor: $from → $to', ({ from, to, actor }) => {
    const task = { status: from, assigneeAgencyId: ASSIGNED };
    const expected = expectedOutcome(actor, from, to);
    expect(outcomeOf(() => checkTaskTransition(ACTORS[actor], task, { to, comment: 'Listo, ver anexo.' }))).toBe(expected);
    expect(allowedTaskTransitions(ACTORS[actor], task).some((t) => t.to === to)).toBe(expected === null);
  });

  it.each(NEEDING)('$from → $to needs a $needs', ({ from, to, who, needs }) => {
    const actor = who === 'coordinator' ? ACTORS.coordinator : ACTORS.assigneeStaff;
    const task = { status: from, assigneeAgencyId: ASSIGNED };
    for (const comment of [undefined, '', '   ']) {
      let error: DomainError | null = null;
      try {
        checkTaskTransition(actor, task, { to, comment });
      } catch (e) {
        error = e as DomainError;
      }
      expect(error?.code).toBe('BAD_REQUEST');
      expect(error?.fieldErrors).toEqual({ comment: [needs === 'reason' ? 'reason_required' : 'comment_required'] });
    }
    expect(checkTaskTransition(actor, task, { to, comment: 'Falta el informe de contención.' }).needs).toBe(needs);
  });

  it('steps without a requirement pass without a comment', () => {
    expect(checkTaskTransition(ACTORS.assigneeStaff, { status: 'open', assigneeAgencyId: ASSIGNED }, { to: 'in_progress' })).toEqual({
      step: 'start',
      needs: null,
    });
    expect(checkTaskTransition(ACTORS.coordinator, { status: 'in_review', assigneeAgencyId: ASSIGNED }, { to: 'done' })).toEqual({
      step: 'approve',
      needs: null,
    });
  });

  it('names each step so that in_review → in_progress reads as a return and done → in_progress as a reopen', () => {
    expect(steps('coordinator', 'in_review')).toEqual(['in_progress:return:comment', 'done:approve:null', 'cancelled:cancel:reason']);
    expect(steps('coordinator', 'done')).toEqual(['in_progress:reopen:comment']);
    expect(steps('assigneeStaff', 'open')).toEqual(['in_progress:start:null', 'blocked:block:reason']);
    expect(steps('assigneeStaff', 'blocked')).toEqual(['in_progress:resume:null']);
    expect(steps('otherAgencyStaff', 'open')).toEqual([]);
    expect(steps('admin', 'in_review')).toEqual([]);
  });

  it('a cancelled task is final for everyone', () => {
    for (const actor of Object.values(ACTORS)) expect(allowedTaskTransitions(actor, { status: 'cancelled', assigneeAgencyId: ASSIGNED })).toEqual([]);
  });

  it('only staff of the assignee agency are its assignee party', () => {
    expect(taskPartyOf(ACTORS.assigneeStaff, { assigneeAgencyId: ASSIGNED })).toBe('assignee');
    expect(taskPartyOf(ACTORS.otherAgencyStaff, { assigneeAgencyId: ASSIGNED })).toBeNull();
    expect(taskPartyOf(ACTORS.coordinator, { assigneeAgencyId: ASSIGNED })).toBe('coordinator');
    expect(taskPartyOf(ACTORS.admin, { assigneeAgencyId: ASSIGNED })).toBeNull();
  });
});

describe('reassigning', () => {
  it('sends work under way back to open for the new agency and leaves the rest as it is', () => {
    expect(Object.fromEntries(TASK_STATUSES.map((s) => [s, statusAfterReassign(s)]))).toEqual({
      open: 'open',
      in_progress: 'open',
      blocked: 'open',
      in_review: 'open',
      done: 'done',
      cancelled: 'cancelled',
    });
  });
});
