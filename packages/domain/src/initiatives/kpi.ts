import { decimalToScaled, ratio } from './decimal.ts';

/** Which way a KPI must move: up (more is better), down (less is better), or stay (target = baseline). */
export const KPI_DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

export interface KpiFacts {
  baseline: string;
  target: string;
}

export function kpiDirection(kpi: KpiFacts): KpiDirection {
  const b = decimalToScaled(kpi.baseline);
  const t = decimalToScaled(kpi.target);
  return t > b ? 'increase' : t < b ? 'decrease' : 'maintain';
}

/**
 * How far the KPI has come from its baseline toward its target, 0…1:
 * (current − baseline) / (target − baseline), clamped. The same formula serves "lower is better"
 * (target < baseline: both differences are negative while the value falls toward the target). A
 * value that moved the wrong way is 0; one past the target is 1. When target = baseline the KPI is
 * to be held where it is: 1 at exactly the target, 0 off it (we cannot tell which side is worse).
 * Computed on scaled bigints and truncated to 4 places, so it never shows 1 (100 %) before the
 * target is really reached. Null while no value has been recorded.
 */
export function kpiAttainment(kpi: KpiFacts, current: string | null): number | null {
  if (current === null) return null;
  const b = decimalToScaled(kpi.baseline);
  const t = decimalToScaled(kpi.target);
  const c = decimalToScaled(current);
  let span = t - b;
  let moved = c - b;
  if (span === 0n) return c === t ? 1 : 0;
  if (span < 0n) {
    span = -span;
    moved = -moved;
  }
  if (moved <= 0n) return 0;
  if (moved >= span) return 1;
  return ratio(moved, span);
}

/** The target is reached (or passed, in the KPI's direction). */
export function kpiReached(kpi: KpiFacts, current: string | null): boolean {
  return kpiAttainment(kpi, current) === 1;
}
