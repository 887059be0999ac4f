import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { DISPLAY_TIME_ZONE } from '../time.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The daily digest is sent at this hour, Mexico City time (issue 12 point 4). */
export const DIGEST_HOUR = 8;

/** The Mexico City calendar day of an instant, `YYYY-MM-DD`: a digest is sent once per user and day. */
export const digestDay = (at: Date): string => dayjs(at).tz(DISPLAY_TIME_ZONE).format('YYYY-MM-DD');

/** When the digest of a Mexico City day is due: 08:00 there, as an instant. */
export const digestDueAt = (day: string): Date => dayjs.tz(`${day} 0${DIGEST_HOUR}:00`, DISPLAY_TIME_ZONE).toDate();

/** The day whose digest is due at `now`, or null before 08:00 Mexico City time. */
export function dueDigestDay(now: Date): string | null {
  const day = digestDay(now);
  return now.getTime() >= digestDueAt(day).getTime() ? day : null;
}

/** The outbox key of a digest: one per user and Mexico City day. */
export const digestDedupeKey = (userId: string, day: string) => `digest:${userId}:${day}`;

/**
 * What a digest covers: the notifications since the last digest; the first one (or after a long
 * pause) covers at most the day before its due time.
 */
export function digestWindowStart(lastDigestAt: Date | null, dueAt: Date): Date {
  const dayBefore = new Date(dueAt.getTime() - 24 * 60 * 60_000);
  return lastDigestAt && lastDigestAt > dayBefore ? lastDigestAt : dayBefore;
}
