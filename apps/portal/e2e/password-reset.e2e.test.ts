import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fieldError, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

// Password reset by e-mail and the notification preferences (issue 12 points 4 and 5), in both
// languages, on a desktop and on a 390 px phone. The link's token travels by e-mail, which this
// API process keeps in its outbox: the redemption itself is held by the API's tests
// (apps/api/src/modules/auth/password-reset.test.ts); here, the forms and what they say.
const SIZES = [
  { name: 'desktop', width: 1366, height: 860 },
  { name: 'phone', width: 390, height: 844 },
] as const;

describe('password reset and notification preferences', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const size of SIZES) {
    for (const locale of ['es-MX', 'en'] as const) {
      it(`asks for a link from the sign-in page and checks the new password (${locale}, ${size.name})`, async () => {
        const { context, page, pageErrors } = await newSession(browser, { width: size.width, height: size.height });
        try {
          await context.addInitScript((lng) => window.localStorage.setItem('anc.locale', lng), locale);
          await page.goto('/ingresar');
          await page.getByTestId('forgot-password').click();
          await page.waitForURL(/\/restablecer$/);
          await page.getByTestId('reset-email').fill(`nadie.${size.name}@sedena.gob.mx`);
          await screenshot(page, `reset-request-${locale}-${size.name}`);
          await page.getByTestId('reset-request-submit').click();
          await expect.poll(() => page.getByTestId('reset-link-sent').textContent()).toContain(`nadie.${size.name}@sedena.gob.mx`);
          await screenshot(page, `reset-request-sent-${locale}-${size.name}`);

          // The link's page: the same rule as every new password, before anything is sent…
          await page.goto('/restablecer?token=un-enlace-que-no-existe');
          await page.getByTestId('reset-password').fill('corta');
          await page.getByTestId('reset-confirm-password').fill('corta');
          await page.getByTestId('reset-submit').click();
          expect(await fieldError(page, 'reset-password')).toBe(
            locale === 'en' ? 'The password must be at least 12 characters long.' : 'La contraseña debe tener al menos 12 caracteres.',
          );
          await screenshot(page, `reset-new-password-${locale}-${size.name}`);
          // …and a link that no longer works says so, with the way to ask for another.
          await page.getByTestId('reset-password').fill('Faro-del-Golfo-de-Cortés-51');
          await page.getByTestId('reset-confirm-password').fill('Faro-del-Golfo-de-Cortés-51');
          await page.getByTestId('reset-submit').click();
          await expect.poll(() => page.getByTestId('reset-error').textContent()).toMatch(locale === 'en' ? /Ask for a new one/ : /Pide uno nuevo/);
          await screenshot(page, `reset-invalid-link-${locale}-${size.name}`);
          await page.getByTestId('request-another-link').click();
          await page.waitForURL(/\/restablecer$/);

          // Where a successful reset lands.
          await page.goto('/ingresar?reason=passwordReset');
          await page.getByTestId('password-reset-done').waitFor();
          await screenshot(page, `reset-done-sign-in-${locale}-${size.name}`);
          expect(pageErrors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('saves the e-mail preferences from the user menu, in Spanish and English', async () => {
    for (const size of SIZES) {
      const { context, page, pageErrors } = await newSession(browser, { width: size.width, height: size.height });
      try {
        await signInFromStart(page, DEMO.coordinator.email);
        await page.getByTestId('user-menu').click();
        await page.getByTestId('notification-preferences').click();
        await page.waitForURL(/\/cuenta\/notificaciones$/);
        expect(await page.getByTestId('preferences-email').isChecked()).toBe(true);
        await page.getByTestId('preferences-daily').check();
        await page.getByTestId('preferences-save').click();
        await expect.poll(() => page.getByTestId('preferences-save').isDisabled()).toBe(true);
        await screenshot(page, `preferences-es-MX-${size.name}`, true);
        await page.reload();
        await expect.poll(() => page.getByTestId('preferences-daily').isChecked()).toBe(true);

        await page.getByTestId('language-switch').click();
        await expect.poll(() => page.getByTestId('preferences-save').textContent()).toBe('Save preferences');
        await page.getByTestId('preferences-email').uncheck();
        expect(await page.getByTestId('preferences-daily').isDisabled()).toBe(true);
        await screenshot(page, `preferences-en-${size.name}`, true);
        // Back as it was, for the other tests.
        await page.getByTestId('preferences-email').check();
        await page.getByTestId('preferences-immediate').check();
        await page.getByTestId('preferences-save').click();
        await expect.poll(() => page.getByTestId('preferences-save').isDisabled()).toBe(true);
        await page.getByTestId('language-switch').click();
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
