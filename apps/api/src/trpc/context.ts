// Request context. `createInnerContext` is what procedures need; the outer one reads it off
// Fastify's request (cookie → session → actor) so tests can build the inner one directly.
import type { CreateFastifyContextOptions } from '@trpc/server/adapters/fastify';
import { PENDING_SIGN_IN_COOKIE, SESSION_COOKIE } from '@anc/auth';
import type { Database } from '@anc/db';
import type { Actor, Locale } from '@anc/domain';
import type { Env } from '../env.ts';
import type { AuditOrigin } from '@anc/db';
import type { AuditSealer } from '../modules/audit/sealer.ts';
import { auditOrigin } from '../modules/audit/origin.ts';
import type { CookieJar } from '../modules/use-case.ts';
import { actorFromToken, pickLocale, sessionCookieJar } from './session.ts';

export interface RequestInfo {
  requestId: string;
  ip: string;
  userAgent: string | undefined;
  /** The Origin header of the request, if any. */
  origin: string | undefined;
  /** The origin this server is reached at (scheme://host), as the request sees it. */
  selfOrigin: string;
}

export interface InnerContext {
  db: Database['db'];
  env: Env;
  actor: Actor | null;
  sessionId: string | null;
  /** The signed-in account must enrol a second factor before anything else (trpc/session.ts). */
  mfaEnrollmentRequired: boolean;
  /** The pending sign-in cookie's value (a second factor owed), if any. */
  pendingSignInToken: string | null;
  request: RequestInfo;
  /** The request as the audit log records it (what every use-case receives). */
  origin: AuditOrigin;
  cookies: CookieJar;
  /** Language of error messages: the portal's header, else the user's setting, else Spanish. */
  locale: Locale;
  sealer: AuditSealer | null;
}

/** A cookie jar that sets nothing: for contexts built outside an HTTP request (tests, jobs). */
export const noCookies: CookieJar = { setSession: () => {}, clearSession: () => {}, setPendingSignIn: () => {}, clearPendingSignIn: () => {} };

export function createInnerContext(opts: Partial<InnerContext> & Pick<InnerContext, 'db' | 'env'>): InnerContext {
  const request = opts.request ?? { requestId: 'test', ip: '127.0.0.1', userAgent: 'test', origin: undefined, selfOrigin: 'http://localhost' };
  return {
    actor: null,
    sessionId: null,
    mfaEnrollmentRequired: false,
    pendingSignInToken: null,
    cookies: noCookies,
    locale: opts.actor?.locale ?? 'es-MX',
    sealer: null,
    ...opts,
    request,
    origin: opts.origin ?? auditOrigin(request),
  };
}

export function contextFactory(deps: { db: Database['db']; env: Env; sealer: AuditSealer | null }) {
  return async function createContext({ req, res }: CreateFastifyContextOptions): Promise<InnerContext> {
    const cookies = sessionCookieJar(res, deps.env.secureCookies);
    const signedIn = await actorFromToken(deps.db, req.cookies[SESSION_COOKIE], cookies, deps.env.mfaRequiredRoles);
    const actor = signedIn?.actor ?? null;
    const sessionId = signedIn?.sessionId ?? null;
    const request: RequestInfo = {
      requestId: String(req.id),
      ip: req.ip,
      userAgent: req.headers['user-agent'],
      origin: req.headers.origin,
      selfOrigin: `${req.protocol}://${req.host}`,
    };
    return {
      db: deps.db,
      env: deps.env,
      actor,
      sessionId,
      mfaEnrollmentRequired: signedIn?.mfaEnrollmentRequired ?? false,
      pendingSignInToken: req.cookies[PENDING_SIGN_IN_COOKIE] || null,
      request,
      origin: auditOrigin(request),
      cookies,
      locale: pickLocale(req.headers['x-anc-locale']) ?? actor?.locale ?? 'es-MX',
      sealer: deps.sealer,
    };
  };
}
