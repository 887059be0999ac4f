// Settings every package's vitest config shares. With VITEST_JSON_DIR set (CI), each suite also
// writes a JSON report there, which .ci/summary.mjs adds up.
import { fileURLToPath } from 'node:url';
import type { ViteUserConfig } from 'vitest/config';

const dbGlobalSetup = fileURLToPath(new URL('./packages/db/src/testing/global-setup.ts', import.meta.url));

export function sharedTestConfig(name: string, options: { database?: boolean } = {}): ViteUserConfig['test'] {
  const jsonDir = process.env.VITEST_JSON_DIR;
  return {
    ...(options.database ? { globalSetup: [dbGlobalSetup] } : {}),
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: jsonDir ? ['default', 'json'] : ['default'],
    ...(jsonDir ? { outputFile: { json: `${jsonDir}/${name}.json` } } : {}),
  };
}
