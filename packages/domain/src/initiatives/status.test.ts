import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { ROLES, type Role } from '../roles.ts';
import { INITIATIVE_STATUSES, type InitiativeStatus } from './plan.ts';
import { allowedInitiativeTransitions, checkInitiativeTransition } from './status.ts';

// The machine as docs/DESIGN.md states it, written out independently of INITIATIVE_TRANSITIONS:
// proposed → approved → active → completed; active ↔ on_hold; any status but completed → cancelled.
const EDGES: Record<InitiativeStatus, InitiativeStatus[]> = {
  proposed: ['approved', 'cancelled'],
  approved: ['active', 'cancelled'],
  active: ['on_hold', 'completed', 'cancelled'],
  on_hold: ['active', 'cancelled'],
  completed: [],
  cancelled: [],
};

function outcome(role: Role, from: InitiativeStatus, to: InitiativeStatus, request: { reason?: string; openMilestones?: number } = {}) {
  try {
    checkInitiativeTransition({ role }, { status: from, openMilestones: request.openMilestones ?? 0 }, { to, reason: request.reason });
    return 'OK';
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return `${e.code}:${e.reason}${e.fieldErrors ? `:${Object.keys(e.fieldErrors).join(',')}` : ''}`;
  }
}

describe('initiative state machine: every from × to × role', () => {
  for (const from of INITIATIVE_STATUSES) {
    for (const to of INITIATIVE_STATUSES) {
      for (const role of ROLES) {
        const edge = EDGES[from].includes(to);
        const expected = !edge ? 'INVALID_TRANSITION:initiative_transition_not_allowed' : role !== 'admin' ? 'FORBIDDEN:initiative_admin_only' : 'OK';
        it(`${role}: ${from} → ${to} is ${expected}`, () => {
          // A reason is given so that only the edge and the role decide; the reason rule is tested below.
          expect(outcome(role, from, to, { reason: 'Reasignación presupuestal del ejercicio fiscal.' })).toBe(expected);
        });
      }
    }
  }

  it('lists the steps an admin may take from each status, and none for anyone else', () => {
    for (const from of INITIATIVE_STATUSES) {
      expect(
        allowedInitiativeTransitions({ role: 'admin' }, from)
          .map((t) => t.to)
          .sort(),
      ).toEqual([...EDGES[from]].sort());
      expect(allowedInitiativeTransitions({ role: 'coordinator' }, from)).toEqual([]);
      expect(allowedInitiativeTransitions({ role: 'staff' }, from)).toEqual([]);
    }
  });

  it('says which steps need a reason: cancelling, and only cancelling', () => {
    const needs = INITIATIVE_STATUSES.flatMap((from) => allowedInitiativeTransitions({ role: 'admin' }, from).map((t) => `${from}→${t.to}:${t.needs}`));
    expect(needs.filter((n) => n.endsWith(':reason')).sort()).toEqual([
      'active→cancelled:reason',
      'approved→cancelled:reason',
      'on_hold→cancelled:reason',
      'proposed→cancelled:reason',
    ]);
    expect(needs.filter((n) => !n.endsWith(':reason')).every((n) => n.endsWith(':null'))).toBe(true);
  });
});

describe('initiative transition rules beyond the edges', () => {
  it('refuses a cancel without a reason (blank counts as none), on the reason field', () => {
    for (const from of ['proposed', 'approved', 'active', 'on_hold'] as const) {
      expect(outcome('admin', from, 'cancelled')).toBe('BAD_REQUEST:invalid_input:reason');
      expect(outcome('admin', from, 'cancelled', { reason: '   ' })).toBe('BAD_REQUEST:invalid_input:reason');
      expect(outcome('admin', from, 'cancelled', { reason: 'Se fusionó con PN-2027-002.' })).toBe('OK');
    }
  });

  it('does not need a reason for the other steps', () => {
    expect(outcome('admin', 'proposed', 'approved')).toBe('OK');
    expect(outcome('admin', 'active', 'on_hold')).toBe('OK');
    expect(outcome('admin', 'on_hold', 'active')).toBe('OK');
  });

  it('completes an initiative only when no milestone is open', () => {
    expect(outcome('admin', 'active', 'completed', { openMilestones: 1 })).toBe('UNPROCESSABLE:initiative_milestones_open');
    expect(outcome('admin', 'active', 'completed', { openMilestones: 0 })).toBe('OK');
    // Open milestones do not stand in the way of cancelling or pausing.
    expect(outcome('admin', 'active', 'cancelled', { openMilestones: 3, reason: 'Sin presupuesto.' })).toBe('OK');
    expect(outcome('admin', 'active', 'on_hold', { openMilestones: 3 })).toBe('OK');
  });

  it('checks the edge before the role, and the role before the reason', () => {
    expect(outcome('staff', 'completed', 'cancelled')).toBe('INVALID_TRANSITION:initiative_transition_not_allowed');
    expect(outcome('coordinator', 'active', 'cancelled')).toBe('FORBIDDEN:initiative_admin_only');
  });
});
