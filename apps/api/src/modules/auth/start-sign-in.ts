// The end of every way of signing in (password here, OpenID Connect in its callback route): the
// account proved its first factor; `beginSignIn` (packages/auth) decides between a session and
// a pending sign-in that owes a second factor, and this sets the matching cookie through the
// caller's jar (trpc/session.ts `sessionCookieJar` — the same jar a plain-HTTP route builds).
//
// From a plain-HTTP route (the OpenID Connect callback): build the context as tRPC does —
// `{ db, actor: null, origin: auditOrigin(...), locale, sealer, sessionId: <the session cookie's
// id or null>, cookies: sessionCookieJar(reply, env.secureCookies), request: { ip, userAgent } }` —
// call `startSignIn(ctx, found, { method: 'oidc', secondFactorAsserted: <from the id token's amr>,
// pendingSignInToken: req.cookies[PENDING_SIGN_IN_COOKIE] })`, then redirect to `/` when it answers
// a user, or to `/ingresar?step=mfa` when it answers `mfaRequired` (the portal then asks for the code).
import { beginSignIn, invalidateSession, sessionIdFromToken, abandonPendingSignIn } from '@anc/auth';
import { touchLastSignIn, writeAudit, type Db, type UserRow } from '@anc/db';
import type { SignInOutput } from '@anc/domain';
import type { OpenUseCaseContext, SessionContext } from '../use-case.ts';
import { toSessionUser, type AgencyRef } from '../users/user-dto.ts';

export interface StartSignInOptions {
  /** How the first factor was proved, for the audit row. */
  method: 'password' | 'oidc';
  /** The identity provider asserted a second factor (`amr`): the portal's own is not asked again. */
  secondFactorAsserted: boolean;
  /** More writes of the same transaction (the password throttle's refund). */
  alsoInTransaction?: (tx: Db) => Promise<void>;
  /** The pending cookie the browser sent, if any: replaced by whatever this sign-in starts. */
  pendingSignInToken?: string | null;
}

export async function startSignIn(
  ctx: OpenUseCaseContext & SessionContext,
  found: { user: UserRow; agency: AgencyRef },
  options: StartSignInOptions,
): Promise<SignInOutput> {
  const now = new Date();
  const started = await ctx.db.transaction(async (tx) => {
    // A fresh token on every sign-in; what the browser held before is ended (no fixation).
    if (ctx.sessionId) await invalidateSession(tx, ctx.sessionId);
    if (options.pendingSignInToken) await abandonPendingSignIn(tx, sessionIdFromToken(options.pendingSignInToken));
    const result = await beginSignIn(
      tx,
      found.user,
      { ip: ctx.request.ip, userAgent: ctx.request.userAgent },
      { secondFactorAsserted: options.secondFactorAsserted, now },
    );
    await options.alsoInTransaction?.(tx);
    if (result.kind === 'session') await touchLastSignIn(tx, found.user.id, now);
    await writeAudit(tx, {
      actorId: found.user.id,
      action: result.kind === 'session' ? 'auth.signIn' : 'auth.mfaChallenge',
      entityType: 'user',
      entityId: found.user.id,
      diff: { method: options.method, ...(options.secondFactorAsserted ? { secondFactor: 'asserted_by_provider' } : {}) },
      origin: ctx.origin,
    });
    return result;
  });
  ctx.sealer?.nudge();
  if (started.kind === 'session') {
    ctx.cookies.setSession(started.token, started.expiresAt);
    ctx.cookies.clearPendingSignIn();
    return { user: toSessionUser(found.user, found.agency) };
  }
  if (ctx.sessionId) ctx.cookies.clearSession();
  ctx.cookies.setPendingSignIn(started.token, started.expiresAt);
  return { user: null, mfaRequired: true };
}
