/** Small pure helpers of the notification bell and list (unit-tested in format.test.ts). */
import { formatMxDateTime, type Locale } from '@anc/domain';

/** The bell's badge: the count, capped so it fits ("99+"); nothing when there is nothing unread. */
export function unreadBadge(count: number): string | null {
  if (!Number.isFinite(count) || count <= 0) return null;
  return count > 99 ? '99+' : String(Math.floor(count));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relativeFormatters = new Map<Locale, Intl.RelativeTimeFormat>();
function relativeFormatter(locale: Locale): Intl.RelativeTimeFormat {
  let f = relativeFormatters.get(locale);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale === 'en' ? 'en-US' : 'es-MX', { numeric: 'auto' });
    relativeFormatters.set(locale, f);
  }
  return f;
}

/**
 * When a notification arrived, in words: "ahora", "hace 5 minutos", "hace 3 horas", "ayer",
 * "hace 4 días"; after a week, the Mexico City date and time. A clock a little ahead of the
 * server's (an instant slightly in the future) still reads "ahora".
 */
export function relativeTime(iso: string, now: Date, locale: Locale): string {
  const diff = now.getTime() - Date.parse(iso);
  if (Number.isNaN(diff)) return '';
  const f = relativeFormatter(locale);
  if (diff < MINUTE) return f.format(0, 'second');
  if (diff < HOUR) return f.format(-Math.floor(diff / MINUTE), 'minute');
  if (diff < DAY) return f.format(-Math.floor(diff / HOUR), 'hour');
  if (diff < 7 * DAY) return f.format(-Math.floor(diff / DAY), 'day');
  return formatMxDateTime(iso, locale);
}
