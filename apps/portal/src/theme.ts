import { createTheme, type MantineColorsTuple } from '@mantine/core';

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

// System fonts only: the production CSP forbids external font hosts.
const fontFamily =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif';

export const theme = createTheme({
  primaryColor: 'guinda',
  primaryShade: 7,
  colors: { guinda, dorado },
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
