import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { TASK_STATUSES } from './status.ts';
import { assertTaskCapability, assigneeUserProblem, canReadTask, taskCapabilities } from './access.ts';

const A = 'agency-a';
const staffA = { role: 'staff', agencyId: A } as const;
const staffB = { role: 'staff', agencyId: 'agency-b' } as const;
const coordinator = { role: 'coordinator', agencyId: 'anc' } as const;
const admin = { role: 'admin', agencyId: 'anc' } as const;

const reasonOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.reason}` : 'other';
  }
};

describe('who may read a task', () => {
  it('coordinators and admins read every task; staff only their own agency’s', () => {
    expect(canReadTask(coordinator, { assigneeAgencyId: A })).toBe(true);
    expect(canReadTask(admin, { assigneeAgencyId: A })).toBe(true);
    expect(canReadTask(staffA, { assigneeAgencyId: A })).toBe(true);
    expect(canReadTask(staffB, { assigneeAgencyId: A })).toBe(false);
  });
});

describe('task capabilities', () => {
  it.each(TASK_STATUSES)('%s: coordinators edit and reassign open work only; the assignee and coordinators comment unless cancelled', (status) => {
    const task = { status, assigneeAgencyId: A };
    const closed = status === 'done' || status === 'cancelled';
    expect(taskCapabilities(coordinator, task)).toEqual({ edit: !closed, reassign: !closed, comment: status !== 'cancelled' });
    expect(taskCapabilities(staffA, task)).toEqual({ edit: false, reassign: false, comment: status !== 'cancelled' });
    expect(taskCapabilities(staffB, task)).toEqual({ edit: false, reassign: false, comment: false });
    expect(taskCapabilities(admin, task)).toEqual({ edit: false, reassign: false, comment: false });
  });

  it('says FORBIDDEN for the wrong party and UNPROCESSABLE with the rule for the wrong state', () => {
    expect(reasonOf(() => assertTaskCapability(staffA, { status: 'open', assigneeAgencyId: A }, 'edit'))).toBe('FORBIDDEN:role_not_allowed');
    expect(reasonOf(() => assertTaskCapability(coordinator, { status: 'done', assigneeAgencyId: A }, 'reassign'))).toBe('UNPROCESSABLE:task_closed');
    expect(reasonOf(() => assertTaskCapability(staffA, { status: 'cancelled', assigneeAgencyId: A }, 'comment'))).toBe('UNPROCESSABLE:task_cancelled');
    expect(reasonOf(() => assertTaskCapability(coordinator, { status: 'in_review', assigneeAgencyId: A }, 'edit'))).toBeNull();
  });
});

describe('assignee user', () => {
  it('must be active staff of the assignee agency', () => {
    expect(assigneeUserProblem({ agencyId: A, role: 'staff', active: true }, A)).toBeNull();
    expect(assigneeUserProblem({ agencyId: 'agency-b', role: 'staff', active: true }, A)).toBe('assignee_not_in_agency');
    expect(assigneeUserProblem({ agencyId: A, role: 'staff', active: false }, A)).toBe('user_inactive');
    expect(assigneeUserProblem({ agencyId: A, role: 'coordinator', active: true }, A)).toBe('assignee_not_staff');
    expect(assigneeUserProblem(null, A)).toBe('not_found');
  });
});
