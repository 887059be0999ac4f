// The OpenAPI 3.1 document of REST v1, built from `REST_ROUTES` and their zod schemas with zod's
// own JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1): nothing here restates a field.
// The answers' components are the strict schemas of packages/domain/src/schemas/incident-dto.ts,
// which the API's DTO builders are typed from (so `additionalProperties: false` holds: a client
// may reject an unknown key).
import { z } from 'zod';
import { INCIDENT_ANSWER_SCHEMAS } from '@anc/domain';
import { IDEMPOTENCY_KEY_PATTERN } from './idempotency.ts';
import { REST_ROUTES, type RestRoute } from './routes.ts';
import { ErrorBody } from './schemas.ts';

type JsonSchema = Record<string, unknown>;

/** The schema as a request accepts it (`io: 'input'`: defaults are optional, transforms take their input). */
function requestSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** The schema less some properties (`agencyId` of `incidents.create`: a client always files for its own agency). */
function withoutFields(schema: JsonSchema, fields: readonly string[]): JsonSchema {
  if (!fields.length) return schema;
  const properties = { ...(schema.properties as Record<string, JsonSchema>) };
  for (const f of fields) delete properties[f];
  return { ...schema, properties, ...(Array.isArray(schema.required) ? { required: schema.required.filter((r: string) => !fields.includes(r)) } : {}) };
}

const ERRORS: Record<string, string> = {
  '400': 'Malformed input: `fieldErrors` names each field',
  '401': 'No token, or one that is malformed, unknown, revoked or expired (`reason: invalid_token` / `token_required`)',
  '403': 'The token lacks the scope (`reason: scope_missing`) or the agency’s staff may not do this',
  '404': 'No such incident, or one the client may not read (the two are indistinguishable)',
  '422': 'The request conflicts with the incident’s state (`too_many_files`: 50 files already on it), or the Idempotency-Key was used with another body',
  '429': 'Too many requests by this client; see `Retry-After`',
};

const errorRef = { $ref: '#/components/schemas/Error' };

/** One file part (OpenAPI 3.1: a binary string), as modules/files/files.routes.ts `receiveUpload` reads it. */
function multipartBody(multipart: NonNullable<RestRoute['multipart']>) {
  return {
    required: true,
    content: {
      'multipart/form-data': {
        schema: {
          type: 'object',
          required: [multipart.field],
          properties: { [multipart.field]: { type: 'string', format: 'binary', description: multipart.description } },
          additionalProperties: false,
        },
      },
    },
  };
}

function operation(route: RestRoute, schemas: Record<string, JsonSchema>) {
  const parameters: JsonSchema[] = [];
  if (route.path.includes('{id}')) parameters.push({ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
  if (route.query) {
    const query = requestSchema(route.query) as { properties: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(query.properties)) {
      parameters.push({
        name,
        in: 'query',
        required: query.required?.includes(name) ?? false,
        schema,
        ...(schema.type === 'array' ? { style: 'form', explode: true } : {}),
      });
    }
  }
  if (route.idempotent) {
    parameters.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        'A repeat with the same key by the same client within 24 h answers the first response and creates nothing; the same key with another body answers 422.',
      schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN.source, minLength: 1, maxLength: 200 },
    });
  }
  const successId = (z.globalRegistry.get(route.success.schema) as { id?: string } | undefined)?.id;
  if (!successId || !schemas[successId]) throw new Error(`answer of ${route.operationId} has no component`);
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: ['incidents'],
    security: [{ bearerAuth: [] }],
    parameters,
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: withoutFields(requestSchema(route.body), route.omitFromDocument ?? []) } } } }
      : {}),
    ...(route.multipart ? { requestBody: multipartBody(route.multipart) } : {}),
    responses: {
      [String(route.success.status)]: {
        description: route.success.description,
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${successId}` } } },
      },
      // The same bytes already there: the file stored then (REST_ROUTES' description says so).
      ...(route.multipart
        ? {
            '200': {
              description: 'The same bytes were already on the incident: the file stored then',
              content: { 'application/json': { schema: { $ref: `#/components/schemas/${successId}` } } },
            },
          }
        : {}),
      ...Object.fromEntries(
        Object.entries(ERRORS).map(([status, description]) => [status, { description, content: { 'application/json': { schema: errorRef } } }]),
      ),
      ...(route.multipart
        ? { '413': { description: 'The file is larger than 25 MiB: nothing is stored', content: { 'application/json': { schema: errorRef } } } }
        : {}),
    },
  };
}

/** Every named answer schema (those with `.meta({ id })`, nested ones too), as components. */
function componentSchemas(): Record<string, JsonSchema> {
  const answers = [ErrorBody, ...INCIDENT_ANSWER_SCHEMAS, ...REST_ROUTES.map((r) => r.success.schema)];
  const registry = z.registry<{ id: string }>();
  for (const schema of answers) {
    const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
    if (id && !registry.has(schema)) registry.add(schema, { id });
  }
  const { schemas } = z.toJSONSchema(registry, { io: 'output', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, JsonSchema>;
  };
  // A component's `$id` would be a fragment-only URI, which JSON Schema 2020-12 does not allow.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...rest }]) => [id, rest]));
}

export function openApiDocument(options: { serverUrl?: string } = {}) {
  const schemas = componentSchemas();
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of REST_ROUTES) (paths[route.path] ??= {})[route.method.toLowerCase()] = operation(route, schemas);
  return {
    openapi: '3.1.0',
    info: {
      title: 'ANC coordination portal — REST v1',
      version: '1.0.0',
      description:
        'For agencies’ SIEM/SOAR tools. Authenticate with an API client’s token (`Authorization: Bearer anc_…`), issued by an administrator under Integraciones; a session cookie is not accepted here. Each operation needs a scope; errors are `{ error: { code, message, reason, fieldErrors } }`.',
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    paths,
    components: {
      schemas,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API client token (anc_ and 52 characters)' } },
    },
    security: [{ bearerAuth: [] }],
  };
}
