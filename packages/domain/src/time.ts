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

const yearFormatter = new Intl.DateTimeFormat('en-US', { timeZone: DISPLAY_TIME_ZONE, year: 'numeric' });
/** The calendar year of an instant in Mexico City (references are numbered per local year). */
export const mexicoCityYear = (at: Date): number => Number(yearFormatter.format(at));

/** `INC-2026-000001`: a prefix, the year and a six-digit gapless number. */
export const formatReference = (prefix: string, year: number, n: number): string => `${prefix}-${year}-${String(n).padStart(6, '0')}`;
