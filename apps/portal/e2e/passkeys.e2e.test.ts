// Passkeys (issue 13 point 2) in Chromium with its virtual authenticator (DevTools protocol
// `WebAuthn.addVirtualAuthenticator`): register one from "Seguridad de la cuenta", sign out, sign
// in with the password and then the passkey as the second factor, rename it, remove it, in both
// languages, on a desktop and a 390 px phone. The portal is opened at
// http://localhost:<port>: a WebAuthn RP ID is a host name, never an IP address, and with no
// PUBLIC_URL the API binds passkeys to the host the page was opened at. Each test uses an account
// of its own (made by the admin over HTTP): a demo account with a passkey would change how the
// other browser tests sign in.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, DEMO, demoPassword, launchBrowser, screenshot, signIn, signOut, trpcAs } from './browser.ts';

const localhostUrl = () => baseUrl().replace('127.0.0.1', 'localhost');

/** The admin's tRPC calls over plain HTTP, with its session cookie. */
function adminApi() {
  return trpcAs(baseUrl(), DEMO.admin.email);
}

let serial = 0;
/** A new staff account of SEDENA with the demo password. */
async function freshAccount(label: string): Promise<string> {
  const admin = await adminApi();
  const { items } = await admin.query<{ items: { id: string; code: string }[] }>('agencies.list', { includeInactive: false });
  const sedena = items.find((a) => a.code === 'SEDENA');
  if (!sedena) throw new Error('no SEDENA');
  const email = `llaves.${label}.${++serial}.${Date.now().toString(36)}@sedena.gob.mx`.toLowerCase();
  await admin.mutate('admin.users.create', { email, name: `Persona de Llaves ${serial}`, role: 'staff', agencyId: sedena.id, password: demoPassword() });
  return email;
}

interface PasskeySession {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  credentials: () => Promise<{ signCount: number }[]>;
}

async function sessionWithAuthenticator(browser: Browser, locale: 'es-MX' | 'en', size: { width: number; height: number }): Promise<PasskeySession> {
  const context = await browser.newContext({ baseURL: localhostUrl(), viewport: size, locale, timezoneId: 'America/Mexico_City' });
  context.setDefaultTimeout(15_000);
  await context.addInitScript((lng) => window.localStorage.setItem('anc.locale', lng), locale);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true },
  });
  const credentials = async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
  return { context, page, pageErrors, credentials };
}

const SIZES = [
  { name: 'desktop', width: 1280, height: 860 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('passkeys in Chromium with a virtual authenticator', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const size of SIZES) {
    for (const locale of ['es-MX', 'en'] as const) {
      it(`registers a passkey, signs in with it as the second factor, renames and removes it (${locale}, ${size.name})`, async () => {
        const email = await freshAccount(`${locale}-${size.name}`);
        const { context, page, pageErrors, credentials } = await sessionWithAuthenticator(browser, locale, size);
        try {
          await page.goto('/ingresar');
          await signIn(page, email);
          await expect.poll(() => page.getByTestId('user-menu').isVisible()).toBe(true);
          await page.getByTestId('user-menu').click();
          await page.getByTestId('account-security').click();
          await page.waitForURL(/\/cuenta\/seguridad$/);
          await page.getByTestId('passkeys-empty').waitFor();
          await screenshot(page, `passkeys-empty-${locale}-${size.name}`, true);

          // Register: name it, then the (virtual) authenticator answers the browser's prompt.
          await page.getByTestId('passkey-add').click();
          await page.getByTestId('passkey-name').fill('Laptop de la oficina');
          await screenshot(page, `passkeys-register-${locale}-${size.name}`);
          await page.getByTestId('passkey-register-submit').click();
          await expect.poll(() => page.getByTestId('passkey-name-text').allTextContents()).toEqual(['Laptop de la oficina']);
          expect(await credentials()).toHaveLength(1);
          await screenshot(page, `passkeys-listed-${locale}-${size.name}`, true);

          // Sign out; the password alone now asks for the second factor, and the passkey gives it.
          await signOut(page);
          await signIn(page, email);
          await page.getByTestId('mfa-step').waitFor();
          await screenshot(page, `passkeys-sign-in-step-${locale}-${size.name}`);
          await page.getByTestId('mfa-use-passkey').click();
          await expect.poll(() => page.getByTestId('user-menu').isVisible()).toBe(true);
          await expect.poll(async () => (await credentials())[0]?.signCount).toBe(2);
          await page.getByTestId('user-menu').click();
          await page.getByTestId('account-security').click();
          await page.waitForURL(/\/cuenta\/seguridad$/);
          await expect.poll(() => page.getByTestId('passkey-row').textContent()).toMatch(locale === 'en' ? /Last used/ : /Último uso/);

          // Rename, by keyboard: the row's button, the field, Enter.
          await page.getByTestId('passkey-rename').focus();
          await page.keyboard.press('Enter');
          await page.getByTestId('passkey-rename-name').fill('Laptop personal');
          await page.keyboard.press('Enter');
          await expect.poll(() => page.getByTestId('passkey-name-text').allTextContents()).toEqual(['Laptop personal']);

          // Remove, after the confirmation (Cancel first keeps it).
          await page.getByTestId('passkey-remove').click();
          await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Laptop personal');
          await screenshot(page, `passkeys-remove-${locale}-${size.name}`);
          await page.getByRole('button', { name: locale === 'en' ? 'Cancel' : 'Cancelar' }).click();
          expect(await page.getByTestId('passkey-row').count()).toBe(1);
          await page.getByTestId('passkey-remove').click();
          await page.getByTestId('confirm-action').click();
          await page.getByTestId('passkeys-empty').waitFor();
          expect(pageErrors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
