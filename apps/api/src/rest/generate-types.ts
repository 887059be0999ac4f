// The TypeScript types of REST v1, generated from its OpenAPI document by openapi-typescript:
// `pnpm --filter @anc/api run rest:types` writes src/rest/openapi-types.ts, which tests and any
// TypeScript client use with openapi-fetch. rest.http.test.ts fails when the file is stale. The
// answers it types are the strict schemas of packages/domain/src/schemas/incident-dto.ts.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { openApiToTypeScript } from '@anc/openapi-types';
import { openApiDocument } from './openapi.ts';

export const REST_TYPES_FILE = fileURLToPath(new URL('./openapi-types.ts', import.meta.url));

export async function restTypesSource(): Promise<string> {
  return `// Generated from the OpenAPI document of REST v1 by apps/api/src/rest/generate-types.ts. Do not edit.\n${await openApiToTypeScript(openApiDocument())}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(REST_TYPES_FILE, await restTypesSource());
}
