import { defineConfig } from 'vitest/config';
import { sharedTestConfig } from '../../vitest.shared.ts';

// Two projects: pure units (`*.test.ts`, Node) and the forms' component tests (`*.test.tsx`:
// jsdom, Mantine and i18n as in the portal, tRPC against a real API process on PGlite started by
// src/testing/api-setup.ts). The browser tests have their own config (vitest.e2e.config.ts).
export default defineConfig({
  test: {
    ...sharedTestConfig('portal'),
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'components',
          include: ['src/**/*.test.tsx'],
          environment: 'jsdom',
          globalSetup: ['src/testing/api-setup.ts'],
          setupFiles: ['src/testing/dom-setup.ts'],
          // One API process serves every file; files run one after another on two cores.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
