// TypeScript types from an OpenAPI document (openapi-typescript), resolved against TypeScript 5.
import openapiTS, { astToString } from 'openapi-typescript';

/** @param {object} document an OpenAPI 3.x document @returns {Promise<string>} its `paths`, `components`, … as TypeScript */
export async function openApiToTypeScript(document) {
  return astToString(await openapiTS(document));
}
