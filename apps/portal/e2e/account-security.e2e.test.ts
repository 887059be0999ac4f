// "Seguridad de la cuenta" and the sign-in's second step in Chromium (issue 13): a fresh account
// enrols an authenticator by reading the key from the page (the test computes the code with the
// same RFC 6238 library the server uses), keeps its recovery codes, signs out, signs in with a
// code and then with a recovery code, and turns the app off with its password and a code.
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, demoPassword, fieldError, launchBrowser, newSession, screenshot, signIn, signOut } from './browser.ts';

const PASSWORD = 'Faro-del-Golfo-de-Cortés-51';

/** The code an authenticator app shows now, `offset` steps of 30 s away. */
const codeAt = (secret: string, offset = 0) =>
  generateHOTP(decodeBase32IgnorePadding(secret.replace(/\s+/g, '')), BigInt(Math.floor(Date.now() / 30_000) + offset), 6);

/** A new SEDENA staff account, made by the admin over HTTP (the demo accounts stay without a factor). */
async function newAccount(label: string): Promise<string> {
  const url = baseUrl();
  const post = async (path: string, input: unknown, cookie = '') => {
    const res = await fetch(`${url}/trpc/${path}`, {
      method: 'POST',
      headers: { cookie, origin: url, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    const body = (await res.json()) as { result?: { data: unknown }; error?: unknown };
    if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
    return {
      data: body.result.data,
      cookie:
        res.headers
          .getSetCookie()
          .map((c) => c.split(';')[0] ?? '')
          .join('; ') || cookie,
    };
  };
  const { cookie } = await post('auth.signIn', { email: DEMO.admin.email, password: demoPassword() });
  const agencies = await fetch(`${url}/trpc/agencies.list?input=${encodeURIComponent('{}')}`, { headers: { cookie } });
  const items = ((await agencies.json()) as { result: { data: { items: { id: string; code: string }[] } } }).result.data.items;
  const sedena = items.find((a) => a.code === 'SEDENA');
  if (!sedena) throw new Error('no SEDENA');
  const email = `${label}.${Date.now().toString(36)}@sedena.gob.mx`;
  await post('admin.users.create', { email, name: 'Persona con Segundo Factor', role: 'staff', agencyId: sedena.id, password: PASSWORD }, cookie);
  return email;
}

async function openSecurityPage(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('account-security').click();
  await page.waitForURL(/\/cuenta\/seguridad$/);
  await page.getByTestId('totp-status').waitFor();
}

describe('account security: an authenticator app and recovery codes', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('enrols with the key read from the page, signs in with a code and with a recovery code, turns it off', async () => {
    const email = await newAccount('mfa-e2e');
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await page.goto('/ingresar');
      await signIn(page, email, PASSWORD);
      await page.getByTestId('user-menu').waitFor();
      await openSecurityPage(page);
      expect(await page.getByTestId('totp-status').textContent()).toBe('Sin configurar');

      await page.getByTestId('totp-start').click();
      await page.getByTestId('totp-qr').waitFor();
      const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      await screenshot(page, 'security-enrol-es-MX-desktop', true);

      // A wrong code is named on its field; the right one turns the app on and shows ten codes once.
      const right = codeAt(secret);
      await page.getByTestId('totp-code').fill(right === '000000' ? '111111' : '000000');
      await page.getByTestId('totp-confirm').click();
      await expect.poll(() => fieldError(page, 'totp-code')).toMatch(/no es correcto/);
      await page.getByTestId('totp-code').fill(codeAt(secret));
      await page.getByTestId('totp-confirm').click();
      await page.getByTestId('recovery-codes').waitFor();
      const codes = await page.getByTestId('recovery-code').allTextContents();
      expect(codes).toHaveLength(10);
      await screenshot(page, 'security-recovery-codes-es-MX-desktop', true);
      await page.getByTestId('recovery-done').click();
      await expect.poll(() => page.getByTestId('totp-status').textContent()).toBe('Activada');
      await expect.poll(() => page.getByTestId('recovery-left').textContent()).toBe('Te quedan 10 códigos sin usar.');

      // Signing in now takes a second step: a wrong code is refused on its field, the app's next code lets in.
      await signOut(page);
      await signIn(page, email, PASSWORD);
      await page.getByTestId('mfa-code').waitFor();
      await screenshot(page, 'sign-in-code-es-MX-desktop');
      await page.getByTestId('mfa-code').fill('999999' === codeAt(secret, 1) ? '888888' : '999999');
      await page.getByTestId('mfa-submit').click();
      await expect.poll(() => fieldError(page, 'mfa-code')).toMatch(/no es correcto/);
      await page.getByTestId('mfa-code').fill(codeAt(secret, 1));
      await page.getByTestId('mfa-submit').click();
      await page.getByTestId('user-menu').waitFor();
      expect(new URL(page.url()).pathname).toBe('/');

      // A recovery code works the same way, once.
      await signOut(page);
      await signIn(page, email, PASSWORD);
      await page.getByTestId('mfa-code').fill(codes[0] ?? '');
      await page.getByTestId('mfa-submit').click();
      await page.getByTestId('user-menu').waitFor();
      await openSecurityPage(page);
      await expect.poll(() => page.getByTestId('recovery-left').textContent()).toBe('Te quedan 9 códigos sin usar.');

      // Turning it off needs the password and a code: the wrong password is named on its field.
      await page.getByTestId('totp-disable').click();
      await page.getByTestId('totp-disable-password').fill('no-es-mi-contraseña');
      await page.getByTestId('totp-disable-code').fill(codes[1] ?? '');
      await page.getByTestId('totp-disable-submit').click();
      await expect.poll(() => fieldError(page, 'totp-disable-password')).toMatch(/contraseña actual no es correcta/);
      await page.getByTestId('totp-disable-password').fill(PASSWORD);
      await page.getByTestId('totp-disable-code').fill(codes[1] ?? '');
      await page.getByTestId('totp-disable-submit').click();
      await expect.poll(() => page.getByTestId('totp-status').textContent()).toBe('Sin configurar');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  for (const size of [
    { name: 'desktop', width: 1280, height: 860 },
    { name: 'phone', width: 390, height: 844 },
  ] as const) {
    for (const locale of ['es-MX', 'en'] as const) {
      it(`the page and the second step read well (${locale}, ${size.name}) and work from the keyboard`, async () => {
        const email = await newAccount(`mfa-look-${size.name}-${locale.toLowerCase()}`);
        const { context, page, pageErrors } = await newSession(browser, size);
        try {
          await context.addInitScript((lng) => window.localStorage.setItem('anc.locale', lng), locale);
          await page.goto('/ingresar');
          await signIn(page, email, PASSWORD);
          await page.getByTestId('user-menu').waitFor();
          await page.goto('/cuenta/seguridad');
          await page.getByTestId('totp-status').waitFor();
          // Keyboard: focus the start button and press Enter.
          await page.getByTestId('totp-start').focus();
          await page.keyboard.press('Enter');
          await page.getByTestId('totp-qr').waitFor();
          const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
          await screenshot(page, `security-enrol-${locale}-${size.name}`, true);
          await page.getByTestId('totp-code').focus();
          await page.keyboard.type(codeAt(secret));
          await page.keyboard.press('Enter');
          await page.getByTestId('recovery-codes').waitFor();
          await screenshot(page, `security-codes-${locale}-${size.name}`, true);
          await signOut(page);
          await signIn(page, email, PASSWORD);
          await page.getByTestId('mfa-code').waitFor();
          await screenshot(page, `sign-in-code-${locale}-${size.name}`);
          expect(await page.getByTestId('mfa-code').evaluate((el) => el === document.activeElement)).toBe(true);
          await page.keyboard.type(codeAt(secret, 1));
          await page.keyboard.press('Enter');
          await page.getByTestId('user-menu').waitFor();
          expect(pageErrors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
