/**
 * Mexico City wall-clock time ↔ instants, for date pickers. The pickers speak in wall-clock
 * strings ("2026-11-20 09:30:00") with no zone; the API wants instants with their offset. The
 * zone is always Mexico City's, whatever the browser's own zone is.
 */
import { DISPLAY_TIME_ZONE } from '@anc/domain';
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

const WALL = /^\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2}(?::\d{2})?)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** "2026-11-20 09:30" in Mexico City → "2026-11-20T09:30:00-06:00"; null when not a valid wall time. */
export function mxWallToIso(wall: string): string | null {
  if (!WALL.test(wall)) return null;
  const parsed = dayjs.tz(wall.length === 10 ? `${wall} 00:00:00` : wall, DISPLAY_TIME_ZONE);
  if (!parsed.isValid()) return null;
  // Refuse calendar overflow ("2026-02-31" would silently become 3 March).
  if (parsed.format('YYYY-MM-DD') !== wall.slice(0, 10)) return null;
  return parsed.format('YYYY-MM-DDTHH:mm:ssZ');
}

/** An instant → its Mexico City wall time "YYYY-MM-DD HH:mm:ss" (what the pickers take). */
export function isoToMxWall(iso: string | Date): string {
  return dayjs(iso).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD HH:mm:ss');
}

export const isDay = (value: unknown): value is string => typeof value === 'string' && DAY.test(value) && mxWallToIso(value) !== null;

/** The first instant of a calendar day in Mexico City. */
export const mxDayStart = (day: string): string | null => (isDay(day) ? mxWallToIso(day) : null);

/** The first instant of the day after, so that "to 20 November" includes all of the 20th. */
export function mxDayEnd(day: string): string | null {
  if (!isDay(day)) return null;
  return mxWallToIso(dayjs(day).add(1, 'day').format('YYYY-MM-DD'));
}

const dateFormatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'time', locale: 'es-MX' | 'en'): Intl.DateTimeFormat {
  const key = `${kind}:${locale}`;
  let f = dateFormatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'es-MX', {
      timeZone: DISPLAY_TIME_ZONE,
      ...(kind === 'date' ? { dateStyle: 'medium' } : { timeStyle: 'short', hourCycle: 'h23' }),
    });
    dateFormatters.set(key, f);
  }
  return f;
}

/** "20 nov 2026" in Mexico City (tables show the date and the time on two lines). */
export const formatMxDate = (iso: string | Date, locale: 'es-MX' | 'en') => formatter('date', locale).format(new Date(iso));
/** "09:30" in Mexico City. */
export const formatMxTime = (iso: string | Date, locale: 'es-MX' | 'en') => formatter('time', locale).format(new Date(iso));
