/** The session cookie: http-only, SameSite=Lax, Secure everywhere but local development. */
export const SESSION_COOKIE = 'anc_session';

export interface SessionCookieOptions {
  httpOnly: true;
  sameSite: 'lax';
  secure: boolean;
  path: '/';
  expires: Date;
}

export function sessionCookieOptions(expiresAt: Date, secure: boolean): SessionCookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt };
}

/** Options that delete the cookie (same attributes, expired). */
export function blankCookieOptions(secure: boolean): SessionCookieOptions {
  return sessionCookieOptions(new Date(0), secure);
}

/**
 * The pending sign-in cookie (docs/API.md "MFA"): the password was right, a second factor is
 * owed. Same attributes as the session cookie, its own name, 5 minutes; it opens nothing but
 * `auth.verifyMfa` (and the passkey step beside it).
 */
export const PENDING_SIGN_IN_COOKIE = 'anc_mfa_pending';
