import { DEFAULT_THEME, createTheme, type MantineColorsTuple } from '@mantine/core';

/** Guinda (#691C32 at index 7), the institutional colour of the federal government. */
const guinda: MantineColorsTuple = [
  '#fcf0f3',
  '#f1dde3',
  '#e2b7c3',
  '#d38ea1',
  '#c56b84',
  '#b85472',
  '#8e2f4a',
  '#691c32',
  '#561628',
  '#40101e',
];

/** Warm gold used sparingly as an accent next to guinda. */
const dorado: MantineColorsTuple = [
  '#fbf6ee',
  '#f1e7d4',
  '#e4cea6',
  '#d6b476',
  '#cb9f4e',
  '#bc955c',
  '#a47d43',
  '#8a6834',
  '#6f5428',
  '#54401d',
];

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

// System fonts only: the production CSP forbids external font hosts.
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'guinda',
  primaryShade: 7,
  colors: { guinda, dorado, gray },
  fontFamily,
  headings: { fontFamily, fontWeight: '650' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
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
