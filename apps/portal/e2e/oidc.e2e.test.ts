// Single sign-on in Chromium (issue 13 point 6): an API process of its own with OIDC_* settings
// pointing at a real OpenID provider (panva's oidc-provider, started here; the API tests' harness
// apps/api/src/testing/oidc-provider.ts), the built portal served by that API. The sign-in page
// offers the institutional account; the browser goes to the provider and back signed in; a
// refusal comes back to the sign-in page with its words in es-MX and English. The protocol's
// checks (state, nonce, PKCE, domains, provisioning, amr) are held by the API's
// apps/api/src/modules/auth/oidc/oidc.http.test.ts.
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOidcProvider, type TestOidcProvider } from '../../api/src/testing/oidc-provider.ts';
import { DEMO, demoPassword, launchBrowser, screenshot } from './browser.ts';
import { freePort, startApiProcess, type ApiProcess } from './api-process.ts';

const codeAt = (secret: string, offset = 0) =>
  generateHOTP(decodeBase32IgnorePadding(secret.replace(/\s+/g, '')), BigInt(Math.floor(Date.now() / 30_000) + offset), 6);

/** A tRPC mutation over plain HTTP; answers its data and the session cookie it set. */
async function mutate(path: string, input: unknown, cookie = '') {
  const res = await fetch(`${url}/trpc/${path}`, {
    method: 'POST',
    headers: { cookie, origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(input ?? null),
  });
  const body = (await res.json()) as { result?: { data: unknown }; error?: unknown };
  if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
  const session =
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith('anc_session='))
      ?.split(';')[0] ?? '';
  return { data: body.result.data, cookie: session || cookie };
}

let idp: TestOidcProvider;
let api: ApiProcess | undefined;
let url = '';
let browser: Browser;

beforeAll(async () => {
  idp = await startTestOidcProvider();
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  idp.register(`${url}/auth/oidc/callback`);
  api = await startApiProcess({
    port,
    log: 'e2e-api-oidc',
    env: {
      PGLITE_DIR: 'memory',
      DEMO_PASSWORD: demoPassword(),
      RATE_LIMIT_PER_MINUTE: '100000',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: idp.clientId,
      OIDC_CLIENT_SECRET: idp.clientSecret,
      OIDC_ALLOWED_DOMAINS: 'sedena.gob.mx,semar.gob.mx',
    },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await api?.stop();
  await idp?.close();
});

async function page(locale: 'es-MX' | 'en', width = 1366, height = 860) {
  const context = await browser.newContext({ baseURL: url, viewport: { width, height }, locale, timezoneId: 'America/Mexico_City' });
  context.setDefaultTimeout(15_000);
  await context.addInitScript((lng) => window.localStorage.setItem('anc.locale', lng), locale);
  const p = await context.newPage();
  const pageErrors: string[] = [];
  p.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page: p, pageErrors };
}

describe('single sign-on in the browser', () => {
  it('the sign-in page offers the institutional account; the provider signs the person in and the portal opens where they were going', async () => {
    const { context, page: p, pageErrors } = await page('es-MX');
    try {
      idp.signInAs({ email: DEMO.staff.email, email_verified: true, name: 'Enlace SEDENA', amr: ['pwd', 'otp'] });
      await p.goto('/incidentes');
      await p.waitForURL(/\/ingresar/);
      const button = p.getByTestId('oidc-sign-in');
      expect(await button.textContent()).toContain('Ingresar con la cuenta institucional');
      await screenshot(p, 'oidc-sign-in-es-MX');
      await button.click();
      await p.getByTestId('user-menu').waitFor();
      expect(new URL(p.url()).pathname).toBe('/incidentes');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('an account with an authenticator app: after a provider that asserted no second factor, the sign-in page asks for the code; one that asserted it signs in at once', async () => {
    // SEMAR's staff enrols an authenticator app over HTTP (what Seguridad de la cuenta does).
    const email = 'enlace@semar.gob.mx';
    const { cookie } = await mutate('auth.signIn', { email, password: demoPassword() });
    const begun = await mutate('auth.mfa.beginTotp', null, cookie);
    const secret = (begun.data as { secret: string }).secret;
    await mutate('auth.mfa.confirmTotp', { code: codeAt(secret) }, cookie);

    const { context, page: p, pageErrors } = await page('es-MX');
    try {
      idp.signInAs({ email, email_verified: true, amr: ['pwd'] });
      await p.goto('/tareas');
      await p.waitForURL(/\/ingresar/);
      await p.getByTestId('oidc-sign-in').click();
      await p.getByTestId('mfa-step').waitFor();
      expect(new URL(p.url()).searchParams.get('step')).toBe('mfa');
      await screenshot(p, 'oidc-second-factor-es-MX');
      // The code of the next step: the one of this step was spent confirming the app.
      await p.getByTestId('mfa-code').fill(codeAt(secret, 1));
      await p.getByTestId('mfa-submit').click();
      await p.getByTestId('user-menu').waitFor();
      expect(new URL(p.url()).pathname).toBe('/tareas');
    } finally {
      await context.close();
    }

    const second = await page('en');
    try {
      idp.signInAs({ email, email_verified: true, amr: ['pwd', 'otp'] });
      await second.page.goto('/ingresar');
      await second.page.getByTestId('oidc-sign-in').click();
      await second.page.getByTestId('user-menu').waitFor();
      expect(new URL(second.page.url()).pathname).toBe('/');
    } finally {
      await second.context.close();
    }
    expect([...pageErrors, ...second.pageErrors]).toEqual([]);
  });

  for (const [locale, words] of [
    ['es-MX', 'El dominio de tu correo no está habilitado'],
    ['en', 'Your e-mail domain is not enabled'],
  ] as const) {
    it(`a refusal comes back to the sign-in page with its reason (${locale}, phone)`, async () => {
      const { context, page: p, pageErrors } = await page(locale, 390, 844);
      try {
        idp.signInAs({ email: 'alguien@otro-dominio.example', email_verified: true });
        await p.goto('/ingresar');
        await p.getByTestId('oidc-sign-in').click();
        await p.getByTestId('oidc-error').waitFor();
        expect({
          path: new URL(p.url()).pathname,
          code: await p.getByTestId('oidc-error').getAttribute('data-code'),
          text: await p.getByTestId('oidc-error').textContent(),
        }).toEqual({
          path: '/ingresar',
          code: 'domain_not_allowed',
          text: expect.stringContaining(words),
        });
        await screenshot(p, `oidc-refused-${locale}-phone`);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
