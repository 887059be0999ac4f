import { DEFAULT_THEME, type MantineColorsTuple, type VariantColorsResolver, createTheme, defaultVariantColorsResolver, parseThemeColor } from '@mantine/core';
import { darkenToContrast } from './lib/contrast.ts';

/** Guinda (#691C32 at index 7), the institutional colour of the federal government. */
const guinda: MantineColorsTuple = ['#fcf0f3', '#f1dde3', '#e2b7c3', '#d38ea1', '#c56b84', '#b85472', '#8e2f4a', '#691c32', '#561628', '#40101e'];

/** Warm gold used sparingly as an accent next to guinda. */
const dorado: MantineColorsTuple = ['#fbf6ee', '#f1e7d4', '#e4cea6', '#d6b476', '#cb9f4e', '#bc955c', '#a47d43', '#8a6834', '#6f5428', '#54401d'];

/**
 * Mantine's grey with a darker shade 6: the light scheme's `dimmed` text and every
 * `--mantine-color-gray-6` read from it. The default #868e96 reaches 3.3:1 on white (WCAG AA asks
 * 4.5:1); #636b74 reaches 5.4:1 on white, 5.1:1 on gray-0 (#f8f9fa, the shell's background) and
 * 4.9:1 on gray-1, and stays between gray-5 and gray-7. Checked by e2e/accessibility.e2e.test.ts.
 */
const gray: MantineColorsTuple = [
  DEFAULT_THEME.colors.gray[0],
  DEFAULT_THEME.colors.gray[1],
  DEFAULT_THEME.colors.gray[2],
  DEFAULT_THEME.colors.gray[3],
  DEFAULT_THEME.colors.gray[4],
  DEFAULT_THEME.colors.gray[5],
  '#636b74',
  DEFAULT_THEME.colors.gray[7],
  DEFAULT_THEME.colors.gray[8],
  DEFAULT_THEME.colors.gray[9],
];

/**
 * Mantine's colours with shades 8 and 9 that read as text on white (4.5:1): the pages write
 * `c="teal.8"`, `c="orange.9"` for states and deadlines, which were 3.9:1 and 4.3:1. Each is darkened
 * just enough; lighter shades (backgrounds, borders) stay Mantine's.
 */
const TEXT_COLOURS = ['red', 'pink', 'grape', 'violet', 'indigo', 'blue', 'cyan', 'teal', 'green', 'lime', 'yellow', 'orange'] as const;
const readableColours = Object.fromEntries(
  TEXT_COLOURS.map((name) => {
    const tuple = [...DEFAULT_THEME.colors[name]];
    for (const shade of [8, 9]) tuple[shade] = darkenToContrast(tuple[shade] ?? '#000000', '#ffffff');
    return [name, tuple as unknown as MantineColorsTuple];
  }),
);

/**
 * Mantine's variants with text that reads (WCAG AA, 4.5:1; e2e/accessibility.e2e.test.ts): the
 * `light` variant writes shade 9 on shade 1, which is 3.8:1 for green, 2.7:1 for yellow; its text
 * is darkened just enough. `filled` writes white on shade 7 (the primary shade), 3.8:1 for red;
 * such a background is darkened just enough. Guinda, grey and dark already pass and stay as they are.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const base = defaultVariantColorsResolver(input);
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const tuple = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!tuple) return base;
  if (input.variant === 'light') {
    return { ...base, color: darkenToContrast(tuple[9], tuple[parsed.shade ?? 1]) };
  }
  if (input.variant === 'filled' && base.color === 'var(--mantine-color-white)') {
    const primary = input.theme.primaryShade;
    const shade = parsed.shade ?? (typeof primary === 'number' ? primary : primary.light);
    const background = darkenToContrast(tuple[shade], '#ffffff');
    if (background !== tuple[shade]) return { ...base, background, hover: darkenToContrast(background, '#ffffff', 6) };
  }
  return base;
};

// System fonts only: the production CSP forbids external font hosts.
const fontFamily = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'guinda',
  primaryShade: 7,
  colors: { ...readableColours, guinda, dorado, gray },
  fontFamily,
  headings: { fontFamily, fontWeight: '650' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  variantColorResolver,
  focusRing: 'auto',
  components: {
    Button: { defaultProps: { radius: 'sm' } },
    Paper: { defaultProps: { withBorder: true, radius: 'md' } },
    Modal: {
      defaultProps: { centered: true, radius: 'md', overlayProps: { backgroundOpacity: 0.45 } },
      styles: { title: { fontWeight: 650, fontSize: 'var(--mantine-font-size-lg)' } },
    },
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    // Sentence case reads better in Spanish; never let a table squeeze a badge into an ellipsis.
    Badge: {
      defaultProps: { radius: 'sm' },
      styles: { root: { textTransform: 'none', minWidth: 'max-content', fontWeight: 600, letterSpacing: 0 } },
    },
  },
});
