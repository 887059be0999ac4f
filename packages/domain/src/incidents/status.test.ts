import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { ROLES } from '../roles.ts';
import {
  INCIDENT_STATUSES,
  allowedIncidentTransitions,
  checkIncidentTransition,
  checkMergeTarget,
  incidentTransitionNeeds,
  type IncidentStatus,
} from './status.ts';

// Written out from docs/DESIGN.md independently of the table: from → [to, needs].
const EXPECTED: Record<IncidentStatus, Partial<Record<IncidentStatus, 'reason' | 'mergeInto' | null>>> = {
  submitted: { triaged: null, rejected: 'reason', merged: 'mergeInto' },
  triaged: { investigating: null, rejected: 'reason', merged: 'mergeInto' },
  investigating: { contained: null, merged: 'mergeInto' },
  contained: { resolved: null, merged: 'mergeInto' },
  resolved: { closed: null, investigating: 'reason' },
  closed: { investigating: 'reason' },
  rejected: {},
  merged: {},
};

const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DomainError ? `${e.code}:${e.reason}` : 'other';
  }
};

const expectedOutcome = (role: string, from: IncidentStatus, to: IncidentStatus) => {
  if (EXPECTED[from][to] === undefined) return 'INVALID_TRANSITION:incident_transition_not_allowed';
  return role === 'coordinator' ? null : 'FORBIDDEN:incident_transition_coordinator_only';
};
const CELLS = INCIDENT_STATUSES.flatMap((from) => INCIDENT_STATUSES.flatMap((to) => ROLES.map((role) => ({ from, to, role }))));
const NEEDING = INCIDENT_STATUSES.flatMap((from) =>
  INCIDENT_STATUSES.filter((to) => EXPECTED[from][to]).map((to) => ({ from, to, needs: EXPECTED[from][to] })),
);
const coordinator = { role: 'coordinator' as const };

describe('incident state machine', () => {
  it.each(CELLS)('$role: $from → $to', ({ from, to, role }) => {
    const outcome = codeOf(() => checkIncidentTransition({ role }, { id: 'a', status: from }, { to, reason: 'porque sí', mergeIntoId: 'b' }));
    expect(outcome).toBe(expectedOutcome(role, from, to));
    expect(allowedIncidentTransitions({ role }, from).includes(to)).toBe(expectedOutcome(role, from, to) === null);
  });

  it.each(NEEDING)('$from → $to needs its $needs', ({ from, to, needs }) => {
    const incident = { id: 'a', status: from };
    expect(codeOf(() => checkIncidentTransition(coordinator, incident, { to }))).toBe('BAD_REQUEST:invalid_input');
    const blank = codeOf(() => checkIncidentTransition(coordinator, incident, { to, reason: '   ', mergeIntoId: needs === 'mergeInto' ? 'a' : undefined }));
    expect(blank).toBe(needs === 'reason' ? 'BAD_REQUEST:invalid_input' : 'UNPROCESSABLE:merge_into_self');
  });

  it('tells what each step needs, the same cells as the checks', () => {
    for (const from of INCIDENT_STATUSES) {
      for (const to of INCIDENT_STATUSES) {
        expect(incidentTransitionNeeds(from, to), `${from} → ${to}`).toBe(EXPECTED[from][to] ?? undefined);
      }
    }
  });

  it('names the missing field in the error', () => {
    const error = (() => {
      try {
        checkIncidentTransition(coordinator, { id: 'a', status: 'submitted' }, { to: 'rejected' });
        return null;
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(error?.fieldErrors).toEqual({ reason: ['reason_required'] });
  });

  it('refuses to merge into a rejected or merged incident', () => {
    expect(codeOf(() => checkMergeTarget({ status: 'merged' }))).toBe('UNPROCESSABLE:merge_target_not_open');
    expect(codeOf(() => checkMergeTarget({ status: 'rejected' }))).toBe('UNPROCESSABLE:merge_target_not_open');
    expect(codeOf(() => checkMergeTarget({ status: 'closed' }))).toBeNull();
  });
});
