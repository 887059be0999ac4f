import type { InitiativeStatus } from './plan.ts';

/**
 * Progress and lateness, derived from milestones (never stored by hand). Dates are Mexico City
 * calendar days 'YYYY-MM-DD', which compare correctly as strings.
 */
export interface MilestoneFacts {
  dueDate: string;
  doneDate: string | null;
}

export const MILESTONE_STATES = ['pending', 'late', 'done', 'done_late'] as const;
export type MilestoneState = (typeof MILESTONE_STATES)[number];

/**
 * Whether the initiative's open milestones can still fall late: not once it is cancelled (the
 * work was called off; nobody owes it any more).
 */
export const milestonesStillOwed = (status: InitiativeStatus | undefined) => status !== 'cancelled';

/**
 * `late`: not done and its due day is over (today in Mexico City is after the due date) while
 * the initiative still owes it; `done_late`: done on a day after the due date. Due today is not late yet.
 */
export function milestoneState(m: MilestoneFacts, today: string, status?: InitiativeStatus): MilestoneState {
  if (m.doneDate !== null) return m.doneDate > m.dueDate ? 'done_late' : 'done';
  return m.dueDate < today && milestonesStillOwed(status) ? 'late' : 'pending';
}

export const isMilestoneLate = (m: MilestoneFacts, today: string, status?: InitiativeStatus) => milestoneState(m, today, status) === 'late';

export interface MilestoneCounts {
  total: number;
  done: number;
  /** Open and past due. */
  late: number;
}

export function countMilestones(milestones: readonly MilestoneFacts[], today: string, status?: InitiativeStatus): MilestoneCounts {
  let done = 0;
  let late = 0;
  for (const m of milestones) {
    if (m.doneDate !== null) done += 1;
    else if (m.dueDate < today && milestonesStillOwed(status)) late += 1;
  }
  return { total: milestones.length, done, late };
}

/**
 * Share of milestones done, 0–100: none planned → 0; otherwise done/total rounded, except that a
 * rounding never claims 100 with work left nor 0 with work done (199 of 200 is 99, 1 of 300 is 1).
 */
export function initiativeProgress(counts: Pick<MilestoneCounts, 'total' | 'done'>): number {
  if (counts.total <= 0 || counts.done <= 0) return 0;
  if (counts.done >= counts.total) return 100;
  return Math.min(99, Math.max(1, Math.round((counts.done * 100) / counts.total)));
}
