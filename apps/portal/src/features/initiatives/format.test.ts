import { describe, expect, it } from 'vitest';
import { attainmentPercent, formatDay, formatDecimal, plainDecimal } from './format.ts';

describe('formatDay', () => {
  it('shows the calendar day as it is, whatever the browser zone', () => {
    expect(formatDay('2026-01-01', 'es-MX')).toMatch(/^1 ene 2026$/);
    expect(formatDay('2026-12-31', 'en')).toBe('Dec 31, 2026');
  });
  it('leaves other text alone', () => {
    expect(formatDay('pronto', 'es-MX')).toBe('pronto');
  });
});

describe('formatDecimal', () => {
  it('drops the stored padding and groups thousands', () => {
    expect(formatDecimal('1250.5000')).toBe('1,250.5');
    expect(formatDecimal('87.0000')).toBe('87');
    expect(formatDecimal('0.0001')).toBe('0.0001');
    expect(formatDecimal('12345678901234567.1234')).toBe('12,345,678,901,234,567.1234');
  });
  it('keeps the sign of negative values, not of zero', () => {
    expect(formatDecimal('-3.5000')).toBe('-3.5');
    expect(formatDecimal('-0.0000')).toBe('0');
  });
  it('gives the plain form for inputs', () => {
    expect(plainDecimal('1250.5000')).toBe('1250.5');
  });
});

describe('attainmentPercent', () => {
  it('never rounds up to 100 before the target is reached', () => {
    expect(attainmentPercent(0.9999)).toBe(99);
    expect(attainmentPercent(1)).toBe(100);
    expect(attainmentPercent(0)).toBe(0);
    expect(attainmentPercent(0.0001)).toBe(1);
    expect(attainmentPercent(0.5)).toBe(50);
  });
});
