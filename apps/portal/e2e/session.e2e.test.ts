import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, newSession, screenshot, signIn, signInFromStart, signOut } from './browser.ts';

describe('sign-in and session', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sends a signed-out visitor to the sign-in page and back to the page they asked for', async () => {
    const { context, page } = await newSession(browser);
    try {
      await page.goto('/admin/bitacora');
      await page.waitForURL(/\/ingresar\?redirect=/);
      expect(new URL(page.url()).searchParams.get('redirect')).toBe('/admin/bitacora');
      // A plain visit while signed out is not an expiry: no notice.
      expect(await page.getByTestId('session-expired').count()).toBe(0);
      expect(await page.title()).toBe('Iniciar sesión · ANC');
      await screenshot(page, 'sign-in');
      await signIn(page, DEMO.admin.email);
      await page.waitForURL(/\/admin\/bitacora$/);
      await page.getByTestId('audit-table').waitFor();
      expect(await page.title()).toBe('Bitácora · Administración · ANC');
    } finally {
      await context.close();
    }
  });

  it('explains a wrong password, and throttling after repeated failures', async () => {
    const { context, page } = await newSession(browser);
    try {
      await page.goto('/ingresar');
      // A demo account no other test signs in with, so its lock-out affects nobody else.
      const email = 'enlace@conagua.gob.mx';
      await signIn(page, email, 'no-es-la-contrasena');
      await expect
        .poll(() => page.getByTestId('sign-in-error').textContent())
        .toContain('Correo o contraseña incorrectos.');
      await screenshot(page, 'sign-in-wrong-password');
      for (let attempt = 0; attempt < 6; attempt++) {
        await signIn(page, email, `otra-contrasena-${attempt}`);
        await page.getByTestId('sign-in-submit').and(page.locator(':not([data-loading])')).waitFor();
        if (await page.getByTestId('sign-in-throttled').isVisible()) break;
      }
      await expect.poll(() => page.getByTestId('sign-in-throttled').textContent()).toContain('Demasiados intentos fallidos');
      await screenshot(page, 'sign-in-throttled');
    } finally {
      await context.close();
    }
  });

  it('sign-out returns to the sign-in page and the portal stays closed', async () => {
    const { context, page } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await signOut(page);
      expect(new URL(page.url()).pathname).toBe('/ingresar');
      await page.goto('/');
      await page.waitForURL(/\/ingresar/);
      await page.getByTestId('sign-in-submit').waitFor();
    } finally {
      await context.close();
    }
  });

  it('an expired session sends the user to sign in with a notice, then back where they were', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.admin.email);
      await page.getByTestId('nav-admin').click();
      await page.getByTestId('agencies-table').waitFor();
      // The session cookie disappears (as when it expires on the server side).
      await context.clearCookies();
      await page.getByTestId('admin-tab-usuarios').click();
      await page.getByTestId('session-expired').waitFor();
      const url = new URL(page.url());
      expect(url.pathname).toBe('/ingresar');
      expect(url.searchParams.get('redirect')).toBe('/admin/usuarios');
      await screenshot(page, 'sign-in-session-expired');
      await signIn(page, DEMO.admin.email);
      await page.waitForURL(/\/admin\/usuarios$/);
      await page.getByTestId('user-row').first().waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
