// Session cookie → actor: the one step the tRPC context and the plain-HTTP routes (the exports)
// share, so both extend a half-spent session and clear a dead cookie the same way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PENDING_SIGN_IN_COOKIE, SESSION_COOKIE, blankCookieOptions, sessionCookieOptions, validateSessionToken } from '@anc/auth';
import { getSecondFactorCounts, type Database } from '@anc/db';
import { DomainError, LOCALES, mfaEnrollmentRequired, type Actor, type Locale, type Role } from '@anc/domain';
import type { Env } from '../env.ts';
import type { CookieJar } from '../modules/use-case.ts';

export interface SignedIn {
  actor: Actor;
  sessionId: string;
  /**
   * The account's role must have a second factor (MFA_REQUIRED_ROLES) and it has none: it may
   * only enrol (trpc/init.ts `enforceMfaEnrollment`; plain-HTTP routes refuse it outright).
   */
  mfaEnrollmentRequired: boolean;
}

/**
 * The session and pending sign-in cookies of a Fastify reply, set or cleared with the
 * deployment's cookie options. Every way of signing in (tRPC, the OpenID Connect callback route)
 * sets them through this jar.
 */
export function sessionCookieJar(reply: FastifyReply, secure: boolean): CookieJar {
  return {
    setSession: (token, expiresAt) => void reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(expiresAt, secure)),
    clearSession: () => void reply.setCookie(SESSION_COOKIE, '', blankCookieOptions(secure)),
    setPendingSignIn: (token, expiresAt) => void reply.setCookie(PENDING_SIGN_IN_COOKIE, token, sessionCookieOptions(expiresAt, secure)),
    clearPendingSignIn: () => void reply.setCookie(PENDING_SIGN_IN_COOKIE, '', blankCookieOptions(secure)),
  };
}

/**
 * Whether this account must enrol a second factor before anything else. Asked on every request
 * of a role MFA_REQUIRED_ROLES names (one small query), never for the others.
 */
export async function needsMfaEnrollment(db: Database['db'], userId: string, role: Role, requiredRoles: readonly Role[]): Promise<boolean> {
  if (!requiredRoles.includes(role)) return false;
  return mfaEnrollmentRequired(role, await getSecondFactorCounts(db, userId), requiredRoles);
}

/** The caller behind a session token, or null (an unknown or expired token's cookie is cleared). */
export async function actorFromToken(
  db: Database['db'],
  token: string | undefined,
  cookies: CookieJar,
  requiredRoles: readonly Role[],
): Promise<SignedIn | null> {
  if (!token) return null;
  const session = await validateSessionToken(db, token);
  if (!session) {
    cookies.clearSession();
    return null;
  }
  if (session.extended) cookies.setSession(token, session.expiresAt);
  return {
    sessionId: session.sessionId,
    mfaEnrollmentRequired: await needsMfaEnrollment(db, session.user.id, session.user.role, requiredRoles),
    actor: {
      userId: session.user.id,
      role: session.user.role,
      agencyId: session.agency.id,
      agencyKind: session.agency.kind,
      locale: session.user.locale,
    },
  };
}

/**
 * The caller of a plain-HTTP request (exports, files, TAXII, the event stream), from its session
 * cookie. An account that must enrol a second factor is refused here, for every such route at
 * once: FORBIDDEN `mfa_enrollment_required`.
 */
export async function actorFromRequest(deps: { db: Database['db']; env: Env }, req: FastifyRequest, reply: FastifyReply): Promise<SignedIn | null> {
  const signedIn = await actorFromToken(deps.db, req.cookies[SESSION_COOKIE], sessionCookieJar(reply, deps.env.secureCookies), deps.env.mfaRequiredRoles);
  if (signedIn?.mfaEnrollmentRequired) throw new DomainError('FORBIDDEN', 'mfa_enrollment_required');
  return signedIn;
}

export const pickLocale = (value: unknown): Locale | null =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value) ? (value as Locale) : null;
