// "Sesiones" of Seguridad de la cuenta (issue 13 point 5) in Chromium: one person signed in in two browser contexts; the
// first lists both (its own marked "Esta sesión"), revokes the other after confirming, and the
// second context's next navigation lands on the sign-in page. Then "Cerrar todas las demás", and the
// page in English and on a phone, keyboard only.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

// An account no other browser test signs in with: ending its sessions disturbs nobody.
const EMAIL = 'enlace@shcp.gob.mx';

async function openSessions(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('account-security').click();
  await page.waitForURL(/\/cuenta\/seguridad$/);
  await page.getByTestId('sessions-list').waitFor();
}

const rows = (page: Page) => page.getByTestId('session-row');

describe('my sessions', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('revokes the other session of the same person: its next navigation lands on the sign-in page', async () => {
    const first = await newSession(browser, { width: 1280 });
    const second = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(first.page, EMAIL);
      await signInFromStart(second.page, EMAIL);
      await openSessions(first.page);
      await expect.poll(() => rows(first.page).count()).toBe(2);
      expect(await first.page.title()).toBe('Seguridad de la cuenta · ANC');
      const current = first.page.locator('[data-testid="session-row"][data-current="true"]');
      expect(await current.count()).toBe(1);
      expect(await current.getByTestId('session-current').textContent()).toBe('Esta sesión');
      expect(await current.getByTestId('session-device').textContent()).toMatch(/^Chrome \d+ en Linux$/);
      await screenshot(first.page, 'my-sessions-es-1280', true);

      // Revoke the other one, after confirming.
      const other = first.page.locator('[data-testid="session-row"][data-current="false"]');
      await other.getByTestId('session-revoke').click();
      const dialog = first.page.getByRole('dialog');
      await expect.poll(() => dialog.textContent()).toContain('¿Cerrar la sesión de Chrome');
      await screenshot(first.page, 'my-sessions-confirm-es-1280');
      await dialog.getByTestId('confirm-action').click();
      await expect.poll(() => rows(first.page).count()).toBe(1);
      expect(await first.page.getByTestId('sessions-only-this').isVisible()).toBe(true);
      expect(await first.page.getByTestId('sessions-revoke-others').isDisabled()).toBe(true);

      // The second context is signed out: its next navigation goes to the sign-in page.
      await second.page.goto('/incidentes');
      await second.page.waitForURL(/\/ingresar/);
      await second.page.getByTestId('sign-in-submit').waitFor();
      // The first goes on.
      await first.page.goto('/cuenta/seguridad');
      await first.page.getByTestId('sessions-list').waitFor();
      expect(first.page.url()).toMatch(/\/cuenta\/seguridad$/);
      expect([...first.pageErrors, ...second.pageErrors]).toEqual([]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('signs out all the others with the keyboard, in English, on a phone', async () => {
    const phone = await newSession(browser, { width: 1280 });
    const others = [await newSession(browser), await newSession(browser)];
    try {
      for (const o of others) await signInFromStart(o.page, EMAIL);
      await signInFromStart(phone.page, EMAIL);
      // English (the switch saves it to the account; it is set back to Spanish at the end), then a phone's width.
      await phone.page.getByTestId('language-switch').click();
      await expect.poll(() => phone.page.getByTestId('nav-dashboard').textContent()).toBe('Dashboard');
      await openSessions(phone.page);
      expect(await phone.page.title()).toBe('Account security · ANC');
      await screenshot(phone.page, 'my-sessions-en-1280', true);
      await phone.page.setViewportSize({ width: 390, height: 844 });
      await phone.page.getByTestId('sessions-list').waitFor();
      await expect.poll(() => rows(phone.page).count()).toBeGreaterThanOrEqual(3);
      expect(await phone.page.getByTestId('session-current').textContent()).toBe('This session');
      await screenshot(phone.page, 'my-sessions-en-390', true);

      const revokeOthers = phone.page.getByTestId('sessions-revoke-others');
      await revokeOthers.focus();
      await phone.page.keyboard.press('Enter');
      const dialog = phone.page.getByRole('dialog');
      await expect.poll(() => dialog.textContent()).toContain('Sign out all your other sessions?');
      await screenshot(phone.page, 'my-sessions-confirm-en-390');
      // The safe choice has the focus first: Tab to the confirming button, then Enter.
      await phone.page.keyboard.press('Tab');
      expect(await phone.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('confirm-action');
      await phone.page.keyboard.press('Enter');
      await expect.poll(() => rows(phone.page).count()).toBe(1);
      for (const o of others) {
        await o.page.goto('/tareas');
        await o.page.waitForURL(/\/ingresar/);
      }
      await phone.page.getByTestId('language-switch').click();
      await expect.poll(() => phone.page.getByTestId('session-current').textContent()).toBe('Esta sesión');
      await screenshot(phone.page, 'my-sessions-es-390', true);
      expect([...phone.pageErrors, ...others.flatMap((o) => o.pageErrors)]).toEqual([]);
    } finally {
      await phone.context.close();
      for (const o of others) await o.context.close();
    }
  });
});
