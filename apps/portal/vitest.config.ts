import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// Unit tests only; the browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    ...sharedTestConfig('portal'),
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
