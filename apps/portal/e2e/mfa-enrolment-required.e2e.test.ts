// MFA_REQUIRED_ROLES in the browser (issue 13): on an API process that requires a second factor of
// coordinators, the demo coordinator is led to "Seguridad de la cuenta" whatever it opens, the
// navigation says why the rest is locked, and once the authenticator is on the portal opens.
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, demoPassword, launchBrowser, screenshot } from './browser.ts';
import { startApiWith } from './two-processes.ts';

const codeNow = (secret: string) => generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000)), 6);

describe('an account that must enrol a second factor', () => {
  let api: Awaited<ReturnType<typeof startApiWith>> | undefined;
  let browser: Browser;
  beforeAll(async () => {
    api = await startApiWith({ MFA_REQUIRED_ROLES: 'coordinator,admin' }, demoPassword());
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('is led to the security page, sees why, enrols, and then reaches the rest', async () => {
    const context = await browser.newContext({ baseURL: api?.url ?? '', viewport: { width: 1280, height: 860 }, locale: 'es-MX' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    try {
      await page.goto('/incidentes');
      await page.getByTestId('sign-in-email').fill(DEMO.coordinator.email);
      await page.getByTestId('sign-in-password').fill(demoPassword());
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('mfa-enrolment-required').waitFor();
      expect(new URL(page.url()).pathname).toBe('/cuenta/seguridad');
      expect(await page.getByTestId('nav-locked').textContent()).toBe('Bloqueado hasta que configures tu segundo factor');
      expect(await page.getByTestId('notifications-bell').count()).toBe(0);
      await screenshot(page, 'security-enrolment-required-es-MX-desktop');
      // Any other page leads back here.
      await page.goto('/tareas');
      await page.getByTestId('mfa-enrolment-required').waitFor();
      expect(new URL(page.url()).pathname).toBe('/cuenta/seguridad');

      await page.getByTestId('totp-start').click();
      const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
      await page.getByTestId('totp-code').fill(codeNow(secret));
      await page.getByTestId('totp-confirm').click();
      await page.getByTestId('recovery-codes').waitFor();
      await expect.poll(() => page.getByTestId('mfa-enrolment-required').count()).toBe(0);
      await page.getByTestId('recovery-done').click();
      await page.getByTestId('nav-incidents').click();
      await page.waitForURL(/\/incidentes$/);
      expect(await page.getByTestId('nav-locked').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
