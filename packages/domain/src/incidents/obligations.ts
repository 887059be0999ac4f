import { DISPLAY_TIME_ZONE } from '../time.ts';
import type { IncidentStatus } from './status.ts';

/**
 * The reporting obligations of an incident, as one policy object: when the law fixes its own
 * deadlines, this is the one edit. Defaults follow NIS2 art. 23 (DESIGN: Incident).
 */
export const REPORTING_POLICY = {
  /** Early warning: hours after the body became aware. Filing the report counts as the warning. */
  earlyWarningHours: 24,
  /** Incident notification: hours after the body became aware. */
  notificationHours: 72,
  /** Final report: calendar months after the notification was submitted (or due, while missing). */
  finalReportMonths: 1,
  /** An obligation is due soon when less than this share of its window is left. */
  dueSoonFraction: 0.25,
} as const;
export type ReportingPolicy = typeof REPORTING_POLICY;

export const OBLIGATION_KINDS = ['early_warning', 'notification', 'final_report'] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];
export const OBLIGATION_STATES = ['pending', 'due_soon', 'overdue', 'met', 'late'] as const;
export type ObligationState = (typeof OBLIGATION_STATES)[number];

export interface Obligation {
  kind: ObligationKind;
  /** The window opens here (awareness, or the notification for the final report). */
  opensAt: Date;
  dueAt: Date;
  /** From this instant on, an unmet obligation is due soon. */
  dueSoonAt: Date;
  submittedAt: Date | null;
  state: ObligationState;
}

export interface ObligationFacts {
  awareAt: Date;
  /** When the report was filed: that is the early warning. */
  filedAt: Date;
  notificationSubmittedAt: Date | null;
  finalReportSubmittedAt: Date | null;
}

const HOUR = 3_600_000;

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: DISPLAY_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
});

/** Wall-clock fields of an instant in Mexico City. */
function wallClock(at: Date) {
  const p = Object.fromEntries(partsFormatter.formatToParts(at).map((x) => [x.type, x.value]));
  return { y: Number(p.year), m: Number(p.month), d: Number(p.day), h: Number(p.hour), mi: Number(p.minute), s: Number(p.second) };
}

/** Offset of Mexico City from UTC at an instant, in ms (−6 h since 2022; DST before). */
function zoneOffset(at: Date): number {
  const w = wallClock(at);
  const asUtc = Date.UTC(w.y, w.m - 1, w.d, w.h, w.mi, w.s);
  return asUtc - (at.getTime() - at.getUTCMilliseconds());
}

/**
 * The same wall-clock time `months` calendar months later in Mexico City, clamped to the last
 * day of a shorter month (31 January → 28 or 29 February).
 */
export function addCalendarMonths(at: Date, months: number): Date {
  const w = wallClock(at);
  const targetMonthIndex = w.m - 1 + months;
  const y = w.y + Math.floor(targetMonthIndex / 12);
  const m = ((targetMonthIndex % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const wallUtc = Date.UTC(y, m, Math.min(w.d, lastDay), w.h, w.mi, w.s, at.getUTCMilliseconds());
  // Interpret the wall clock in Mexico City: shift by the offset there (checked at the guess).
  const guess = new Date(wallUtc - zoneOffset(new Date(wallUtc)));
  return new Date(wallUtc - zoneOffset(guess));
}

function stateOf(dueAt: Date, dueSoonAt: Date, submittedAt: Date | null, now: Date): ObligationState {
  if (submittedAt) return submittedAt.getTime() <= dueAt.getTime() ? 'met' : 'late';
  if (now.getTime() > dueAt.getTime()) return 'overdue';
  return now.getTime() >= dueSoonAt.getTime() ? 'due_soon' : 'pending';
}

function obligation(kind: ObligationKind, opensAt: Date, dueAt: Date, submittedAt: Date | null, now: Date, policy: ReportingPolicy): Obligation {
  const window = dueAt.getTime() - opensAt.getTime();
  const dueSoonAt = new Date(dueAt.getTime() - Math.round(window * policy.dueSoonFraction));
  return { kind, opensAt, dueAt, dueSoonAt, submittedAt, state: stateOf(dueAt, dueSoonAt, submittedAt, now) };
}

/** The three obligations of an incident at `now`. */
export function obligationsFor(facts: ObligationFacts, now: Date, policy: ReportingPolicy = REPORTING_POLICY): Obligation[] {
  const early = obligation('early_warning', facts.awareAt, new Date(facts.awareAt.getTime() + policy.earlyWarningHours * HOUR), facts.filedAt, now, policy);
  const notification = obligation(
    'notification',
    facts.awareAt,
    new Date(facts.awareAt.getTime() + policy.notificationHours * HOUR),
    facts.notificationSubmittedAt,
    now,
    policy,
  );
  const finalOpens = facts.notificationSubmittedAt ?? notification.dueAt;
  const finalReport = obligation(
    'final_report',
    finalOpens,
    addCalendarMonths(finalOpens, policy.finalReportMonths),
    facts.finalReportSubmittedAt,
    now,
    policy,
  );
  return [early, notification, finalReport];
}

export const clocksRun = (status: IncidentStatus) => status !== 'rejected' && status !== 'merged';

/**
 * The next obligation still owed, as stored on the incident row so that lists can filter
 * "overdue" and "due soon" through an index: null once everything is filed, or when the clocks
 * stopped (rejected: it was not an incident; merged: the other incident carries them).
 */
export function nextObligation(obligations: readonly Obligation[], status: IncidentStatus): Obligation | null {
  if (!clocksRun(status)) return null;
  return obligations.find((o) => o.submittedAt === null) ?? null;
}

/** The state of a stored next obligation at `now` (same rule as `obligationsFor`). */
export function nextObligationState(next: { dueAt: Date; dueSoonAt: Date }, now: Date): ObligationState {
  return stateOf(next.dueAt, next.dueSoonAt, null, now);
}
