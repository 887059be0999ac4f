import { describe, expect, it } from 'vitest';
import { compareDecimal, formatDecimal, normalizeDecimal, parseDecimal } from './decimal.ts';
import { kpiAttainment, kpiDirection, kpiReached } from './kpi.ts';

describe('exact decimals', () => {
  it('parses and prints without rounding anything', () => {
    expect(parseDecimal('12.5')).toBe(125_000n);
    expect(parseDecimal('-0.0001')).toBe(-1n);
    expect(formatDecimal(parseDecimal('9999999999999999.9999') ?? 0n)).toBe('9999999999999999.9999');
    expect(normalizeDecimal('007.10')).toBe('7.1000');
    expect(normalizeDecimal('-0')).toBe('0.0000');
    expect(normalizeDecimal('.5')).toBeNull();
    expect(normalizeDecimal('1.23456')).toBeNull();
    expect(normalizeDecimal('1e3')).toBeNull();
    expect(normalizeDecimal('12345678901234567')).toBeNull();
  });

  it('compares values a float would confuse', () => {
    // As doubles these two are the same number.
    expect(0.1 + 0.2 === 0.3).toBe(false);
    expect(compareDecimal('9007199254740993.0000', '9007199254740992.0000')).toBe(1);
    expect(compareDecimal('0.3000', '0.3')).toBe(0);
  });
});

describe('KPI attainment', () => {
  const up = { baseline: '40.0000', target: '90.0000' };
  it('measures the way from baseline to target when more is better', () => {
    expect(kpiDirection(up)).toBe('increase');
    expect(kpiAttainment(up, '40')).toBe(0);
    expect(kpiAttainment(up, '65')).toBe(0.5);
    expect(kpiAttainment(up, '90')).toBe(1);
    expect(kpiAttainment(up, '120')).toBe(1); // past the target
    expect(kpiAttainment(up, '10')).toBe(0); // moved the wrong way
  });

  it('measures the way down when lower is better (target below baseline)', () => {
    // Mean days to patch a critical vulnerability: from 45 down to 15.
    const down = { baseline: '45', target: '15' };
    expect(kpiDirection(down)).toBe('decrease');
    expect(kpiAttainment(down, '45')).toBe(0);
    expect(kpiAttainment(down, '30')).toBe(0.5);
    expect(kpiAttainment(down, '20')).toBe(0.8333);
    expect(kpiAttainment(down, '15')).toBe(1);
    expect(kpiAttainment(down, '3')).toBe(1);
    expect(kpiAttainment(down, '60')).toBe(0); // worse than the baseline
    expect(kpiReached(down, '14.9999')).toBe(true);
    expect(kpiReached(down, '15.0001')).toBe(false);
  });

  it('holds a KPI whose target equals its baseline: reached only at the target', () => {
    const hold = { baseline: '99.9', target: '99.9000' };
    expect(kpiDirection(hold)).toBe('maintain');
    expect(kpiAttainment(hold, '99.9')).toBe(1);
    expect(kpiAttainment(hold, '99.8')).toBe(0);
    expect(kpiAttainment(hold, '100')).toBe(0);
  });

  it('is unknown (null) while no value has been recorded', () => {
    expect(kpiAttainment(up, null)).toBeNull();
  });

  it('never shows the target reached one ten-thousandth short of it', () => {
    const big = { baseline: '0', target: '1000000000000.0000' };
    expect(kpiAttainment(big, '999999999999.9999')).toBeLessThan(1);
    expect(kpiAttainment(big, '999999999999.9999')).toBe(0.9999);
  });
});
