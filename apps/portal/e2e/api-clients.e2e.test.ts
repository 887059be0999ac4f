// Administración → Integraciones (docs/API.md "Callers that are not a browser"): an admin creates
// an API client, sees its token once and copies it, the list then shows only its prefix, and
// revoking it (after a confirmation) makes the token useless at once.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, baseUrl, chooseOption, fieldError, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

/** A plain-HTTP route an `incidents:read` token may call: the CSV export. */
const exportWith = (token: string) => fetch(`${baseUrl()}/export/incidents.csv`, { headers: { authorization: `Bearer ${token}` } });

async function openIntegrations(page: Page) {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-integraciones').click();
  await page.getByTestId('api-clients-table').waitFor();
}

const rowOf = (page: Page, name: string) => page.getByTestId('api-client-row').filter({ hasText: name });

describe('API clients (Integraciones)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('creates a client, shows its token once with a copy button, lists only the prefix, and revokes it after confirming', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    try {
      await signInFromStart(page, DEMO.admin.email);
      await openIntegrations(page);

      // The domain's schema speaks for every empty field at once.
      await page.getByTestId('api-client-new').click();
      await page.getByTestId('api-client-submit').click();
      await expect.poll(() => fieldError(page, 'api-client-name')).toBe('Este campo es obligatorio.');
      expect(await fieldError(page, 'api-client-agency')).toBe('Este campo es obligatorio.');
      await expect.poll(() => page.getByTestId('api-client-form').textContent()).toContain('Elige al menos un permiso.');
      await screenshot(page, 'api-client-create-invalid');

      // The ANC itself is not offered: a client acts as an agency's staff.
      await page.getByTestId('api-client-agency').click();
      expect(await page.getByRole('option', { name: /^ANC — / }).count()).toBe(0);
      await page.keyboard.press('Escape');
      await chooseOption(page, 'api-client-agency', 'SEMAR — Secretaría de Marina');
      await page.getByTestId('api-client-name').fill('SIEM del SOC de SEMAR');
      await page.getByTestId('api-client-scope-incidents:read').check();
      await page.getByTestId('api-client-scope-indicators:read').check();
      // Expiry: a day of next month, from the calendar.
      await page.getByTestId('api-client-expires').click();
      await page.getByRole('button', { name: 'Mes siguiente' }).click();
      await page.locator('table button:not([data-outside]):not([disabled])', { hasText: /^15$/ }).first().click();
      await expect.poll(() => page.getByTestId('api-client-expires').textContent()).toMatch(/^15 /);
      await screenshot(page, 'api-client-create-filled');
      await page.getByTestId('api-client-submit').click();

      // The token, once, with its warning and a working copy button.
      const tokenBox = page.getByTestId('api-client-token');
      await tokenBox.waitFor();
      const token = ((await tokenBox.textContent()) ?? '').trim();
      expect(token).toMatch(/^anc_[a-z2-7]{52}$/);
      await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Este token no se volverá a mostrar.');
      await page.getByTestId('api-client-token-copy').click();
      await expect.poll(() => page.getByTestId('api-client-token-copy').textContent()).toBe('Copiado');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
      await screenshot(page, 'api-client-token-once');

      // The token works for the scopes it was given.
      expect((await exportWith(token)).status).toBe(200);

      await page.getByTestId('api-client-token-done').click();
      await page.getByTestId('api-client-token').waitFor({ state: 'detached' });
      const row = rowOf(page, 'SIEM del SOC de SEMAR');
      await expect.poll(() => row.count()).toBe(1);
      expect(await row.getByTestId('api-client-prefix').textContent()).toBe(`${token.slice(0, 12)}…`);
      expect(await row.getByTestId('api-client-status').textContent()).toBe('Activa');
      expect(await row.textContent()).toContain('Consultar incidentes');
      expect(await row.textContent()).toContain('Consultar indicadores (TAXII)');
      expect(await row.textContent()).not.toContain('Reportar incidentes');
      // Valid through the chosen day: it expires at its end, Mexico City time.
      expect(await row.textContent()).toMatch(/15 [a-z]{3} 20\d\d, 23:59/);
      // Nowhere on the page, nor after a reload.
      expect(await page.content()).not.toContain(token);
      await page.reload();
      await rowOf(page, 'SIEM del SOC de SEMAR').waitFor();
      expect(await page.content()).not.toContain(token);
      await screenshot(page, 'api-clients-list');

      // Revoking asks first; cancelling changes nothing.
      await rowOf(page, 'SIEM del SOC de SEMAR').getByTestId('api-client-revoke').click();
      await expect.poll(() => page.getByRole('dialog').textContent()).toContain('¿Revocar SIEM del SOC de SEMAR?');
      expect(await page.getByRole('dialog').textContent()).toContain(`${token.slice(0, 12)}…`);
      await screenshot(page, 'api-client-revoke-confirm');
      await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      expect((await exportWith(token)).status).toBe(200);

      await rowOf(page, 'SIEM del SOC de SEMAR').getByTestId('api-client-revoke').click();
      await page.getByTestId('confirm-action').click();
      await expect.poll(() => rowOf(page, 'SIEM del SOC de SEMAR').getByTestId('api-client-status').textContent()).toBe('Revocada');
      expect(await rowOf(page, 'SIEM del SOC de SEMAR').getByTestId('api-client-revoke').count()).toBe(0);
      expect((await exportWith(token)).status).toBe(401);
      await screenshot(page, 'api-clients-revoked');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads in English and fits a phone', async () => {
    for (const width of [390, 1366]) {
      const { context, page, pageErrors } = await newSession(browser, { width, height: width < 600 ? 844 : 860 });
      try {
        await signInFromStart(page, DEMO.admin.email);
        const size = width < 600 ? 'phone' : 'desktop';
        await page.goto('/admin/integraciones');
        await page.getByTestId('api-clients-table').waitFor();
        await screenshot(page, `api-clients-es-${size}`);
        // The page itself never scrolls sideways (the table scrolls within its frame).
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

        await page.getByTestId('language-switch').click();
        await expect.poll(() => page.getByTestId('admin-tab-integraciones').textContent()).toBe('Integrations');
        await page.getByTestId('api-client-new').click();
        await expect.poll(() => page.getByRole('dialog').textContent()).toContain('Read indicators (TAXII)');
        // The agency's English name is listed.
        await page.getByTestId('api-client-agency').click();
        await page.getByRole('option', { name: /^SEDENA — / }).click();
        await page.getByTestId('api-client-name').fill(`SOAR ${size}`);
        await page.getByTestId('api-client-scope-incidents:write').check();
        await screenshot(page, `api-client-create-en-${size}`);
        await page.getByTestId('api-client-submit').click();
        await page.getByTestId('api-client-token').waitFor();
        await expect.poll(() => page.getByRole('dialog').textContent()).toContain('This token will not be shown again.');
        expect(await page.getByTestId('api-client-token-copy').textContent()).toBe('Copy token');
        await screenshot(page, `api-client-token-en-${size}`);
        await page.getByTestId('api-client-token-done').click();
        await expect.poll(() => rowOf(page, `SOAR ${size}`).getByTestId('api-client-status').textContent()).toBe('Active');
        await rowOf(page, `SOAR ${size}`).getByTestId('api-client-revoke').click();
        await expect.poll(() => page.getByRole('dialog').textContent()).toContain(`Revoke SOAR ${size}?`);
        await page.getByTestId('confirm-action').click();
        await expect.poll(() => rowOf(page, `SOAR ${size}`).getByTestId('api-client-status').textContent()).toBe('Revoked');
        await screenshot(page, `api-clients-en-${size}`);

        // Put the account back to Spanish for the other tests.
        await page.getByTestId('language-switch').click();
        await expect.poll(() => page.getByTestId('admin-tab-integraciones').textContent()).toBe('Integraciones');
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
