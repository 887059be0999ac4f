import { describe, expect, it } from 'vitest';
import { formatMxDateTime } from '../time.ts';
import { REPORTING_POLICY, addCalendarMonths, nextObligation, nextObligationState, obligationsFor } from './obligations.ts';

const at = (iso: string) => new Date(iso);
const H = 3_600_000;

describe('calendar months in Mexico City', () => {
  it('clamps 31 January to the end of February (28 in 2026, 29 in 2028)', () => {
    // 31 Jan 2026 10:00 in Mexico City is 16:00 UTC.
    expect(addCalendarMonths(at('2026-01-31T16:00:00Z'), 1).toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(addCalendarMonths(at('2028-01-31T16:00:00Z'), 1).toISOString()).toBe('2028-02-29T16:00:00.000Z');
  });

  it('counts the month on the Mexico City date, not the UTC one', () => {
    // 31 Jan 2026 20:00 in Mexico City is already 1 Feb 02:00 UTC: due 28 Feb 20:00 local, not 1 Mar.
    expect(addCalendarMonths(at('2026-02-01T02:00:00Z'), 1).toISOString()).toBe('2026-03-01T02:00:00.000Z');
    expect(formatMxDateTime(addCalendarMonths(at('2026-02-01T02:00:00Z'), 1), 'en')).toBe('Feb 28, 2026, 20:00');
  });

  it('crosses the year and keeps the same day where it exists', () => {
    expect(addCalendarMonths(at('2026-12-15T18:30:00Z'), 1).toISOString()).toBe('2027-01-15T18:30:00.000Z');
    expect(addCalendarMonths(at('2026-03-31T12:00:00Z'), 1).toISOString()).toBe('2026-04-30T12:00:00.000Z');
  });
});

describe('reporting obligations', () => {
  const awareAt = at('2026-11-20T12:00:00Z');
  const base = { awareAt, filedAt: at('2026-11-20T15:00:00Z'), notificationSubmittedAt: null, finalReportSubmittedAt: null };

  it('filing the report is the early warning; notification due 72 h after awareness', () => {
    const [early, notification, final] = obligationsFor(base, at('2026-11-21T00:00:00Z'));
    expect(early).toMatchObject({ kind: 'early_warning', state: 'met', dueAt: at('2026-11-21T12:00:00Z') });
    expect(notification).toMatchObject({ kind: 'notification', state: 'pending', dueAt: at('2026-11-23T12:00:00Z') });
    // While the notification is missing, the final report counts from when it was due.
    expect(final).toMatchObject({ kind: 'final_report', state: 'pending', dueAt: at('2026-12-23T12:00:00Z') });
  });

  it('a report filed after 24 h makes the early warning late', () => {
    const [early] = obligationsFor({ ...base, filedAt: at('2026-11-21T12:00:00.001Z') }, at('2026-11-22T00:00:00Z'));
    expect(early?.state).toBe('late');
  });

  it('exactly at the deadline is still on time; a millisecond later is overdue', () => {
    const due = at('2026-11-23T12:00:00Z');
    expect(obligationsFor(base, due)[1]?.state).toBe('due_soon');
    expect(obligationsFor(base, new Date(due.getTime() + 1))[1]?.state).toBe('overdue');
    expect(obligationsFor({ ...base, notificationSubmittedAt: due }, due)[1]?.state).toBe('met');
    expect(obligationsFor({ ...base, notificationSubmittedAt: new Date(due.getTime() + 1) }, due)[1]?.state).toBe('late');
  });

  it('is due soon from the last quarter of its window (18 h of 72)', () => {
    const soon = new Date(awareAt.getTime() + 54 * H);
    expect(obligationsFor(base, new Date(soon.getTime() - 1))[1]?.state).toBe('pending');
    expect(obligationsFor(base, soon)[1]?.state).toBe('due_soon');
    expect(REPORTING_POLICY.dueSoonFraction).toBe(0.25);
  });

  it('the final report is due one calendar month after the notification, across a month end', () => {
    const facts = { ...base, awareAt: at('2026-01-29T18:00:00Z'), filedAt: at('2026-01-29T19:00:00Z'), notificationSubmittedAt: at('2026-01-31T18:00:00Z') };
    const final = obligationsFor(facts, at('2026-02-01T00:00:00Z'))[2];
    expect(final?.dueAt.toISOString()).toBe('2026-02-28T18:00:00.000Z');
    expect(formatMxDateTime(final?.dueAt ?? new Date(0), 'es-MX')).toMatch(/^28 feb 2026, 12:00$/);
  });

  it('names the next obligation still owed, and none once the clocks stop', () => {
    const obligations = obligationsFor(base, at('2026-11-21T00:00:00Z'));
    expect(nextObligation(obligations, 'triaged')?.kind).toBe('notification');
    expect(nextObligation(obligations, 'rejected')).toBeNull();
    expect(nextObligation(obligations, 'merged')).toBeNull();
    const filed = obligationsFor({ ...base, notificationSubmittedAt: at('2026-11-21T00:00:00Z') }, at('2026-11-21T00:00:00Z'));
    expect(nextObligation(filed, 'closed')?.kind).toBe('final_report');
    const all = obligationsFor(
      { ...base, notificationSubmittedAt: at('2026-11-21T00:00:00Z'), finalReportSubmittedAt: at('2026-11-22T00:00:00Z') },
      at('2026-11-23T00:00:00Z'),
    );
    expect(nextObligation(all, 'closed')).toBeNull();
  });

  it('computes the state of a stored next obligation with the same rule', () => {
    const [, notification] = obligationsFor(base, awareAt);
    if (!notification) throw new Error('no notification');
    expect(nextObligationState(notification, awareAt)).toBe('pending');
    expect(nextObligationState(notification, notification.dueSoonAt)).toBe('due_soon');
    expect(nextObligationState(notification, new Date(notification.dueAt.getTime() + 1))).toBe('overdue');
  });
});
