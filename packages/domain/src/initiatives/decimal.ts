/**
 * Exact decimals for KPI values (numeric(20,4) in the database): strings on the wire and in
 * storage, scaled bigints for arithmetic. A float never holds a value; only the final ratio
 * (a share for a progress bar) becomes a number.
 */
export const KPI_SCALE = 4;
/** numeric(20,4): 16 digits before the point. */
export const KPI_INTEGER_DIGITS = 16;
const FACTOR = 10n ** BigInt(KPI_SCALE);

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;

/** The value × 10⁴ as a bigint, or null when it is not a decimal of at most 4 places and 16 digits. */
export function parseDecimal(value: string): bigint | null {
  const m = DECIMAL.exec(value.trim());
  if (!m) return null;
  const whole = (m[2] ?? '').replace(/^0+(?=\d)/, '');
  const frac = m[3] ?? '';
  if (whole.length > KPI_INTEGER_DIGITS || frac.length > KPI_SCALE) return null;
  const scaled = BigInt(whole) * FACTOR + BigInt(frac.padEnd(KPI_SCALE, '0') || '0');
  return m[1] === '-' ? -scaled : scaled;
}

/** The canonical text of a scaled value, as PostgreSQL prints numeric(20,4): "-12.5000", "0.0000". */
export function formatDecimal(scaled: bigint): string {
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const whole = abs / FACTOR;
  const frac = (abs % FACTOR).toString().padStart(KPI_SCALE, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** A decimal text in canonical form, or null when it is not one. */
export function normalizeDecimal(value: string): string | null {
  const scaled = parseDecimal(value);
  return scaled === null ? null : formatDecimal(scaled);
}

/** The scaled value of a decimal text; throws on anything else (for values already validated or read from the database). */
export function decimalToScaled(value: string): bigint {
  const scaled = parseDecimal(value);
  if (scaled === null) throw new Error(`not a decimal: ${value}`);
  return scaled;
}

/** −1, 0 or 1, exactly. */
export function compareDecimal(a: string, b: string): -1 | 0 | 1 {
  const x = decimalToScaled(a);
  const y = decimalToScaled(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** `numerator / denominator` as a number with `places` decimals, truncated toward zero (bigint division). */
export function ratio(numerator: bigint, denominator: bigint, places = 4): number {
  if (denominator === 0n) throw new Error('division by zero');
  const unit = 10n ** BigInt(places);
  return Number((numerator * unit) / denominator) / Number(unit);
}
