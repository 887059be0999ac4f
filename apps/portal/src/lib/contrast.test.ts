import { describe, expect, it } from 'vitest';
import { contrastRatio, darkenToContrast } from './contrast.ts';

describe('contrast', () => {
  it('computes the WCAG ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#868e96', '#ffffff')).toBeCloseTo(3.32, 2);
    expect(contrastRatio('#ffffff', '#868e96')).toBeCloseTo(3.32, 2);
  });

  it('darkens a colour just enough to reach the ratio, and leaves a readable one alone', () => {
    const green = darkenToContrast('#2b8a3e', '#d3f9d8');
    expect(contrastRatio(green, '#d3f9d8')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(green, '#d3f9d8')).toBeLessThan(5.2);
    expect(darkenToContrast('#495057', '#ffffff')).toBe('#495057');
  });
});
