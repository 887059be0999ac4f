import { describe, expect, it } from 'vitest';
import { formatMxn } from './money.ts';

describe('MXN amounts', () => {
  it('groups thousands and keeps every cent, without a float', () => {
    expect(formatMxn('1500000.00')).toBe('$1,500,000.00 MXN');
    expect(formatMxn('0.5')).toBe('$0.50 MXN');
    expect(formatMxn('999')).toBe('$999.00 MXN');
    expect(formatMxn('1000')).toBe('$1,000.00 MXN');
    // Beyond 2^53: a float would round this.
    expect(formatMxn('90071992547409.99')).toBe('$90,071,992,547,409.99 MXN');
  });

  it('shows anything unexpected as it came', () => {
    expect(formatMxn('n/a')).toBe('n/a');
  });
});
