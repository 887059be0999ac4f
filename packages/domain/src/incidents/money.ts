/**
 * Exact MXN amounts for display. The API sends money as a decimal string ("1500000.00"); it is
 * grouped by hand, never through a float, so no peso is ever rounded away. The portal and the
 * official PDF (apps/api/src/modules/incidents/report-pdf/) write amounts with it.
 */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "1500000.5" → "$1,500,000.50 MXN" (Mexico groups thousands with commas in both languages). */
export function formatMxn(amount: string): string {
  const m = DECIMAL.exec(amount.trim());
  if (!m) return amount;
  const [, sign = '', whole = '0', fraction = ''] = m;
  const grouped = whole.replace(/^0+(?=\d)/, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const cents = fraction.padEnd(2, '0');
  return `${sign}$${grouped}.${cents} MXN`;
}
