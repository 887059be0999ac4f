/**
 * OpenID Connect single sign-on (issue 13 point 6): the authorization code flow with PKCE, by
 * openid-client v6, as two plain-HTTP routes a browser navigates (README, security section).
 *
 *   GET /auth/oidc/start?redirect=/path   → 302 to the provider's authorization endpoint
 *   GET /auth/oidc/callback?code&state&iss → 302 to the portal (signed in); to
 *                                           /ingresar?step=mfa&redirect=… when the portal's second
 *                                           factor is owed (a pending sign-in, packages/auth
 *                                           beginSignIn); or to /ingresar?oidc=<code> (OIDC_ERROR_CODES)
 *
 * The start chooses a state, a nonce and a PKCE verifier and keeps them in the database
 * (oidc_sign_in_attempts) under the hash of a random handle; the browser holds only the handle, in
 * an http-only cookie limited to /auth/oidc/ that lives 10 minutes. The callback takes that row
 * (once), compares the state, and lets openid-client exchange the code with the verifier and
 * validate the ID token (signature from the provider's JWKS, issuer, audience, expiry, nonce);
 * then modules/auth/oidc-sign-in.ts applies the portal's rules. Every outcome of a callback is
 * audited. Without OIDC_* settings both routes answer 404, as a route that does not exist.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import { PENDING_SIGN_IN_COOKIE, SESSION_COOKIE, sessionIdFromToken } from '@anc/auth';
import { insertOidcSignInAttempt, takeOidcSignInAttempt, type Database } from '@anc/db';
import { oidcIdentity, safeReturnPath, type OidcErrorCode, type OidcFailureReason } from '@anc/domain';
import type { Env } from '../../../env.ts';
import { auditOrigin } from '../../audit/origin.ts';
import type { SealerHandle } from '../../use-case.ts';
import { sessionCookieJar } from '../../../trpc/session.ts';
import { oidcSignIn, recordOidcFailure } from '../oidc-sign-in.ts';

export const OIDC_START_PATH = '/auth/oidc/start';
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';
/** The handle of the sign-in under way. */
export const OIDC_COOKIE = 'anc_oidc';
const OIDC_COOKIE_PATH = '/auth/oidc/';
/** How long a person has at the provider before the sign-in must start again. */
export const OIDC_ATTEMPT_TTL_MS = 10 * 60 * 1000;
const SIGN_IN_PAGE = '/ingresar';
const HANDLE = /^[A-Za-z0-9_-]{43}$/;

export type OidcConfig = NonNullable<Env['oidc']>;

/** The provider's metadata, discovered once and kept; a failed discovery is tried again next time. */
export class OidcProvider {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(private readonly settings: OidcConfig) {}

  get(): Promise<client.Configuration> {
    this.configuration ??= this.discover().catch((err: unknown) => {
      this.configuration = null;
      throw err;
    });
    return this.configuration;
  }

  private discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    // env.ts refuses an http:// issuer in production; elsewhere (a provider on this machine) it is allowed.
    const insecure = new URL(issuer).protocol === 'http:';
    return client.discovery(
      new URL(issuer),
      clientId,
      clientSecret ?? undefined,
      // client_secret_basic is the method OpenID Connect assumes when a client registers none.
      clientSecret ? client.ClientSecretBasic(clientSecret) : client.None(),
      { timeout: 10, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) },
    );
  }
}

export interface OidcRoutesOptions {
  db: Database['db'];
  env: Env;
  sealer?: SealerHandle | null;
}

const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');

const sameText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** The claim an ID token check failed on (`nonce`, `aud`, …), from openid-client's error causes. */
function failedClaim(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const claim = (e as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
  }
  return null;
}

const errorCodeOf = (err: unknown) =>
  err && typeof err === 'object' && typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : 'error';
/** A short line for the audit row: openid-client's code, the provider's OAuth error if it sent one, the message. */
const describe = (err: unknown) => {
  const oauthError = err && typeof err === 'object' && typeof (err as { error?: unknown }).error === 'string' ? ` (${(err as { error: string }).error})` : '';
  return `${errorCodeOf(err)}${oauthError}: ${err instanceof Error ? err.message : 'unknown'}`.slice(0, 200);
};

const PROFILE_CLAIMS = ['email', 'email_verified', 'name', 'given_name', 'family_name', 'locale'] as const;
const profileClaims = (info: Record<string, unknown>) => Object.fromEntries(PROFILE_CLAIMS.filter((k) => info[k] !== undefined).map((k) => [k, info[k]]));

/** What a token exchange that threw is recorded as. */
export function exchangeFailure(err: unknown): OidcFailureReason {
  const claim = failedClaim(err);
  if (claim === 'nonce') return 'nonce_mismatch';
  if (claim) return 'id_token_invalid';
  return 'token_exchange_failed';
}

const notFound = (reply: FastifyReply) => reply.code(404).send({ error: 'Not Found' });
const toSignInPage = (reply: FastifyReply, code: OidcErrorCode) => reply.redirect(`${SIGN_IN_PAGE}?oidc=${code}`, 302);

export async function oidcRoutes(app: FastifyInstance, opts: OidcRoutesOptions) {
  const settings = opts.env.oidc;
  const provider = settings ? new OidcProvider(settings) : null;
  const secure = opts.env.secureCookies;
  const auditCtx = (req: FastifyRequest) => ({
    db: opts.db,
    origin: auditOrigin({ requestId: String(req.id), ip: req.ip, userAgent: req.headers['user-agent'] }),
    sealer: opts.sealer ?? null,
  });

  app.get(OIDC_START_PATH, async (req, reply) => {
    if (!settings || !provider) return notFound(reply);
    const query = req.query as Record<string, unknown>;
    try {
      let configuration: client.Configuration;
      try {
        configuration = await provider.get();
      } catch (err) {
        req.log.warn({ err: describe(err) }, 'OIDC discovery failed');
        return toSignInPage(reply, (await recordOidcFailure(auditCtx(req), 'discovery_failed', { detail: describe(err) })).code);
      }
      const handle = randomBytes(32).toString('base64url');
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      const redirectUri = `${settings.redirectBase ?? `${req.protocol}://${req.host}`}${OIDC_CALLBACK_PATH}`;
      const now = new Date();
      await insertOidcSignInAttempt(
        opts.db,
        {
          id: sha256Hex(handle),
          state,
          nonce,
          codeVerifier,
          redirectUri,
          returnTo: safeReturnPath(query.redirect),
          createdAt: now,
          expiresAt: new Date(now.getTime() + OIDC_ATTEMPT_TTL_MS),
        },
        now,
      );
      const authorizationUrl = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        response_type: 'code',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      // SameSite=Lax: the provider sends the browser back with a top-level GET, which carries it.
      void reply.setCookie(OIDC_COOKIE, handle, { httpOnly: true, sameSite: 'lax', secure, path: OIDC_COOKIE_PATH, maxAge: OIDC_ATTEMPT_TTL_MS / 1000 });
      return reply.redirect(authorizationUrl.href, 302);
    } catch (err) {
      req.log.error({ err }, 'OIDC start failed');
      return toSignInPage(reply, 'unavailable');
    }
  });

  app.get(OIDC_CALLBACK_PATH, async (req, reply) => {
    if (!settings || !provider) return notFound(reply);
    const ctx = auditCtx(req);
    const fail = async (reason: OidcFailureReason, details: { email?: string | null; detail?: string } = {}) => {
      req.log.info({ reason }, 'OIDC sign-in refused');
      return toSignInPage(reply, (await recordOidcFailure(ctx, reason, details)).code);
    };
    try {
      // The handle is good for one try, whatever its outcome.
      const handle = req.cookies[OIDC_COOKIE];
      void reply.clearCookie(OIDC_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: OIDC_COOKIE_PATH });
      const attempt = handle && HANDLE.test(handle) ? await takeOidcSignInAttempt(opts.db, sha256Hex(handle)) : undefined;
      if (!attempt || attempt.expiresAt.getTime() <= Date.now()) return await fail('no_attempt');

      const params = new URL(req.url, 'http://callback.invalid').searchParams;
      const providerError = params.get('error');
      if (providerError !== null) return await fail('provider_error', { detail: providerError.replace(/[^\w.-]/g, '').slice(0, 64) });
      const state = params.get('state');
      if (state === null || !sameText(state, attempt.state)) return await fail('state_mismatch');

      let configuration: client.Configuration;
      try {
        configuration = await provider.get();
      } catch (err) {
        return await fail('discovery_failed', { detail: describe(err) });
      }
      // openid-client reads code, state and iss off this URL and sends it, without them, as redirect_uri.
      const currentUrl = new URL(attempt.redirectUri);
      currentUrl.search = params.toString();
      let claims: Record<string, unknown> | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
          pkceCodeVerifier: attempt.codeVerifier,
          expectedState: attempt.state,
          expectedNonce: attempt.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        // A provider may keep the scopes' claims at its userinfo endpoint once it issued an access
        // token (OpenID Connect Core 5.4): then the e-mail and name come from there, for the same sub.
        const info = idToken && typeof idToken.email !== 'string' ? await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub) : null;
        claims = idToken ? { ...idToken, ...(info ? profileClaims(info) : {}) } : undefined;
      } catch (err) {
        return await fail(exchangeFailure(err), { detail: describe(err) });
      }
      if (!claims) return await fail('id_token_invalid', { detail: 'no ID token' });

      const token = req.cookies[SESSION_COOKIE];
      const outcome = await oidcSignIn(
        {
          ...ctx,
          sessionId: token ? sessionIdFromToken(token) : null,
          pendingSignInToken: req.cookies[PENDING_SIGN_IN_COOKIE] ?? null,
          cookies: sessionCookieJar(reply, secure),
          request: { ip: req.ip, userAgent: req.headers['user-agent'] },
        },
        oidcIdentity(claims),
        settings,
      );
      if (!outcome.ok) {
        req.log.info({ reason: outcome.reason }, 'OIDC sign-in refused');
        return toSignInPage(reply, outcome.code);
      }
      // A second factor is owed: the sign-in page's second step (the pending cookie is set).
      if (outcome.pending) return reply.redirect(`${SIGN_IN_PAGE}?step=mfa&redirect=${encodeURIComponent(attempt.returnTo)}`, 302);
      return reply.redirect(attempt.returnTo, 302);
    } catch (err) {
      // Never a stack to the browser: the sign-in page says the provider could not be used.
      req.log.error({ err }, 'OIDC callback failed');
      return toSignInPage(reply, 'unavailable');
    }
  });
}
