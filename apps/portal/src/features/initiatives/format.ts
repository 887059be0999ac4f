/**
 * Calendar days and exact decimals for display. Days ("2026-11-20") are the plan's own dates,
 * Mexico City days with no time: they are formatted as they are, never shifted by a time zone.
 * KPI values arrive as exact decimal text ("1250.5000"); they are shown without the padding
 * zeros and grouped by hand, never through a float.
 */
import type { Locale } from '@anc/domain';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(locale: Locale, style: 'medium' | 'short'): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let f = formatters.get(key);
  if (!f) {
    f =
      style === 'medium'
        ? new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'es-MX', { timeZone: 'UTC', dateStyle: 'medium' })
        : new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : 'es-MX', { timeZone: 'UTC', day: 'numeric', month: 'short' });
    formatters.set(key, f);
  }
  return f;
}

/** "2026-11-20" → "20 nov 2026" (es-MX) / "Nov 20, 2026" (en); anything else is returned as it came. */
export function formatDay(day: string, locale: Locale, style: 'medium' | 'short' = 'medium'): string {
  const m = DAY.exec(day);
  if (!m) return day;
  return dayFormatter(locale, style).format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))));
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "1250.5000" → "1,250.5"; "87.0000" → "87"; text that is not a decimal is returned as it came. */
export function formatDecimal(value: string): string {
  const m = DECIMAL.exec(value.trim());
  if (!m) return value;
  const [, sign = '', whole = '0', fraction = ''] = m;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const decimals = fraction.replace(/0+$/, '');
  const negative = sign && (grouped !== '0' || decimals !== '') ? '-' : '';
  return `${negative}${grouped}${decimals ? `.${decimals}` : ''}`;
}

/** The plain form an input shows for editing ("1250.5000" → "1250.5"). */
export function plainDecimal(value: string): string {
  return formatDecimal(value).replace(/,/g, '');
}

/** A KPI attainment (0…1, 4 places) as a whole percentage that never claims 100 before it is reached. */
export function attainmentPercent(attainment: number): number {
  if (attainment >= 1) return 100;
  if (attainment <= 0) return 0;
  return Math.min(99, Math.max(attainment > 0 ? 1 : 0, Math.floor(attainment * 100)));
}
