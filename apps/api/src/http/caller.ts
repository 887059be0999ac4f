// Who calls a plain-HTTP route (REST v1, TAXII, the exports), and the UseCaseContext the route
// hands to the same use-cases tRPC calls. An `Authorization: Bearer` header makes the caller an
// API client (packages/auth/src/api-tokens.ts); otherwise the session cookie makes it a person.
// A bearer request needs no cookie and no Origin header: it cannot be forged by another site's
// page, which can neither read nor set it.
import { TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authenticateApiToken, bearerToken } from '@anc/auth';
import type { Database } from '@anc/db';
import { DomainError, type Actor, type Locale } from '@anc/domain';
import type { Env } from '../env.ts';
import { auditOrigin } from '../modules/audit/origin.ts';
import type { SealerHandle, UseCaseContext } from '../modules/use-case.ts';
import { describeError, toTRPCError } from '../trpc/errors.ts';
import { actorFromRequest, pickLocale } from '../trpc/session.ts';

export interface HttpDeps {
  db: Database['db'];
  env: Env;
  sealer?: SealerHandle | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when an API client's token was accepted: the request is audited when it completes. */
    apiClientActor?: Actor;
  }
}

export interface HttpCaller {
  actor: Actor;
  /** How the caller proved who it is. */
  via: 'token' | 'session';
}

/**
 * The caller, or null when the request carries no credentials at all. A bearer token that is
 * malformed, unknown, revoked or expired is refused (UNAUTHORIZED `invalid_token`), never ignored
 * in favour of a cookie.
 */
export async function httpCaller(deps: HttpDeps, req: FastifyRequest, reply: FastifyReply): Promise<HttpCaller | null> {
  if (req.headers.authorization !== undefined) {
    const token = bearerToken(req.headers.authorization);
    const actor = token ? await authenticateApiToken(deps.db, token) : null;
    if (!actor) throw new DomainError('UNAUTHORIZED', 'invalid_token');
    req.apiClientActor = actor;
    return { actor, via: 'token' };
  }
  const signedIn = await actorFromRequest(deps, req, reply);
  return signedIn ? { actor: signedIn.actor, via: 'session' } : null;
}

/** The caller, or a thrown UNAUTHORIZED. */
export async function requireHttpCaller(deps: HttpDeps, req: FastifyRequest, reply: FastifyReply): Promise<HttpCaller> {
  const caller = await httpCaller(deps, req, reply);
  if (!caller) throw new DomainError('UNAUTHORIZED', 'not_signed_in');
  return caller;
}

/** The same context tRPC builds (apps/api/src/trpc/context.ts), for a plain-HTTP route. */
export function httpUseCaseContext(deps: HttpDeps, req: FastifyRequest, actor: Actor, locale: Locale = requestLocale(req) ?? actor.locale): UseCaseContext {
  return {
    db: deps.db,
    actor,
    origin: auditOrigin({ requestId: String(req.id), ip: req.ip, userAgent: req.headers['user-agent'] }),
    locale,
    sealer: deps.sealer ?? null,
  };
}

/** `lang` of the query, else the portal's header: the language of words in the answer. */
export function requestLocale(req: FastifyRequest): Locale | null {
  return pickLocale(new URL(req.url, 'http://localhost').searchParams.get('lang')) ?? pickLocale(req.headers['x-anc-locale']);
}

/** The JSON error body of every plain-HTTP route (docs/API.md: REST v1 errors). */
export interface HttpErrorBody {
  error: { code: string; message: string; reason: string | null; fieldErrors: Record<string, string[]> | null };
}

/** Any error as that body, with the HTTP status tRPC gives the same code; a 500 is logged, never described. */
export function sendHttpError(reply: FastifyReply, error: unknown, locale: Locale) {
  const trpcError =
    error instanceof TRPCError ? error : error instanceof DomainError ? toTRPCError(error) : new TRPCError({ code: 'INTERNAL_SERVER_ERROR', cause: error });
  if (trpcError.code === 'INTERNAL_SERVER_ERROR') reply.log.error({ err: error }, 'route failed');
  const { message, reason, fieldErrors } = describeError(trpcError, locale);
  const body: HttpErrorBody = { error: { code: trpcError.code, message, reason, fieldErrors } };
  if (trpcError.code === 'UNAUTHORIZED') reply.header('www-authenticate', 'Bearer realm="anc"');
  return reply.code(getHTTPStatusCodeFromError(trpcError)).header('cache-control', 'no-store').send(body);
}
