import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, chooseOption, fieldError, launchBrowser, newSession, screenshot, signIn, signInFromStart } from './browser.ts';

describe('administration of user accounts', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the field error for a bad e-mail, then creates the account', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.admin.email);
      await page.getByTestId('nav-admin').click();
      await page.getByTestId('admin-tab-usuarios').click();
      await page.getByTestId('user-row').first().waitFor();
      await screenshot(page, 'admin-users');

      await page.getByTestId('user-new').click();
      await page.getByTestId('user-email').fill('no-es-correo');
      await page.getByTestId('user-name-input').fill('Lucía Herrera Campos');
      await chooseOption(page, 'user-agency', 'SEMAR — Secretaría de Marina');
      await page.getByTestId('user-password').fill('Faro-de-Veracruz-2026');
      await page.getByTestId('user-submit').click();

      await expect.poll(() => fieldError(page, 'user-email')).toBe('Escribe un correo válido, por ejemplo nombre@dependencia.gob.mx.');
      expect(await page.getByTestId('user-email').getAttribute('aria-invalid')).toBe('true');
      // Only the bad field complains.
      expect(await fieldError(page, 'user-name-input')).toBe('');
      await screenshot(page, 'admin-user-create-invalid-email');

      // A taken e-mail is refused by the server, and its message lands under the same field.
      await page.getByTestId('user-email').fill(DEMO.staff.email);
      await page.getByTestId('user-submit').click();
      await expect.poll(() => fieldError(page, 'user-email')).toBe('Ya existe una cuenta con ese correo.');

      await page.getByTestId('user-email').fill('  Lucia.Herrera@SEMAR.gob.mx ');
      await page.getByTestId('user-submit').click();
      await page.getByTestId('user-create-form').waitFor({ state: 'detached' });
      await expect.poll(() => page.getByText('Se creó la cuenta de lucia.herrera@semar.gob.mx.').count()).toBe(1);

      await page.getByTestId('users-search').fill('Herrera');
      await expect.poll(() => page.getByTestId('user-row').count()).toBe(1);
      const row = page.getByTestId('user-row').first();
      expect(await row.textContent()).toContain('lucia.herrera@semar.gob.mx');
      expect(await row.textContent()).toContain('SEMAR');
      expect(page.url()).toContain('q=Herrera');
      await screenshot(page, 'admin-user-created');

      // The creation is in the audit log, and the chain verifies.
      await page.getByTestId('admin-tab-bitacora').click();
      await page.getByTestId('audit-row').first().waitFor();
      await page.getByTestId('audit-verify').click();
      await expect.poll(() => page.getByTestId('audit-verify-result').textContent()).toContain('La bitácora está íntegra');
      await screenshot(page, 'admin-audit', true);

      await page.getByTestId('admin-tab-dependencias').click();
      await page.getByTestId('agencies-table').waitFor();
      await expect.poll(() => page.getByTestId('agency-row-SEMAR').textContent()).toContain('Secretaría de Marina');
      await screenshot(page, 'admin-agencies');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('resets a password, deactivates and reactivates an account', async () => {
    // A demo account no other test uses.
    const email = 'enlace@segob.gob.mx';
    const newPassword = 'Palacio-de-Cobian-1918';
    const admin = await newSession(browser);
    const person = await newSession(browser);
    try {
      await signInFromStart(admin.page, DEMO.admin.email);
      await admin.page.goto(`/admin/usuarios?q=${encodeURIComponent(email)}`);
      await expect.poll(() => admin.page.getByTestId('user-row').count()).toBe(1);
      const row = admin.page.getByTestId('user-row').first();

      await row.getByTestId('user-actions').click();
      await admin.page.getByTestId('user-reset-password').click();
      await admin.page.getByTestId('reset-password-input').fill('corta');
      await admin.page.getByTestId('reset-password-submit').click();
      await expect.poll(() => fieldError(admin.page, 'reset-password-input')).toBe('La contraseña debe tener al menos 12 caracteres.');
      await admin.page.getByTestId('reset-password-input').fill(newPassword);
      await admin.page.getByTestId('reset-password-submit').click();
      await admin.page.getByTestId('reset-password-input').waitFor({ state: 'detached' });

      await person.page.goto('/ingresar');
      await signIn(person.page, email, newPassword);
      await expect.poll(() => person.page.getByTestId('dashboard-greeting').textContent()).toContain('Daniela Flores');

      await row.getByTestId('user-actions').click();
      await admin.page.getByTestId('user-deactivate').click();
      await admin.page.getByTestId('confirm-action').click();
      await expect.poll(() => row.textContent()).toContain('Desactivada');

      // A deactivated account cannot sign in (same answer as a wrong password).
      const other = await newSession(browser);
      try {
        await other.page.goto('/ingresar');
        await signIn(other.page, email, newPassword);
        await expect.poll(() => other.page.getByTestId('sign-in-error').textContent()).toContain('Correo o contraseña incorrectos.');
      } finally {
        await other.context.close();
      }

      await row.getByTestId('user-actions').click();
      await admin.page.getByTestId('user-reactivate').click();
      await admin.page.getByTestId('confirm-action').click();
      await expect.poll(() => row.textContent()).toContain('Activa');
      expect(admin.pageErrors).toEqual([]);
      expect(person.pageErrors).toEqual([]);
    } finally {
      await admin.context.close();
      await person.context.close();
    }
  });
});
