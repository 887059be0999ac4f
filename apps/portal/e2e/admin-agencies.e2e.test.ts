import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, chooseOption, fieldError, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

describe('administration of agencies', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('validates, registers, edits and deactivates an agency', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.admin.email);
      await page.goto('/admin/dependencias');
      await page.getByTestId('agency-row-ANC').waitFor();
      // The ANC itself cannot be deactivated.
      expect(await page.getByTestId('agency-toggle-ANC').getAttribute('aria-disabled')).toBe('true');

      await page.getByTestId('agency-new').click();
      await page.getByTestId('agency-code').fill('1 MAL');
      await page.getByTestId('agency-name').fill('ab');
      await page.getByTestId('agency-submit').click();
      await expect.poll(() => fieldError(page, 'agency-code')).toContain('Usa de 2 a 16 letras mayúsculas');
      expect(await fieldError(page, 'agency-name')).toBe('Es demasiado corto.');
      expect(await fieldError(page, 'agency-name-en')).toBe('Este campo es obligatorio.');
      expect(await fieldError(page, 'agency-kind')).toBe('Este campo es obligatorio.');
      await screenshot(page, 'admin-agency-invalid');

      // A code already in use: the server's answer lands under the code.
      await page.getByTestId('agency-code').fill('sspc');
      await page.getByTestId('agency-name').fill('Centro Nacional de Control de Energía');
      await page.getByTestId('agency-name-en').fill('National Energy Control Centre');
      await chooseOption(page, 'agency-kind', 'Operador de infraestructura crítica');
      await chooseOption(page, 'agency-sector', 'Energía');
      await page.getByTestId('agency-submit').click();
      await expect.poll(() => fieldError(page, 'agency-code')).toBe('Ya existe una dependencia con esa clave.');

      await page.getByTestId('agency-code').fill('cenace');
      await page.getByTestId('agency-submit').click();
      await page.getByTestId('agency-form').waitFor({ state: 'detached' });
      const row = page.getByTestId('agency-row-CENACE');
      await expect.poll(() => row.textContent()).toContain('Centro Nacional de Control de Energía');
      expect(await row.textContent()).toContain('Energía');

      await page.getByTestId('agency-edit-CENACE').click();
      expect(await page.getByTestId('agency-code').inputValue()).toBe('CENACE');
      await page.getByTestId('agency-name-en').fill('National Centre for Energy Control');
      await page.getByTestId('agency-submit').click();
      await page.getByTestId('agency-form').waitFor({ state: 'detached' });
      await expect.poll(() => row.textContent()).toContain('National Centre for Energy Control');

      await page.getByTestId('agency-toggle-CENACE').click();
      await page.getByTestId('confirm-action').click();
      await expect.poll(() => row.textContent()).toContain('Desactivada');
      await page.getByText('Desactivadas', { exact: true }).click();
      await expect.poll(() => page.locator('[data-testid^="agency-row-"]').count()).toBe(1);
      await screenshot(page, 'admin-agencies-deactivated');

      // A deactivated agency is not offered for new accounts.
      await page.getByTestId('admin-tab-usuarios').click();
      await page.getByTestId('user-new').click();
      await page.getByTestId('user-agency').click();
      await page.getByTestId('user-agency').fill('CENACE');
      await expect.poll(() => page.getByRole('option').count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
