import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// Browser tests: one API process (in-memory database, demo accounts) serves the built portal;
// each test drives its own Chromium context. Files run one after another (two cores, one API).
export default defineConfig({
  test: {
    ...sharedTestConfig('portal-e2e'),
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 180_000,
  },
});
