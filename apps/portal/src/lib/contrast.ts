/**
 * WCAG 2 contrast arithmetic for the theme (theme.ts): the ratio of two #rrggbb colours, and the
 * shade of a colour darkened just enough to reach a ratio against another.
 */

const channels = (hex: string): [number, number, number] => {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => Number.parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
};

const toHex = (rgb: readonly number[]) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance (WCAG 2.2, "relative luminance"). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `color` mixed toward black in 2 % steps until it reaches `ratio` against `against` (unchanged if it already does). */
export function darkenToContrast(color: string, against: string, ratio = 4.5): string {
  const rgb = channels(color);
  for (let step = 0; step <= 50; step += 1) {
    const candidate = toHex(rgb.map((c) => c * (1 - step * 0.02)));
    if (contrastRatio(candidate, against) >= ratio) return candidate;
  }
  return '#000000';
}
