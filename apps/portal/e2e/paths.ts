import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const portalRoot = fileURLToPath(new URL('../', import.meta.url));
export const artifactsDir = process.env.ARTIFACTS_DIR ?? join(repoRoot, 'artifacts');
export const screenshotsDir = join(artifactsDir, 'screenshots');
