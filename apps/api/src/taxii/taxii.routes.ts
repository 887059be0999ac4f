/**
 * TAXII 2.1 (OASIS, Committee Specification 01), read-only, for agencies' security tools to pull
 * the indicators shared with them (docs/API.md "Callers that are not a browser"):
 *
 *   GET /taxii2/                                     discovery
 *   GET /taxii2/api/                                 the one API root
 *   GET /taxii2/api/collections/                     its collections: `shared-with-me` (collection.ts)
 *   GET /taxii2/api/collections/{id}/                one collection (its id or its alias)
 *   GET /taxii2/api/collections/{id}/objects/?added_after=&limit=&next=&match[type]=
 *
 * Callers: an API client with the scope `indicators:read` (`Authorization: Bearer`), or a signed-in
 * person (session cookie); apps/api/src/http/caller.ts. No credentials or a bad token → 401, a
 * client without the scope → 403, an unknown collection → 404, a bad parameter → 400, an Accept
 * the server cannot answer → 406; every error is a TAXII error message.
 */
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, Instant, assertActorMay, messageFor, type Actor, type Locale, type MessageKey } from '@anc/domain';
import { requestLocale, requireHttpCaller, type HttpDeps } from '../http/caller.ts';
import { describeError, toTRPCError } from '../trpc/errors.ts';
import { SHARED_WITH_ME_ALIAS, SHARED_WITH_ME_ID, TAXII_DEFAULT_LIMIT, TAXII_MAX_LIMIT, decodeNext, sharedWithMePage } from './collection.ts';

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

/**
 * Whether an Accept header admits the TAXII 2.1 media type: absent, `*\/*`, `application/*`, or
 * `application/taxii+json` without a version or with version 2.1 (and q above 0).
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    const param = (name: string) =>
      params
        .map((p) => p.split('=').map((x) => x.trim()))
        .find(([k]) => k === name)?.[1]
        ?.replace(/^"|"$/g, '');
    const q = param('q');
    if (q !== undefined && !(Number(q) > 0)) return false;
    if (type === '*/*' || type === 'application/*') return true;
    if (type !== 'application/taxii+json') return false;
    const version = param('version');
    return version === undefined || version === '2.1';
  });
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  406: 'Not Acceptable',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

/** A JSON body sent as bytes, so Fastify keeps the media type exactly as written. */
const taxiiBody = (body: unknown) => Buffer.from(JSON.stringify(body));

function sendTaxii(reply: FastifyReply, body: unknown, status = 200) {
  return reply
    .code(status)
    .header('content-type', TAXII_MEDIA_TYPE)
    .header('cache-control', 'no-store')
    .header('vary', 'Accept, Authorization, Cookie')
    .send(taxiiBody(body));
}

/** A TAXII error message (TAXII 2.1 §3.6.1). */
function sendErrorMessage(req: FastifyRequest, reply: FastifyReply, status: number, code: string, description: string, details: Record<string, unknown>) {
  return sendTaxii(
    reply,
    { title: titles[status] ?? code, description, error_id: String(req.id), error_code: code, http_status: String(status), details },
    status,
  );
}

/** Any error as a TAXII error message with the status tRPC gives its code. */
function sendTaxiiError(req: FastifyRequest, reply: FastifyReply, error: unknown, locale: Locale) {
  const trpcError =
    error instanceof TRPCError ? error : error instanceof DomainError ? toTRPCError(error) : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
  if (trpcError.code === 'INTERNAL_SERVER_ERROR') reply.log.error({ err: error }, 'TAXII route failed');
  const status = getHTTPStatusCodeFromError(trpcError);
  const { message, reason, fieldErrors } = describeError(trpcError, locale);
  if (status === 401) reply.header('www-authenticate', 'Bearer realm="anc"');
  return sendErrorMessage(req, reply, status, trpcError.code, message, { reason, ...(fieldErrors ? { fieldErrors } : {}) });
}

const queryOf = (req: FastifyRequest) => new URL(req.url, 'http://localhost').searchParams;

const badParam = (name: string, key: MessageKey) => new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { [name]: [key] } });

function collectionResource() {
  return {
    id: SHARED_WITH_ME_ID,
    title: 'Compartido conmigo / Shared with me',
    description:
      'Indicadores STIX 2.1 de cada incidente que puede leer quien consulta, con su marca TLP 2.0. / STIX 2.1 indicators of every incident the caller may read, each with its TLP 2.0 marking.',
    alias: SHARED_WITH_ME_ALIAS,
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA_TYPE],
  };
}

/** The collection a path names (its id or its alias), or NOT_FOUND. */
function collectionOr404(id: string) {
  if (id !== SHARED_WITH_ME_ID && id !== SHARED_WITH_ME_ALIAS) throw new DomainError('NOT_FOUND', 'not_found');
  return collectionResource();
}

function parseLimit(raw: string | null): number {
  if (raw === null) return TAXII_DEFAULT_LIMIT;
  if (!/^\d{1,30}$/.test(raw) || Number(raw) < 1) throw badParam('limit', 'invalid_limit');
  // A larger limit is allowed and answered with at most the server's page (TAXII 2.1 §3.4).
  return Math.min(Number(raw), TAXII_MAX_LIMIT);
}

/** `match[type]=indicator,marking-definition` (repeated or comma-separated), or undefined. */
function parseTypes(params: URLSearchParams): string[] | undefined {
  const values = params.getAll('match[type]');
  if (!values.length) return undefined;
  return values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

export async function taxiiRoutes(app: FastifyInstance, opts: HttpDeps) {
  /** Runs a TAXII handler: media type negotiation, then the caller and its right to read indicators. */
  const handle =
    <P>(answer: (req: FastifyRequest<{ Params: P }>, actor: Actor) => Promise<{ body: unknown; headers?: Record<string, string> }>) =>
    async (req: FastifyRequest<{ Params: P }>, reply: FastifyReply) => {
      let locale: Locale = requestLocale(req) ?? 'es-MX';
      if (!acceptsTaxii(req.headers.accept)) {
        return sendErrorMessage(req, reply, 406, 'NOT_ACCEPTABLE', messageFor('not_acceptable', locale), { reason: 'not_acceptable' });
      }
      try {
        const { actor } = await requireHttpCaller(opts, req, reply);
        locale = requestLocale(req) ?? actor.locale;
        assertActorMay(actor, 'indicators.read');
        const { body, headers = {} } = await answer(req, actor);
        for (const [k, v] of Object.entries(headers)) reply.header(k, v);
        return sendTaxii(reply, body);
      } catch (error) {
        return sendTaxiiError(req, reply, error, locale);
      }
    };

  const origin = (req: FastifyRequest) => opts.env.publicOrigins[0] ?? `${req.protocol}://${req.host}`;

  app.get(
    '/taxii2/',
    handle(async (req) => ({
      body: {
        title: 'ANC — Portal de coordinación / Coordination portal',
        description: 'Indicadores compartidos con su institución (TAXII 2.1). / Indicators shared with your agency (TAXII 2.1).',
        default: `${origin(req)}/taxii2/api/`,
        api_roots: [`${origin(req)}/taxii2/api/`],
      },
    })),
  );

  app.get(
    '/taxii2/api/',
    handle(async () => ({
      body: {
        title: 'ANC',
        description: 'Indicadores de incidentes / Incident indicators',
        versions: [TAXII_MEDIA_TYPE],
        // Read-only: no request body is accepted, so this is the largest the server reads at all.
        max_content_length: 0,
      },
    })),
  );

  app.get(
    '/taxii2/api/collections/',
    handle(async () => ({ body: { collections: [collectionResource()] } })),
  );

  app.get<{ Params: { id: string } }>(
    '/taxii2/api/collections/:id/',
    handle<{ id: string }>(async (req) => ({ body: collectionOr404(req.params.id) })),
  );

  app.get<{ Params: { id: string } }>(
    '/taxii2/api/collections/:id/objects/',
    handle<{ id: string }>(async (req, actor) => {
      collectionOr404(req.params.id);
      const params = queryOf(req);
      const limit = parseLimit(params.get('limit'));
      const addedAfter = params.get('added_after');
      if (addedAfter !== null && !Instant.safeParse(addedAfter).success) throw badParam('added_after', 'invalid_datetime');
      const next = params.get('next');
      const page = await sharedWithMePage(opts.db, actor, {
        after: next !== null ? decodeNext(next) : undefined,
        addedAfter: addedAfter ?? undefined,
        limit,
        types: parseTypes(params),
      });
      const headers: Record<string, string> = {};
      if (page.first && page.last) {
        headers['x-taxii-date-added-first'] = page.first.toISOString();
        headers['x-taxii-date-added-last'] = page.last.toISOString();
      }
      // TAXII 2.1 §3.7: `objects` holds one or more objects; an empty page is an envelope without it.
      const body = {
        more: page.next !== null,
        ...(page.next !== null ? { next: page.next } : {}),
        ...(page.objects.length ? { objects: page.objects } : {}),
      };
      return { body, headers };
    }),
  );

  // Any other path under /taxii2/ (a status, a manifest, an object by id: not offered) is a TAXII 404.
  app.get(
    '/taxii2/*',
    handle(async () => {
      throw new DomainError('NOT_FOUND', 'not_found');
    }),
  );
}
