import { describe, expect, it } from 'vitest';
import { mexicoCityDayStart } from '../calendar.ts';
import {
  DEFAULT_POLICY_EFFECTIVE_DATE,
  designationDueDate,
  designationState,
  designationStateAt,
  missingDesignationRoles,
  type DesignationRole,
} from './clock.ts';

const policy = DEFAULT_POLICY_EFFECTIVE_DATE;
const partial: DesignationRole[] = ['titular', 'ric'];
const state = (today: string, designated: DesignationRole[] = partial) => designationState({ policyEffectiveDate: policy, designated, today });

describe('designation clock', () => {
  it('falls due 60 calendar days after the policy date (17 Dec 2025 → 15 Feb 2026)', () => {
    expect(designationDueDate('2025-12-17')).toBe('2026-02-15');
    expect(designationDueDate('2024-01-01')).toBe('2024-03-01'); // a leap year counts 29 February
    expect(() => designationDueDate('2025-02-30')).toThrow('not a date: 2025-02-30');
  });

  it('is pending until 16 days before the due day, due soon from 15 days before through the due day', () => {
    expect(state('2025-12-17')).toBe('pending');
    expect(state('2026-01-30')).toBe('pending'); // 16 days left
    expect(state('2026-01-31')).toBe('due_soon'); // 15 days left: the threshold
    expect(state('2026-02-14')).toBe('due_soon'); // one day before
    expect(state('2026-02-15')).toBe('due_soon'); // exactly on the due day: still on time
  });

  it('is overdue from the day after the due day', () => {
    expect(state('2026-02-16')).toBe('overdue');
    expect(state('2026-12-04', [])).toBe('overdue');
  });

  it('is complete once all three roles are designated, whatever the date', () => {
    const all: DesignationRole[] = ['ric_auxiliar', 'titular', 'ric'];
    expect(['2025-12-17', '2026-02-15', '2026-02-16', '2027-01-01'].map((d) => state(d, all))).toEqual(['complete', 'complete', 'complete', 'complete']);
    expect(state('2026-02-16', ['titular', 'ric', 'ric'])).toBe('overdue');
  });

  it('names the missing roles in the policy order', () => {
    expect(missingDesignationRoles(['ric'])).toEqual(['titular', 'ric_auxiliar']);
    expect(missingDesignationRoles([])).toEqual(['titular', 'ric', 'ric_auxiliar']);
  });

  it('counts Mexico City days: 23:59 of the due day there is still on time, 00:00 of the next is late', () => {
    const nextDay = mexicoCityDayStart('2026-02-16');
    expect(designationStateAt(policy, partial, new Date(nextDay.getTime() - 60_000))).toBe('due_soon');
    expect(designationStateAt(policy, partial, nextDay)).toBe('overdue');
    // 03:00 UTC on 16 Feb is 21:00 of the 15th in Mexico City.
    expect(designationStateAt(policy, partial, new Date('2026-02-16T03:00:00Z'))).toBe('due_soon');
  });
});
