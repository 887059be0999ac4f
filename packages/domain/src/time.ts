/** Every timestamp is stored in UTC and shown in Mexico City time (no daylight saving since 2022). */
export const DISPLAY_TIME_ZONE = 'America/Mexico_City';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** "21/11/2026, 00:13" style date-time in Mexico City, in the given locale. */
export function formatMxDateTime(value: Date | string, locale: 'es-MX' | 'en' = 'es-MX'): string {
  const key = `dt:${locale}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'es-MX' ? 'es-MX' : 'en-US', {
      timeZone: DISPLAY_TIME_ZONE,
      dateStyle: 'medium',
      timeStyle: 'short',
      hourCycle: 'h23',
    });
    formatters.set(key, f);
  }
  return f.format(typeof value === 'string' ? new Date(value) : value);
}
