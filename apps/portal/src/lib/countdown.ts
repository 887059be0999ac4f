/**
 * How long until a legal deadline, or how long since it passed, in words: "vence en 2 d 4 h",
 * "vencido hace 3 h". Pure, so it can be recomputed every minute from `dueAt` on the client.
 */
export interface CountdownParts {
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
}

const MINUTE = 60_000;

export function countdownParts(dueAt: string | Date, now: Date): CountdownParts {
  const due = typeof dueAt === 'string' ? Date.parse(dueAt) : dueAt.getTime();
  const diff = due - now.getTime();
  const totalMinutes = Math.floor(Math.abs(diff) / MINUTE);
  return {
    overdue: diff < 0,
    days: Math.floor(totalMinutes / 1440),
    hours: Math.floor((totalMinutes % 1440) / 60),
    minutes: totalMinutes % 60,
  };
}

/** The catalogue lookup this needs (i18next's `t`, or any function with the same shape). */
export type Translate = (key: CountdownKey, options: { count?: number; time?: string }) => string;
export type CountdownKey =
  | 'incidents.common.dueIn'
  | 'incidents.common.overdueBy'
  | 'incidents.common.days'
  | 'incidents.common.hours'
  | 'incidents.common.minutes'
  | 'incidents.common.lessThanMinute';

/**
 * One rule for every duration the portal shows: whole days from a week on ("31 d", never
 * "30 d 23 h": hours are noise a month out), otherwise two units at most ("2 d 23 h" of a 72-hour
 * notice, "4 h 12 min", "12 min", "menos de 1 min"). Always rounded down, so a deadline never looks
 * further away than it is.
 */
export function formatDuration(parts: CountdownParts, t: Translate): string {
  const d = t('incidents.common.days', { count: parts.days });
  const h = t('incidents.common.hours', { count: parts.hours });
  const m = t('incidents.common.minutes', { count: parts.minutes });
  if (parts.days >= 7) return d;
  if (parts.days > 0) return parts.hours > 0 ? `${d} ${h}` : d;
  if (parts.hours > 0) return parts.minutes > 0 ? `${h} ${m}` : h;
  if (parts.minutes > 0) return m;
  return t('incidents.common.lessThanMinute', {});
}

export function formatCountdown(dueAt: string | Date, now: Date, t: Translate): { text: string; overdue: boolean } {
  const parts = countdownParts(dueAt, now);
  const time = formatDuration(parts, t);
  return { text: t(parts.overdue ? 'incidents.common.overdueBy' : 'incidents.common.dueIn', { time }), overdue: parts.overdue };
}
