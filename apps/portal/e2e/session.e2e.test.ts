import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, demoPassword, fieldError, launchBrowser, newSession, screenshot, signIn, signInFromStart, signOut } from './browser.ts';

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
      await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('Correo o contraseña incorrectos.');
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

  it('changes the own password from the account menu', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    // A demo account no other test uses.
    const email = 'enlace@sre.gob.mx';
    const newPassword = 'Torre-Tlatelolco-1966-SRE';
    try {
      await signInFromStart(page, email);
      await page.getByTestId('user-menu').click();
      await page.getByTestId('change-password').waitFor();
      await screenshot(page, 'account-menu');
      await page.getByTestId('change-password').click();

      await page.getByTestId('current-password').fill('no-es-la-actual');
      await page.getByTestId('new-password').fill(newPassword);
      await page.getByTestId('confirm-password').fill(`${newPassword}-x`);
      await page.getByTestId('change-password-submit').click();
      await expect.poll(() => fieldError(page, 'confirm-password')).toBe('Las contraseñas no coinciden.');

      await page.getByTestId('confirm-password').fill(newPassword);
      await page.getByTestId('change-password-submit').click();
      await expect.poll(() => fieldError(page, 'current-password')).toBe('La contraseña actual no es correcta.');
      await screenshot(page, 'change-password-wrong-current');

      await page.getByTestId('current-password').fill(demoPassword());
      await page.getByTestId('change-password-submit').click();
      await page.getByTestId('current-password').waitFor({ state: 'detached' });
      await expect.poll(() => page.getByText('Tu contraseña se cambió correctamente.').count()).toBe(1);

      // The session that changed the password stays; the new password works next time.
      await page.getByTestId('nav-tasks').click();
      await page.getByTestId('tasks-board').waitFor();
      await signOut(page);
      await signIn(page, email, newPassword);
      await page.getByTestId('dashboard-greeting').waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
