/**
 * The institutional directory (issue 14) end to end against the real API and the demo data: SEDENA
 * (seeded with its Titular and auxiliary but no RIC) designates its RIC from the portal, a wrong
 * phone number refused under its field first; a coordinator sees SEDENA's state change in the
 * directory, opens its entry read-only, and the Panel counts it. Screenshots in both languages at
 * desktop and phone widths.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fieldError, launchBrowser, newSession, screenshot, signIn, signInFromStart } from './browser.ts';

const stateOf = (page: Page, code: string) => page.getByTestId(`directory-state-${code}`).getAttribute('data-state');

async function openDirectory(page: Page) {
  await page.getByTestId('nav-directory').click();
  await page.waitForURL(/\/directorio/);
}

describe('institutional directory', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('SEDENA designates its RIC, and a coordinator sees SEDENA complete', async () => {
    const coordinator = await newSession(browser);
    const staff = await newSession(browser);
    try {
      // Before: SEDENA lacks its RIC (the demo directory), so it is not complete.
      await signInFromStart(coordinator.page, DEMO.coordinator.email);
      await openDirectory(coordinator.page);
      await coordinator.page.getByTestId('directory-row-SEDENA').waitFor();
      const before = await stateOf(coordinator.page, 'SEDENA');
      expect(before).not.toBe('complete');
      expect(await stateOf(coordinator.page, 'SHCP')).toBe('complete');
      await screenshot(coordinator.page, 'directory-coordinator-before-es-MX-desktop', true);

      // Staff: their own entry, the RIC missing.
      await signInFromStart(staff.page, DEMO.staff.email);
      await openDirectory(staff.page);
      await staff.page.getByTestId('directory-entry').waitFor();
      expect(await staff.page.getByTestId('directory-entry').getAttribute('data-agency')).toBe('SEDENA');
      expect(await staff.page.getByTestId('directory-missing').textContent()).toContain('RIC');
      await staff.page.getByTestId('designation-ric-missing').waitFor();
      await screenshot(staff.page, 'directory-staff-before-es-MX-desktop', true);

      await staff.page.getByTestId('designate-ric').click();
      await staff.page.getByTestId('designation-form').waitFor();
      await staff.page.getByTestId('designation-name').fill('Coronel Ing. Laura Méndez Ortiz');
      await staff.page.getByTestId('designation-position').fill('Directora de Ciberseguridad de la Defensa');
      await staff.page.getByTestId('designation-email').fill('ric@sedena.gob.mx');
      await staff.page.getByTestId('designation-phone').fill('+1 202 555 0143');
      await staff.page.getByTestId('designation-submit').click();
      await expect.poll(() => fieldError(staff.page, 'designation-phone')).toContain('teléfono de México');
      await screenshot(staff.page, 'directory-designate-error-es-MX-desktop');
      await staff.page.getByTestId('designation-phone').fill('55 5626 5020');
      await staff.page.getByTestId('designation-submit').click();
      await staff.page.getByTestId('designation-form').waitFor({ state: 'hidden' });
      await expect.poll(() => staff.page.getByTestId('designation-ric-name').textContent()).toBe('Coronel Ing. Laura Méndez Ortiz');
      await expect.poll(() => staff.page.getByTestId('directory-entry-state').getAttribute('data-state')).toBe('complete');
      expect(await staff.page.getByTestId('designation-ric').textContent()).toContain('+52 55 5626 5020');

      // Panel for staff: their own state, nothing missing.
      await staff.page.getByTestId('nav-dashboard').click();
      await expect.poll(() => staff.page.getByTestId('panel-designations-own').getAttribute('data-state')).toBe('complete');

      // Coordinator: the directory shows the change; the complete filter now holds SEDENA; its entry is read-only.
      await coordinator.page.reload();
      await expect.poll(() => stateOf(coordinator.page, 'SEDENA')).toBe('complete');
      await coordinator.page
        .getByTestId('directory-filter')
        .getByText(/^Completo/)
        .click();
      await coordinator.page.waitForURL(/state=complete/);
      await coordinator.page.getByTestId('directory-row-SEDENA').waitFor();
      await expect
        .poll(() =>
          coordinator.page.locator('[data-testid^="directory-state-"]').evaluateAll((els) => els.every((e) => e.getAttribute('data-state') === 'complete')),
        )
        .toBe(true);
      await coordinator.page.getByRole('link', { name: 'Abrir el directorio de SEDENA' }).click();
      await coordinator.page.getByTestId('directory-entry').waitFor();
      expect(await coordinator.page.getByTestId('designation-ric-name').textContent()).toBe('Coronel Ing. Laura Méndez Ortiz');
      expect(await coordinator.page.getByTestId('designate-ric').count()).toBe(0);
      expect(await coordinator.page.getByTestId('directory-history').isVisible()).toBe(true);

      // An incident SEDENA reported shows its RIC and 24/7 contact to the coordinator.
      const sedenaId = coordinator.page.url().split('/directorio/')[1] ?? '';
      await coordinator.page.goto(`/incidentes?agencyId=${sedenaId}`);
      await coordinator.page.getByTestId('incident-row').first().getByRole('link').first().click();
      await expect.poll(() => coordinator.page.getByTestId('agency-contacts-ric').textContent()).toBe('Coronel Ing. Laura Méndez Ortiz');
      expect(await coordinator.page.getByTestId('agency-contacts-emergency').textContent()).toBe('Centro de Operaciones del Ciberespacio (guardia 24/7)');
      await screenshot(coordinator.page, 'directory-incident-contacts-es-MX-desktop', true);

      // The Panel counts complete agencies and links to the filtered directory.
      await coordinator.page.getByTestId('nav-dashboard').click();
      const complete = coordinator.page.getByTestId('panel-designations-complete');
      await complete.waitFor();
      expect(Number(await complete.textContent())).toBeGreaterThanOrEqual(1);
      await coordinator.page.getByTestId('panel-designations').scrollIntoViewIfNeeded();
      await screenshot(coordinator.page, 'directory-panel-coordinator-es-MX-desktop');
      expect([...coordinator.pageErrors, ...staff.pageErrors]).toEqual([]);
    } finally {
      await coordinator.context.close();
      await staff.context.close();
    }
  });

  it('reads well in both languages at desktop and phone widths', async () => {
    for (const size of [
      { name: 'desktop', width: 1280, height: 860 },
      { name: 'phone', width: 390, height: 844 },
    ] as const) {
      for (const locale of ['es-MX', 'en'] as const) {
        for (const who of ['staff', 'coordinator'] as const) {
          const { context, page, pageErrors } = await newSession(browser, size);
          try {
            await context.addInitScript((lng) => window.localStorage.setItem('anc.locale', lng), locale);
            await page.goto('/ingresar');
            await signIn(page, DEMO[who].email);
            await page.getByTestId('user-menu').waitFor();
            await page.goto('/directorio');
            await page.getByTestId(who === 'staff' ? 'directory-entry' : 'directory-row-SEMAR').waitFor();
            expect(await page.locator('h1').textContent()).toBe(locale === 'en' ? 'Institutional directory' : 'Directorio institucional');
            await screenshot(page, `directory-${who}-${locale}-${size.name}`, true);
            expect(pageErrors).toEqual([]);
          } finally {
            await context.close();
          }
        }
      }
    }
  });
});
