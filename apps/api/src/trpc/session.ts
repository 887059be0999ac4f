// Session cookie → actor: the one step the tRPC context and the plain-HTTP routes (the exports)
// share, so both extend a half-spent session and clear a dead cookie the same way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, blankCookieOptions, sessionCookieOptions, validateSessionToken } from '@anc/auth';
import type { Database } from '@anc/db';
import { LOCALES, type Actor, type Locale } from '@anc/domain';
import type { Env } from '../env.ts';
import type { CookieJar } from '../modules/use-case.ts';

export interface SignedIn {
  actor: Actor;
  sessionId: string;
}

/** The session cookie of a Fastify reply, set or cleared with the deployment's cookie options. */
export function sessionCookieJar(reply: FastifyReply, secure: boolean): CookieJar {
  return {
    setSession: (token, expiresAt) => void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(expiresAt, secure)),
    clearSession: () => void reply.setCookie(SESSION_COOKIE, '', blankCookieOptions(secure)),
  };
}

/** The caller behind a session token, or null (an unknown or expired token's cookie is cleared). */
export async function actorFromToken(db: Database['db'], token: string | undefined, cookies: CookieJar): Promise<SignedIn | null> {
  if (!token) return null;
  const session = await validateSessionToken(db, token);
  if (!session) {
    cookies.clearSession();
    return null;
  }
  if (session.extended) cookies.setSession(token, session.expiresAt);
  return {
    sessionId: session.sessionId,
    actor: {
      userId: session.user.id,
      role: session.user.role,
      agencyId: session.agency.id,
      agencyKind: session.agency.kind,
      locale: session.user.locale,
    },
  };
}

/** The caller of a plain-HTTP request, from its session cookie. */
export function actorFromRequest(deps: { db: Database['db']; env: Env }, req: FastifyRequest, reply: FastifyReply): Promise<SignedIn | null> {
  return actorFromToken(deps.db, req.cookies[SESSION_COOKIE], sessionCookieJar(reply, deps.env.secureCookies));
}

export const pickLocale = (value: unknown): Locale | null =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
