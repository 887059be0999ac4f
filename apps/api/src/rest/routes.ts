/**
 * REST v1 (docs/API.md "Callers that are not a browser"): the incident use-cases of
 * apps/api/src/modules/incidents behind plain JSON, and the evidence file upload of
 * apps/api/src/modules/files as multipart, for agencies' SIEM/SOAR tools. Only an API
 * client's bearer token is accepted here (a session cookie is never read, so there is no
 * cross-site request to guard against); each route needs the scope of its action
 * (packages/domain/src/api-clients.ts). Requests are rate-limited per client. The OpenAPI
 * document (openapi.ts) is built from the same `REST_ROUTES` and zod schemas.
 */
import { TRPCError } from '@trpc/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { purgeIdempotencyKeys } from '@anc/db';
import { DomainError, IncidentIdInput, assertActorMay, incidentFiltersFromSearchParams, type Action, type Locale } from '@anc/domain';
import type { z } from 'zod';
import { httpCaller, httpUseCaseContext, requestLocale, sendHttpError, type HttpCaller, type HttpDeps } from '../http/caller.ts';
import { addObservables } from '../modules/incidents/add-observables.ts';
import { fileIncident, fileIncidentInTransaction, incidentDetailOf } from '../modules/incidents/file-incident.ts';
import { getIncident } from '../modules/incidents/get-incident.ts';
import { listIncidents } from '../modules/incidents/list-incidents.ts';
import { submitReport } from '../modules/incidents/submit-report.ts';
import { receiveUpload, registerUploadParser } from '../modules/files/files.routes.ts';
import type { UseCaseContext } from '../modules/use-case.ts';
import { idempotencyKeyOf, idempotentWrite } from './idempotency.ts';
import {
  IncidentDetail,
  IncidentList,
  ObservablesAdded,
  RestAddObservablesBody,
  RestCreateIncidentBody,
  RestListIncidentsQuery,
  RestSubmitReportBody,
  UploadedFileDto,
} from './schemas.ts';

export interface RestDeps extends HttpDeps {
  /** Requests per minute and client (bearer token); others are counted per address. */
  ratePerMinute: number;
}

/** One REST v1 route: what the OpenAPI document says of it and the access matrix tests. */
export interface RestRoute {
  method: 'GET' | 'POST';
  /** OpenAPI path template. */
  path: string;
  operationId: string;
  summary: string;
  action: Action;
  query?: z.ZodObject;
  /** A JSON body, checked by this schema. */
  body?: z.ZodType;
  /**
   * A multipart/form-data body of one file part instead (`POST .../files`): the route's scope gets
   * @fastify/multipart (modules/files/files.routes.ts `registerUploadParser`), no other route does.
   */
  multipart?: { field: 'file'; description: string };
  idempotent?: boolean;
  /** Body fields the document leaves out. */
  omitFromDocument?: readonly string[];
  success: { status: 200 | 201; schema: z.ZodType; description: string };
}

export const REST_ROUTES = [
  {
    method: 'POST',
    path: '/api/v1/incidents',
    operationId: 'createIncident',
    summary: 'Report an incident for the client’s agency',
    action: 'incidents.create',
    body: RestCreateIncidentBody,
    // Always the client's agency (another agency's id is FORBIDDEN, as for any staff).
    omitFromDocument: ['agencyId'],
    idempotent: true,
    success: { status: 201, schema: IncidentDetail, description: 'The incident as filed (a replay of the first answer when the Idempotency-Key was seen)' },
  },
  {
    method: 'GET',
    path: '/api/v1/incidents',
    operationId: 'listIncidents',
    summary: 'Incidents the client may read, newest first',
    action: 'incidents.list',
    query: RestListIncidentsQuery,
    success: { status: 200, schema: IncidentList, description: 'A page; pass `nextCursor` as `cursor` for the next' },
  },
  {
    method: 'GET',
    path: '/api/v1/incidents/{id}',
    operationId: 'getIncident',
    summary: 'One incident',
    action: 'incidents.get',
    success: { status: 200, schema: IncidentDetail, description: 'The incident' },
  },
  {
    method: 'POST',
    path: '/api/v1/incidents/{id}/observables',
    operationId: 'addObservables',
    summary: 'Add indicators to an incident (ones already there are skipped)',
    action: 'incidents.addObservables',
    body: RestAddObservablesBody,
    success: { status: 200, schema: ObservablesAdded, description: 'How many were added and skipped' },
  },
  {
    method: 'POST',
    path: '/api/v1/incidents/{id}/reports',
    operationId: 'submitReport',
    summary: 'Submit the notification or the final report of an incident',
    action: 'incidents.submitReport',
    body: RestSubmitReportBody,
    success: { status: 201, schema: IncidentDetail, description: 'The incident with the report' },
  },
  {
    method: 'POST',
    path: '/api/v1/incidents/{id}/files',
    operationId: 'uploadIncidentFile',
    summary: 'Attach an evidence file to an incident (at most 25 MiB a file, 50 files an incident)',
    action: 'incidents.uploadFile',
    multipart: {
      field: 'file',
      description: 'The file (form field `file`, one a request); its name and declared type are kept, and its type is also detected from the bytes',
    },
    success: {
      status: 201,
      schema: UploadedFileDto,
      description:
        'The file as stored. 200 (with `Idempotent-Replayed: true` and `duplicate: true`) when the same bytes (SHA-256) are already on the incident: the file stored then. Download it with `GET /files/{fileId}` (scope incidents:read)',
    },
  },
] as const satisfies readonly RestRoute[];

declare module 'fastify' {
  interface FastifyRequest {
    /** The REST caller, once its token was checked (apps/api/src/rest/routes.ts). */
    restCaller?: HttpCaller;
    restAuthError?: unknown;
  }
}

/** OpenAPI `{id}` → Fastify `:id`. */
const fastifyPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1');

/** A malformed id is as absent as an unknown one. */
function incidentIdOf(req: FastifyRequest): string {
  const parsed = IncidentIdInput.safeParse({ id: (req.params as { id?: string }).id });
  if (!parsed.success) throw new DomainError('NOT_FOUND', 'not_found');
  return parsed.data.id;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error });
  return parsed.data;
}

function listQuery(req: FastifyRequest): unknown {
  const params = new URL(req.url, 'http://localhost').searchParams;
  const { cursor, limit } = { cursor: params.get('cursor'), limit: params.get('limit') };
  for (const k of ['cursor', 'limit', 'lang']) params.delete(k);
  return {
    ...incidentFiltersFromSearchParams(params),
    ...(cursor !== null ? { cursor } : {}),
    ...(limit !== null ? { limit: limit.trim() === '' ? Number.NaN : Number(limit) } : {}),
  };
}

interface Answer {
  status: number;
  /** JSON text, sent as is. */
  body: string;
  replayed?: boolean;
}

type Handler = (ctx: UseCaseContext, req: FastifyRequest, caller: HttpCaller) => Promise<Answer>;

const json = (status: number, value: unknown): Answer => ({ status, body: JSON.stringify(value) });

const HANDLERS: Record<(typeof REST_ROUTES)[number]['operationId'], Handler> = {
  async createIncident(ctx, req, caller) {
    const key = idempotencyKeyOf(req.headers['idempotency-key']);
    const input = parse(RestCreateIncidentBody, req.body ?? {});
    const create = async (db: UseCaseContext['db']) => json(201, await fileIncident({ ...ctx, db }, input));
    if (key === null || !caller.actor.client) return create(ctx.db);
    return idempotentWrite(
      ctx.db,
      { clientId: caller.actor.client.id, key, body: req.body ?? {} },
      {
        write: (tx, id) => fileIncidentInTransaction(tx, { ...ctx, db: tx }, input, { id }),
        answer: async (row) => json(201, await incidentDetailOf(ctx, row)),
        rebuild: async (id) => json(201, await getIncident(ctx, { id })),
      },
    );
  },
  async listIncidents(ctx, req) {
    return json(200, await listIncidents(ctx, parse(RestListIncidentsQuery, listQuery(req))));
  },
  async getIncident(ctx, req) {
    return json(200, await getIncident(ctx, { id: incidentIdOf(req) }));
  },
  async addObservables(ctx, req) {
    const id = incidentIdOf(req);
    const input = parse(RestAddObservablesBody, req.body ?? {});
    return json(200, await addObservables(ctx, { ...input, id }));
  },
  async submitReport(ctx, req) {
    const id = incidentIdOf(req);
    const input = parse(RestSubmitReportBody, req.body ?? {});
    return json(201, await submitReport(ctx, { ...input, id }));
  },
  // The cookie route's own upload (modules/files/files.routes.ts `receiveUpload`): same streaming, limits and refusals.
  async uploadIncidentFile(ctx, req) {
    const id = incidentIdOf(req);
    const outcome = await receiveUpload(ctx, req, { kind: 'incident', id });
    // A repeat of bytes already there writes nothing: like an idempotent replay, it gets its `apiClient.call` row.
    return { ...json(outcome.created ? 201 : 200, outcome.file), replayed: !outcome.created };
  },
};

/** The bearer caller (never a cookie): none, or a bad token, is UNAUTHORIZED. */
async function bearerCaller(deps: HttpDeps, req: FastifyRequest, reply: FastifyReply): Promise<HttpCaller> {
  if (req.headers.authorization === undefined) throw new DomainError('UNAUTHORIZED', 'token_required');
  const caller = await httpCaller(deps, req, reply);
  if (!caller) throw new DomainError('UNAUTHORIZED', 'token_required');
  return caller;
}

export async function restRoutes(app: FastifyInstance, deps: RestDeps) {
  // Per client, not per address: a SOC's tools often share one egress address, and one agency's
  // burst must not spend another's budget. A request without a valid token counts per address.
  const limiter = app.createRateLimit({
    max: deps.ratePerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => (req.restCaller?.actor.client ? `rest-client:${req.restCaller.actor.client.id}` : `rest-ip:${req.ip}`),
  });

  // Keys past their 24 h are already treated as new; this only keeps the table small. Every
  // process may run it: a DELETE of old rows is harmless twice.
  const purge = setInterval(() => {
    purgeIdempotencyKeys(deps.db, new Date()).catch((err: unknown) => app.log.warn({ err }, 'idempotency key purge failed'));
  }, 3_600_000);
  purge.unref();
  app.addHook('onClose', async () => clearInterval(purge));

  // Fastify's own refusals (malformed JSON, wrong media type, too large) in the REST error body.
  app.setErrorHandler((error: Error & { statusCode?: number }, req, reply) => {
    const locale = requestLocale(req) ?? 'es-MX';
    if (error.statusCode === 400) return sendHttpError(reply, new DomainError('BAD_REQUEST', 'invalid_json'), locale);
    if (error.statusCode && error.statusCode > 400 && error.statusCode < 500) {
      return reply.code(error.statusCode).send({ error: { code: 'BAD_REQUEST', message: error.message, reason: null, fieldErrors: null } });
    }
    return sendHttpError(reply, error, locale);
  });

  const addRoute = (scope: FastifyInstance, route: RestRoute & { operationId: keyof typeof HANDLERS }) => {
    const handler = HANDLERS[route.operationId];
    scope.route({
      method: route.method,
      url: fastifyPath(route.path),
      // Counted by `limiter` below instead of the server's per-address limit.
      config: { rateLimit: false },
      onRequest: async (req, reply) => {
        try {
          req.restCaller = await bearerCaller(deps, req, reply);
        } catch (error) {
          req.restAuthError = error;
        }
        const limit = await limiter(req);
        if (!limit.isAllowed && limit.isExceeded) {
          const locale = requestLocale(req) ?? req.restCaller?.actor.locale ?? 'es-MX';
          reply.header('retry-after', String(limit.ttlInSeconds));
          return sendHttpError(reply, new DomainError('TOO_MANY_REQUESTS', 'rate_limited', { retryAfterSeconds: limit.ttlInSeconds }), locale);
        }
      },
      handler: async (req, reply) => {
        let locale: Locale = requestLocale(req) ?? 'es-MX';
        try {
          if (!req.restCaller) throw req.restAuthError ?? new DomainError('UNAUTHORIZED', 'token_required');
          const caller = req.restCaller;
          locale = requestLocale(req) ?? caller.actor.locale;
          assertActorMay(caller.actor, route.action);
          const ctx = httpUseCaseContext(deps, req, caller.actor, locale);
          const answer = await handler(ctx, req, caller);
          if (route.method === 'POST') deps.sealer?.nudge();
          if (answer.replayed) reply.header('idempotent-replayed', 'true');
          return reply.code(answer.status).header('content-type', 'application/json; charset=utf-8').send(answer.body);
        } catch (error) {
          return sendHttpError(reply, error, locale);
        }
      },
    });
  };

  for (const route of REST_ROUTES) {
    if ('multipart' in route) {
      // Its own scope: @fastify/multipart parses this route's body, and no other route's.
      await app.register(async (scope) => {
        await registerUploadParser(scope);
        addRoute(scope, route);
      });
    } else addRoute(app, route);
  }
}
