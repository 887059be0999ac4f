import { DISPLAY_TIME_ZONE } from './time.ts';

/**
 * Calendar days as people in Mexico City count them ('YYYY-MM-DD'). Due dates of milestones and the
 * days of the Panel's chart are such days: a milestone due on the 20th is late from 00:00 of the
 * 21st in Mexico City, not from 00:00 UTC (18:00 of the 20th there).
 */
const dayFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: DISPLAY_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The Mexico City calendar day of an instant. */
export function mexicoCityDate(at: Date): string {
  return dayFormatter.format(at); // en-CA formats as YYYY-MM-DD
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A valid calendar date 'YYYY-MM-DD' (2026-02-30 is not). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** `date` plus `days` calendar days (negative goes back). */
export function addDays(date: string, days: number): string {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days)).toISOString().slice(0, 10);
}

/** Offset of Mexico City from UTC at an instant, in ms (−6 h since 2022; −5 h in old summers). */
function offsetAt(at: Date): number {
  const p = Object.fromEntries(partsFormatter.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant a Mexico City day begins (00:00 local). */
export function mexicoCityDayStart(date: string): Date {
  const m = ISO_DATE.exec(date);
  if (!m) throw new Error(`not a date: ${date}`);
  const localMidnightAsUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Two rounds settle the offset even on a day the offset changed (before 2022).
  let guess = localMidnightAsUtc - offsetAt(new Date(localMidnightAsUtc));
  guess = localMidnightAsUtc - offsetAt(new Date(guess));
  return new Date(guess);
}

/** The last `n` Mexico City days up to and including the day of `now`, oldest first. */
export function lastMexicoCityDays(now: Date, n: number): string[] {
  const today = mexicoCityDate(now);
  return Array.from({ length: n }, (_, i) => addDays(today, i - (n - 1)));
}
