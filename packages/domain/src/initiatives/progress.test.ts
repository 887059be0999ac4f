import { describe, expect, it } from 'vitest';
import { addDays, lastMexicoCityDays, mexicoCityDate, mexicoCityDayStart } from '../calendar.ts';
import { countMilestones, initiativeProgress, milestoneState } from './progress.ts';
import { INITIATIVE_STATUSES } from './plan.ts';

const m = (dueDate: string, doneDate: string | null = null) => ({ dueDate, doneDate });

describe('progress derived from milestones', () => {
  it('is 0 with no milestones at all', () => {
    expect(initiativeProgress(countMilestones([], '2027-03-01'))).toBe(0);
  });

  it('is 0 when none is done, done/total rounded when some are, 100 when all are', () => {
    const plan = [m('2027-01-31'), m('2027-02-28'), m('2027-03-31')];
    expect(initiativeProgress(countMilestones(plan, '2027-01-01'))).toBe(0);
    expect(initiativeProgress(countMilestones([m('2027-01-31', '2027-01-30'), m('2027-02-28'), m('2027-03-31')], '2027-01-01'))).toBe(33);
    expect(initiativeProgress(countMilestones([m('2027-01-31', '2027-01-30'), m('2027-02-28', '2027-02-27'), m('2027-03-31')], '2027-01-01'))).toBe(67);
    expect(
      initiativeProgress(
        countMilestones(
          plan.map((x) => ({ ...x, doneDate: '2027-04-01' })),
          '2027-05-01',
        ),
      ),
    ).toBe(100);
    expect(initiativeProgress({ total: 4, done: 2 })).toBe(50);
  });

  it('never rounds up to 100 with work left, nor down to 0 with work done', () => {
    expect(initiativeProgress({ total: 200, done: 199 })).toBe(99);
    expect(initiativeProgress({ total: 300, done: 1 })).toBe(1);
  });
});

describe('milestone lateness', () => {
  it('is late once its due day is over, not on the due day itself', () => {
    expect(milestoneState(m('2027-03-10'), '2027-03-09')).toBe('pending');
    expect(milestoneState(m('2027-03-10'), '2027-03-10')).toBe('pending');
    expect(milestoneState(m('2027-03-10'), '2027-03-11')).toBe('late');
  });

  it('tells a milestone done on time from one done late', () => {
    expect(milestoneState(m('2027-03-10', '2027-03-10'), '2027-06-01')).toBe('done');
    expect(milestoneState(m('2027-03-10', '2027-03-01'), '2027-06-01')).toBe('done');
    expect(milestoneState(m('2027-03-10', '2027-03-11'), '2027-06-01')).toBe('done_late');
  });

  it('is never late once the initiative is cancelled (nobody owes it), whatever else its status', () => {
    for (const status of INITIATIVE_STATUSES) {
      expect(milestoneState(m('2027-03-10'), '2027-03-11', status)).toBe(status === 'cancelled' ? 'pending' : 'late');
      expect(countMilestones([m('2027-01-01'), m('2027-01-01', '2027-01-02')], '2027-02-01', status)).toEqual({
        total: 2,
        done: 1,
        late: status === 'cancelled' ? 0 : 1,
      });
    }
    // done late stays done late: that is history
    expect(milestoneState(m('2027-03-10', '2027-03-11'), '2027-06-01', 'cancelled')).toBe('done_late');
  });

  it('counts done and late (open and past due) milestones', () => {
    expect(countMilestones([m('2027-01-01', '2027-01-05'), m('2027-01-01'), m('2027-12-01')], '2027-02-01')).toEqual({ total: 3, done: 1, late: 1 });
  });

  it('turns late at midnight in Mexico City, not at midnight UTC', () => {
    const due = m('2026-11-20');
    // 23:59 of the 20th in Mexico City is 05:59 UTC of the 21st: still the due day there.
    const lastMinute = new Date('2026-11-21T05:59:00Z');
    expect(mexicoCityDate(lastMinute)).toBe('2026-11-20');
    expect(milestoneState(due, mexicoCityDate(lastMinute))).toBe('pending');
    // 00:00 of the 21st in Mexico City (06:00 UTC): late.
    const midnight = new Date('2026-11-21T06:00:00Z');
    expect(mexicoCityDate(midnight)).toBe('2026-11-21');
    expect(milestoneState(due, mexicoCityDate(midnight))).toBe('late');
    // 18:00 UTC of the 20th is noon in Mexico City: the UTC date would be the same day, and so is the local one.
    expect(milestoneState(due, mexicoCityDate(new Date('2026-11-20T18:00:00Z')))).toBe('pending');
  });
});

describe('Mexico City calendar', () => {
  it('starts a day at 00:00 local (06:00 UTC since 2022)', () => {
    expect(mexicoCityDayStart('2026-11-21').toISOString()).toBe('2026-11-21T06:00:00.000Z');
    expect(mexicoCityDayStart('2027-07-01').toISOString()).toBe('2027-07-01T06:00:00.000Z');
    // Summer time still applied in 2021: midnight was 05:00 UTC.
    expect(mexicoCityDayStart('2021-07-01').toISOString()).toBe('2021-07-01T05:00:00.000Z');
  });

  it('adds days across months and years, and lists the last n days oldest first', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    const days = lastMexicoCityDays(new Date('2026-11-21T05:00:00Z'), 90);
    expect(days).toHaveLength(90);
    expect(days[89]).toBe('2026-11-20');
    expect(days[0]).toBe(addDays('2026-11-20', -89));
  });
});
