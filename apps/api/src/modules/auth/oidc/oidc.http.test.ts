// OpenID Connect single sign-on against a real OpenID provider (panva's oidc-provider, in this
// process), over real HTTP with cookies: the browser's part is played by following every redirect
// by hand (testing/oidc-provider.ts). PGlite, and PostgreSQL with ANC_TEST_PG_URL.
// Cases: success (the session works, auth.me names the account), a wrong state, a wrong nonce, an
// unverified e-mail, an unknown account, a disallowed domain, automatic provisioning as staff of
// the mapped agency, a replayed callback; every outcome's audit row.
import fc from 'fast-check';
import { count, desc, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PENDING_SIGN_IN_COOKIE, SESSION_COOKIE } from '@anc/auth';
import { agencies, auditEvents, oidcSignInAttempts, pendingSignIns, users } from '@anc/db';
import { API_SCOPES, OIDC_ERROR_CODES } from '@anc/domain';
import { createTestApiClient } from '../../../testing/api-clients.ts';
import { enrolTotpDirectly, totpCode } from '../../../testing/mfa.ts';
import { DEMO, httpClient, signedIn, startTestServer, type TestServer } from '../../../testing/http.ts';
import { Browser, follow, startTestOidcProvider, type TestIdentity, type TestOidcProvider } from '../../../testing/oidc-provider.ts';
import { present } from '../../../testing/raw.ts';
import { OIDC_CALLBACK_PATH, OIDC_COOKIE, OIDC_START_PATH } from './oidc.routes.ts';

let idp: TestOidcProvider;
let s: TestServer;

beforeAll(async () => {
  idp = await startTestOidcProvider();
  s = await startTestServer({
    env: {
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_ALLOWED_DOMAINS: 'sedena.gob.mx, semar.gob.mx, sspc.gob.mx',
      OIDC_AUTO_PROVISION: 'semar.gob.mx=SEMAR',
    },
  });
  idp.register(`${s.url}${OIDC_CALLBACK_PATH}`);
}, 60_000);
afterAll(async () => {
  await s.close();
  await idp.close();
});
beforeEach(async () => {
  await s.reset();
});

const startUrl = (redirect = '/incidentes') => new URL(`${OIDC_START_PATH}?redirect=${encodeURIComponent(redirect)}`, s.url);

/** A sign-in through the provider as `identity`; the browser's cookies and where it landed. */
async function signInWith(identity: TestIdentity, options: Parameters<typeof follow>[2] = {}) {
  idp.signInAs(identity);
  const browser = new Browser();
  const result = await follow(browser, startUrl(), options);
  return { browser, ...result, apiJar: browser.jar(new URL(s.url).origin) };
}

const me = async (cookie: string) => {
  const client = httpClient(s.url);
  for (const pair of cookie.split('; ').filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=');
    client.jar.cookies.set(name, value);
  }
  return (await client.trpc.auth.me.query()).user;
};

const auditRows = async (action: string) =>
  s.t.db
    .select({ actorId: auditEvents.actorId, entityId: auditEvents.entityId, diff: auditEvents.diff })
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.id));
const userCount = async () => (await s.t.db.select({ n: count() }).from(users))[0]?.n ?? 0;
const refused = (code: string) => `${s.url}/ingresar?oidc=${code}`;

describe('auth.config', () => {
  it('tells the sign-in page that single sign-on is offered', async () => {
    expect(await httpClient(s.url).trpc.auth.config.query()).toEqual({ oidc: true });
  });
});

describe('GET /auth/oidc/start', () => {
  it('redirects to the provider with PKCE (S256), a state and a nonce, and holds only a handle in a short-lived http-only cookie', async () => {
    const browser = new Browser();
    const res = await browser.get(startUrl());
    const location = new URL(present(res.headers.get('location'), 'location'));
    const cookie = present(
      res.headers.getSetCookie().find((c) => c.startsWith(`${OIDC_COOKIE}=`)),
      'the attempt cookie',
    );
    const [row] = await s.t.db.select().from(oidcSignInAttempts);
    expect({
      status: res.status,
      provider: location.origin,
      params: Object.fromEntries(
        ['response_type', 'scope', 'code_challenge_method', 'client_id', 'redirect_uri'].map((k) => [k, location.searchParams.get(k)]),
      ),
      state: location.searchParams.get('state') === row?.state,
      nonce: location.searchParams.get('nonce') === row?.nonce,
      challenge: /^[\w-]{43}$/.test(location.searchParams.get('code_challenge') ?? ''),
      verifierNotSent: !location.href.includes(row?.codeVerifier ?? '-'),
      cookieAttrs: cookie
        .split('; ')
        .slice(1)
        .map((a) => a.split('=')[0]?.toLowerCase())
        .sort(),
      cookiePath: /Path=\/auth\/oidc\//.test(cookie),
      // The database keeps the handle's hash only.
      handleStored: row?.id === cookie.split(';')[0]?.split('=')[1],
      returnTo: row?.returnTo,
    }).toEqual({
      status: 302,
      provider: idp.issuer,
      params: {
        response_type: 'code',
        scope: 'openid email profile',
        code_challenge_method: 'S256',
        client_id: idp.clientId,
        redirect_uri: `${s.url}${OIDC_CALLBACK_PATH}`,
      },
      state: true,
      nonce: true,
      challenge: true,
      verifierNotSent: true,
      cookieAttrs: ['httponly', 'max-age', 'path', 'samesite'],
      cookiePath: true,
      handleStored: false,
      returnTo: '/incidentes',
    });
  });

  it('keeps only a path of the portal to return to', async () => {
    for (const redirect of ['https://evil.example/', '//evil.example', '/\\evil.example']) {
      await new Browser().get(startUrl(redirect));
    }
    const rows = await s.t.db.select({ returnTo: oidcSignInAttempts.returnTo }).from(oidcSignInAttempts);
    expect(rows.map((r) => r.returnTo)).toEqual(['/', '/', '/']);
  });
});

const sedenaId = async () => present((await s.t.db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.sedena)))[0], 'SEDENA staff').id;

describe('the portal’s second factor after the provider (amr)', () => {
  it('an account with a factor of its own, the provider asserting none: a pending sign-in, the second step, then the code completes it', async () => {
    const secret = await enrolTotpDirectly(s.t.db, await sedenaId());
    const { landed, apiJar } = await signInWith({ email: DEMO.sedena, email_verified: true, amr: ['pwd'] });
    expect({ landed: `${landed.pathname}${landed.search}`, cookies: [...apiJar.cookies.keys()].sort() }).toEqual({
      landed: `/ingresar?step=mfa&redirect=${encodeURIComponent('/incidentes')}`,
      cookies: [PENDING_SIGN_IN_COOKIE],
    });
    expect(await me(apiJar.header())).toBeNull();
    expect((await auditRows('auth.mfaChallenge'))[0]?.diff).toEqual({ method: 'oidc', amr: ['pwd'], secondFactorAsserted: false, provisioned: false });
    expect(await auditRows('auth.oidcSignIn')).toEqual([]);
    // The sign-in page's second step: the portal's own code.
    const client = httpClient(s.url, { jar: apiJar });
    const answer = await client.trpc.auth.verifyMfa.mutate({ code: totpCode(secret) });
    expect({ user: answer.user?.email, me: (await me(apiJar.header()))?.email, pending: await s.t.db.select().from(pendingSignIns) }).toEqual({
      user: DEMO.sedena,
      me: DEMO.sedena,
      pending: [],
    });
  });

  it.each([[['pwd', 'otp']], [['mfa']], [['hwk']], [['swk', 'pin']]])('the provider asserting a second factor (amr %j): a session at once', async (amr) => {
    await enrolTotpDirectly(s.t.db, await sedenaId());
    const { landed, apiJar } = await signInWith({ email: DEMO.sedena, email_verified: true, amr });
    expect({
      landed: landed.pathname,
      session: apiJar.cookies.has(SESSION_COOKIE),
      pending: apiJar.cookies.has(PENDING_SIGN_IN_COOKIE),
      me: (await me(apiJar.header()))?.email,
    }).toEqual({
      landed: '/incidentes',
      session: true,
      pending: false,
      me: DEMO.sedena,
    });
    expect((await auditRows('auth.oidcSignIn'))[0]?.diff).toEqual({ method: 'oidc', amr, secondFactorAsserted: true, provisioned: false });
  });

  it('an account without a factor of its own signs in at once whatever amr says', async () => {
    const { landed, apiJar } = await signInWith({ email: DEMO.sedena, email_verified: true });
    expect({ landed: landed.pathname, session: apiJar.cookies.has(SESSION_COOKIE), pending: apiJar.cookies.has(PENDING_SIGN_IN_COOKIE) }).toEqual({
      landed: '/incidentes',
      session: true,
      pending: false,
    });
  });
});

describe('GET /auth/oidc/callback', () => {
  it('signs in the active account with that verified e-mail: the session works and auth.me names it', async () => {
    const { landed, apiJar } = await signInWith({ email: DEMO.sedena, email_verified: true, name: 'Enlace SEDENA', amr: ['pwd'] });
    expect(landed.href).toBe(`${s.url}/incidentes`);
    expect(apiJar.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(apiJar.cookies.has(OIDC_COOKIE)).toBe(false);
    const user = await me(apiJar.header());
    expect({ email: user?.email, agency: user?.agency.code }).toEqual({ email: DEMO.sedena, agency: 'SEDENA' });
    const [row] = await auditRows('auth.oidcSignIn');
    expect(row).toEqual({ actorId: user?.id, entityId: user?.id, diff: { method: 'oidc', amr: ['pwd'], secondFactorAsserted: false, provisioned: false } });
    // The attempt was used up.
    expect(await s.t.db.select().from(oidcSignInAttempts)).toEqual([]);
  });

  it('a signed-in browser gets a new session (the old token ends)', async () => {
    const first = await signInWith({ email: DEMO.sedena, email_verified: true });
    const oldCookie = first.apiJar.header();
    idp.signInAs({ email: DEMO.sedena, email_verified: true });
    await follow(first.browser, startUrl());
    expect({ old: (await me(oldCookie))?.email ?? null, now: (await me(first.apiJar.header()))?.email }).toEqual({ old: null, now: DEMO.sedena });
  });

  it('refuses a callback whose state is not the one this browser was given', async () => {
    const { landed, apiJar } = await signInWith(
      { email: DEMO.sedena, email_verified: true },
      {
        beforeCallback: (url) => {
          const tampered = new URL(url);
          tampered.searchParams.set('state', 'un-estado-que-nadie-dio');
          return tampered;
        },
      },
    );
    expect({ landed: landed.href, session: apiJar.cookies.has(SESSION_COOKIE) }).toEqual({ landed: refused('mismatch'), session: false });
    expect((await auditRows('auth.oidcSignInFailed'))[0]).toEqual({ actorId: null, entityId: '-', diff: { reason: 'state_mismatch' } });
    expect(await auditRows('auth.oidcSignIn')).toEqual([]);
  });

  it('refuses an ID token whose nonce is not the one this sign-in chose', async () => {
    const { landed, apiJar } = await signInWith(
      { email: DEMO.sedena, email_verified: true },
      {
        // The provider put the nonce it was sent into the ID token; the API now expects another.
        beforeCallback: async (url) => {
          await s.t.db.update(oidcSignInAttempts).set({ nonce: 'otro-nonce-que-no-viaja' });
          return url;
        },
      },
    );
    expect({ landed: landed.href, session: apiJar.cookies.has(SESSION_COOKIE) }).toEqual({ landed: refused('mismatch'), session: false });
    const [row] = await auditRows('auth.oidcSignInFailed');
    expect(row?.diff).toEqual({ reason: 'nonce_mismatch', detail: expect.stringContaining('OAUTH_JWT_CLAIM_COMPARISON_FAILED') });
  });

  it('refuses a code exchanged without the PKCE verifier of its sign-in', async () => {
    const { landed } = await signInWith(
      { email: DEMO.sedena, email_verified: true },
      {
        beforeCallback: async (url) => {
          await s.t.db.update(oidcSignInAttempts).set({ codeVerifier: 'x'.repeat(43) });
          return url;
        },
      },
    );
    expect(landed.href).toBe(refused('mismatch'));
    expect((await auditRows('auth.oidcSignInFailed'))[0]?.diff).toEqual({ reason: 'token_exchange_failed', detail: expect.stringContaining('invalid_grant') });
  });

  it('refuses an e-mail the provider has not verified', async () => {
    const { landed, apiJar } = await signInWith({ email: DEMO.sedena, email_verified: false });
    expect({ landed: landed.href, session: apiJar.cookies.has(SESSION_COOKIE) }).toEqual({ landed: refused('email_unverified'), session: false });
    expect((await auditRows('auth.oidcSignInFailed'))[0]).toEqual({ actorId: null, entityId: DEMO.sedena, diff: { reason: 'email_unverified' } });
  });

  it('refuses an address without an account in a domain that is not provisioned, and creates none', async () => {
    const before = await userCount();
    const { landed, apiJar } = await signInWith({ email: 'nadie.conocido@sspc.gob.mx', email_verified: true });
    expect({ landed: landed.href, session: apiJar.cookies.has(SESSION_COOKIE), users: await userCount() }).toEqual({
      landed: refused('no_account'),
      session: false,
      users: before,
    });
    expect((await auditRows('auth.oidcSignInFailed'))[0]).toEqual({ actorId: null, entityId: 'nadie.conocido@sspc.gob.mx', diff: { reason: 'no_account' } });
  });

  it('refuses a deactivated account', async () => {
    await s.t.db.update(users).set({ active: false }).where(eq(users.email, DEMO.sedena));
    const { landed } = await signInWith({ email: DEMO.sedena, email_verified: true });
    expect(landed.href).toBe(refused('no_account'));
    expect((await auditRows('auth.oidcSignInFailed'))[0]?.diff).toEqual({ reason: 'account_inactive' });
  });

  it('refuses a domain that is not in OIDC_ALLOWED_DOMAINS, even with an account of that address', async () => {
    // A portal account exists for this address, but the provider is not trusted for its domain.
    const { landed, apiJar } = await signInWith({ email: 'admin@anc.gob.mx', email_verified: true });
    expect({ landed: landed.href, session: apiJar.cookies.has(SESSION_COOKIE) }).toEqual({ landed: refused('domain_not_allowed'), session: false });
    expect((await auditRows('auth.oidcSignInFailed'))[0]).toEqual({ actorId: null, entityId: 'admin@anc.gob.mx', diff: { reason: 'domain_not_allowed' } });
  });

  it('provisions a staff account in the agency OIDC_AUTO_PROVISION maps the domain to', async () => {
    const before = await userCount();
    const { landed, apiJar } = await signInWith({ email: 'Nueva.Persona@SEMAR.gob.mx', email_verified: true, name: 'Nueva Persona' });
    expect(landed.href).toBe(`${s.url}/incidentes`);
    const user = present(await me(apiJar.header()), 'the signed-in user');
    expect({ email: user.email, name: user.name, role: user.role, agency: user.agency.code, users: await userCount() }).toEqual({
      email: 'nueva.persona@semar.gob.mx',
      name: 'Nueva Persona',
      role: 'staff',
      agency: 'SEMAR',
      users: before + 1,
    });
    const [provisioned] = await auditRows('auth.oidcProvision');
    expect(provisioned).toMatchObject({
      actorId: user.id,
      entityId: user.id,
      diff: { email: 'nueva.persona@semar.gob.mx', role: 'staff', agencyCode: 'SEMAR' },
    });
    expect((await auditRows('auth.oidcSignIn'))[0]?.diff).toEqual({ method: 'oidc', amr: [], secondFactorAsserted: false, provisioned: true });
    // The second time the same account signs in; nothing more is created.
    await signInWith({ email: 'nueva.persona@semar.gob.mx', email_verified: true });
    expect(await userCount()).toBe(before + 1);
  });

  it('provisions nothing when the mapped agency is deactivated', async () => {
    await s.t.db.update(agencies).set({ active: false }).where(eq(agencies.code, 'SEMAR'));
    const before = await userCount();
    const { landed } = await signInWith({ email: 'otra.persona@semar.gob.mx', email_verified: true });
    expect({ landed: landed.href, users: await userCount() }).toEqual({ landed: refused('no_account'), users: before });
  });

  it('a callback replayed (same cookie, same code) or without the cookie is refused', async () => {
    idp.signInAs({ email: DEMO.sedena, email_verified: true });
    const browser = new Browser();
    const callbacks: URL[] = [];
    let handleCookie = '';
    await follow(browser, startUrl(), {
      beforeCallback: (url) => {
        callbacks.push(url);
        handleCookie = browser.jar(new URL(s.url).origin).header();
        return url;
      },
    });
    const replayed = await fetch(present(callbacks[0], 'the callback'), { redirect: 'manual', headers: { cookie: handleCookie } });
    const bare = await fetch(present(callbacks[0], 'the callback'), { redirect: 'manual' });
    expect([replayed.headers.get('location'), bare.headers.get('location')]).toEqual(['/ingresar?oidc=expired', '/ingresar?oidc=expired']);
    expect((await auditRows('auth.oidcSignInFailed')).map((r) => r.diff)).toEqual([{ reason: 'no_attempt' }, { reason: 'no_attempt' }]);
  });

  it('an error from the provider (the person cancelled) is refused with its code', async () => {
    const browser = new Browser();
    const start = await browser.get(startUrl());
    await start.arrayBuffer();
    const [attempt] = await s.t.db.select().from(oidcSignInAttempts);
    const res = await browser.get(new URL(`${OIDC_CALLBACK_PATH}?error=access_denied&state=${present(attempt, 'attempt').state}`, s.url));
    expect(res.headers.get('location')).toBe('/ingresar?oidc=provider_refused');
    expect((await auditRows('auth.oidcSignInFailed'))[0]?.diff).toEqual({ reason: 'provider_error', detail: 'access_denied' });
  });

  it('never answers with a stack: a garbage callback lands on the sign-in page', async () => {
    const res = await fetch(new URL(`${OIDC_CALLBACK_PATH}?code=%00&state=${'x'.repeat(5000)}`, s.url), {
      redirect: 'manual',
      headers: { cookie: `${OIDC_COOKIE}=${'a'.repeat(43)}` },
    });
    expect({ status: res.status, location: res.headers.get('location'), body: await res.text() }).toEqual({
      status: 302,
      location: '/ingresar?oidc=expired',
      body: '',
    });
  });
});

// The same callers as the access matrix (apps/api/src/access-matrix.test.ts), with OIDC settings.
describe('the single sign-on routes, by caller', () => {
  it('anyone starts a sign-in (a session or an API client’s token changes nothing); a callback without this browser’s handle is refused', async () => {
    const staff = await signedIn(s.url, DEMO.sedena);
    const admin = await signedIn(s.url, DEMO.admin);
    const client = await createTestApiClient(s.t.db, { agencyCode: 'SEDENA', scopes: [...API_SCOPES] });
    const callers: Record<string, string>[] = [{}, { cookie: staff.jar.header() }, { cookie: admin.jar.header() }, { authorization: `Bearer ${client.token}` }];
    const answers = [];
    for (const headers of callers) {
      const start = await fetch(startUrl(), { redirect: 'manual', headers });
      const callback = await fetch(new URL(`${OIDC_CALLBACK_PATH}?code=x&state=y`, s.url), { redirect: 'manual', headers });
      answers.push([start.status, new URL(start.headers.get('location') ?? '/', s.url).origin, callback.status, callback.headers.get('location')]);
    }
    expect(answers).toEqual(callers.map(() => [302, idp.issuer, 302, '/ingresar?oidc=expired']));
  });
});

const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
const HOSTILE_VALUES = [
  '%00',
  '%ED%A0%80',
  '%FF',
  'x'.repeat(5_000),
  '',
  '%5B%5D',
  '__proto__',
  '..%2F..%2Fetc',
  'https%3A%2F%2Fevil.example',
  '%2F%2Fevil.example',
];
/** Audit rows besides a refusal's own `auth.oidcSignInFailed`. */
const otherAuditRows = async () => (await s.t.db.select({ n: count() }).from(auditEvents).where(ne(auditEvents.action, 'auth.oidcSignInFailed')))[0]?.n ?? 0;

describe('the single sign-on routes under fuzz', () => {
  it('callback: never a 5xx nor a hang, always the sign-in page with a code it knows; a refusal writes only its own row', async () => {
    const known = OIDC_ERROR_CODES.map((code) => `/ingresar?oidc=${code}`);
    const value = fc.constantFrom(...HOSTILE_VALUES);
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          code: fc.option(value),
          state: fc.option(fc.oneof(value, fc.constant('REAL'))),
          iss: fc.option(fc.oneof(value, fc.constant('ISSUER'))),
          error: fc.option(value, { freq: 4 }),
          cookie: fc.constantFrom('REAL', 'NONE', ...HOSTILE_VALUES),
        }),
        async (m) => {
          const browser = new Browser();
          const started = await browser.get(startUrl());
          const state = new URL(present(started.headers.get('location'), 'location')).searchParams.get('state') ?? '';
          await started.arrayBuffer();
          const query = Object.entries({
            code: m.code,
            state: m.state === 'REAL' ? state : m.state,
            iss: m.iss === 'ISSUER' ? encodeURIComponent(idp.issuer) : m.iss,
            error: m.error,
          })
            .filter(([, v]) => v !== null)
            .map(([k, v]) => `${k}=${v}`)
            .join('&');
          const jar = browser.jar(new URL(s.url).origin);
          const cookie = m.cookie === 'REAL' ? jar.header() : m.cookie === 'NONE' ? '' : `${OIDC_COOKIE}=${m.cookie}`;
          const before = await otherAuditRows();
          const res = await fetch(`${s.url}${OIDC_CALLBACK_PATH}?${query}`, {
            redirect: 'manual',
            headers: cookie ? { cookie } : {},
            signal: AbortSignal.timeout(10_000),
          });
          const body = await res.text();
          if (res.status !== 302 || !known.includes(res.headers.get('location') ?? '') || body !== '')
            throw new Error(`callback ?${query.slice(0, 200)} answered ${res.status} ${res.headers.get('location')} ${body.slice(0, 200)}`);
          if ((await otherAuditRows()) !== before) throw new Error(`callback ?${query.slice(0, 200)} was refused but wrote other audit rows`);
          checked += 1;
        },
      ),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(checked).toBe(RUNS);
  }, 180_000);

  it('start: whatever the redirect asked for, a path of the portal is kept and the provider is where the browser goes', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.string({ maxLength: 40 }).map(encodeURIComponent)), async (redirect) => {
        const res = await fetch(`${s.url}${OIDC_START_PATH}?redirect=${redirect}`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
        await res.arrayBuffer();
        if (res.status !== 302 || !res.headers.get('location')?.startsWith(`${idp.issuer}/`))
          throw new Error(`start ?redirect=${redirect.slice(0, 100)} answered ${res.status}`);
        checked += 1;
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    const kept = await s.t.db.select({ returnTo: oidcSignInAttempts.returnTo }).from(oidcSignInAttempts);
    expect({ checked, offSite: kept.filter((r) => !r.returnTo.startsWith('/') || r.returnTo.startsWith('//') || r.returnTo.includes('\\')) }).toEqual({
      checked: RUNS,
      offSite: [],
    });
  }, 180_000);
});

describe('a provider that keeps the e-mail at its userinfo endpoint', () => {
  let idp2: TestOidcProvider;
  let s2: TestServer;
  beforeAll(async () => {
    idp2 = await startTestOidcProvider({ claimsInIdToken: false });
    s2 = await startTestServer({
      env: { OIDC_ISSUER: idp2.issuer, OIDC_CLIENT_ID: idp2.clientId, OIDC_CLIENT_SECRET: idp2.clientSecret, OIDC_ALLOWED_DOMAINS: 'sedena.gob.mx' },
    });
    idp2.register(`${s2.url}${OIDC_CALLBACK_PATH}`);
  }, 60_000);
  afterAll(async () => {
    await s2.close();
    await idp2.close();
  });

  it('reads the e-mail and its verification from userinfo, for the same subject', async () => {
    idp2.signInAs({ email: DEMO.sedena, email_verified: true });
    const browser = new Browser();
    const { landed } = await follow(browser, new URL(OIDC_START_PATH, s2.url));
    const client = httpClient(s2.url, { jar: browser.jar(new URL(s2.url).origin) });
    expect({ landed: landed.pathname, me: (await client.trpc.auth.me.query()).user?.email }).toEqual({ landed: '/', me: DEMO.sedena });
  });
});
