// TypeScript types from an OpenAPI document (openapi-typescript), resolved against TypeScript 5.
import openapiTS, { astToString } from 'openapi-typescript';
import ts from 'typescript';

const BLOB = ts.factory.createTypeReferenceNode(ts.factory.createIdentifier('Blob'));

/** @param {object} document an OpenAPI 3.x document @returns {Promise<string>} its `paths`, `components`, … as TypeScript */
export async function openApiToTypeScript(document) {
  // A `format: binary` string (a multipart file part) is a Blob, which FormData takes (openapi-typescript's documented transform).
  return astToString(await openapiTS(document, { transform: (schema) => (schema.format === 'binary' ? BLOB : undefined) }));
}
