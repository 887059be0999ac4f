// A real OpenID provider for tests: panva's oidc-provider, in this process, on a random port of
// 127.0.0.1, with one confidential client whose redirect URI is the test API's callback. Its
// login step is a tiny interaction handler that signs in whoever the test named last
// (`signInAs`), with the claims the test chose (email, email_verified, name, amr), and grants
// the `openid email profile` scopes at once (no consent page). And `follow`: a browser's part of
// the flow over real HTTP, following every redirect by hand with one cookie jar per origin.
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Provider } from 'oidc-provider';
import { CookieJar } from './http.ts';

export interface TestIdentity {
  email?: string;
  email_verified?: boolean | string;
  name?: string;
  /** Authentication methods the provider says it used (RFC 8176), set on its session at login. */
  amr?: string[];
}

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Registers the client with the API's callback as redirect URI and starts answering. */
  register(redirectUri: string): void;
  /** Who the next login at the provider is, and with which claims. */
  signInAs(identity: TestIdentity): void;
  close(): Promise<void>;
}

/**
 * `claimsInIdToken`: false keeps oidc-provider's default (`conformIdTokenClaims`): with an access
 * token issued, the scopes' claims (email, …) are only at the userinfo endpoint, not in the ID token.
 */
export async function startTestOidcProvider({ claimsInIdToken = true }: { claimsInIdToken?: boolean } = {}): Promise<TestOidcProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'anc-portal-test';
  const clientSecret = 'un-secreto-de-prueba-de-al-menos-32-caracteres';
  const accounts = new Map<string, TestIdentity>();
  let nextIdentity: TestIdentity | null = null;
  let serial = 0;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });

  return {
    issuer,
    clientId,
    clientSecret,
    register(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          { client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] },
        ],
        jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', use: 'sig', alg: 'RS256' }] },
        cookies: { keys: ['una-llave-de-cookies-de-prueba'] },
        // `amr` and `auth_time` are claims of the ID token as any scope grants them.
        claims: { openid: ['sub', 'amr', 'acr', 'auth_time'], email: ['email', 'email_verified'], profile: ['name'] },
        conformIdTokenClaims: !claimsInIdToken,
        features: { devInteractions: { enabled: false } },
        interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
        async findAccount(_ctx, sub) {
          const identity = accounts.get(sub);
          if (!identity) return undefined;
          const { amr: _amr, ...claims } = identity;
          return { accountId: sub, claims: () => ({ sub, ...claims }) };
        },
      });
      const callback = provider.callback();
      server.on('request', (req, res) => {
        if (!req.url?.startsWith('/interaction/')) return void callback(req, res);
        void (async () => {
          const details = await provider.interactionDetails(req, res);
          const identity = nextIdentity;
          if (!identity) throw new Error('the test named no one to sign in at the provider (signInAs)');
          const accountId = `cuenta-${++serial}`;
          accounts.set(accountId, identity);
          const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
          grant.addOIDCScope('openid email profile');
          const grantId = await grant.save();
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId, ...(identity.amr ? { amr: identity.amr } : {}) }, consent: { grantId } },
            { mergeWithLastSubmission: false },
          );
        })().catch((err: unknown) => {
          res.statusCode = 500;
          res.end(String(err));
        });
      });
    },
    signInAs(identity) {
      nextIdentity = identity;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** One cookie jar per origin, as a browser keeps them apart for these two servers. */
export class Browser {
  private readonly jars = new Map<string, CookieJar>();

  jar(origin: string): CookieJar {
    let jar = this.jars.get(origin);
    if (!jar) {
      jar = new CookieJar();
      this.jars.set(origin, jar);
    }
    return jar;
  }

  /** A GET as a browser's navigation, without following its redirect. */
  async get(url: URL): Promise<Response> {
    const jar = this.jar(url.origin);
    const res = await fetch(url, { redirect: 'manual', headers: jar.cookies.size ? { cookie: jar.header() } : {} });
    jar.store(res.headers);
    return res;
  }
}

export interface FollowResult {
  /** Every URL the browser was sent to, in order. */
  visited: URL[];
  /** Where it ended: the first redirect that leaves both the provider and the API's /auth/ routes. */
  landed: URL;
}

/**
 * Follows redirects from `start` until the browser is sent to the portal (the API's origin outside
 * /auth/). `beforeCallback` sees (and may change) the provider's redirect to the API's callback.
 */
export async function follow(
  browser: Browser,
  start: URL,
  { beforeCallback }: { beforeCallback?: (url: URL) => URL | Promise<URL> } = {},
): Promise<FollowResult> {
  const visited: URL[] = [];
  let url = start;
  const apiOrigin = start.origin;
  for (let hop = 0; hop < 12; hop++) {
    if (url.origin === apiOrigin && url.pathname === '/auth/oidc/callback' && beforeCallback) url = await beforeCallback(url);
    visited.push(url);
    const res = await browser.get(url);
    const location = res.headers.get('location');
    if (res.status < 300 || res.status >= 400 || !location) {
      throw new Error(`${url.href} answered ${res.status} without a redirect: ${(await res.text()).slice(0, 300)}`);
    }
    await res.arrayBuffer();
    const next = new URL(location, url);
    if (next.origin === apiOrigin && !next.pathname.startsWith('/auth/')) return { visited, landed: next };
    url = next;
  }
  throw new Error(`no landing after 12 redirects: ${visited.map((u) => u.href).join(' → ')}`);
}
