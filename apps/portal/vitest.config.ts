import { defineConfig } from 'vitest/config';

// Unit tests only; the browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
