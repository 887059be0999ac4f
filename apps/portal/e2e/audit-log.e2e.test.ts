// The admin's audit log as a person reads it: every audited kind of entity in the filter, the
// actions and types in the reader's language, and the entity as a link to its page (named by its
// reference) instead of a raw id. Also pictures the pages this work changed (the audit log, the
// incident page's STIX download, the list's CSV export) in both languages at 1280 and 390 px.
import { AUDIT_ENTITY_TYPES } from '@anc/domain';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, chooseOption, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

describe('the audit log', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers every audited type, labels actions in the reader language and links to the entity', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.admin.email);
      await page.goto('/admin/bitacora');
      await page.getByTestId('audit-row').first().waitFor();

      // Every type of the domain's catalogue, in Spanish.
      await page.getByTestId('audit-filter-entity-type').click();
      const options = await page.getByRole('option').allTextContents();
      expect(options).toHaveLength(AUDIT_ENTITY_TYPES.length);
      expect(options).toEqual(expect.arrayContaining(['Incidente', 'Tarea', 'Iniciativa', 'Alerta', 'Dependencia', 'Cuenta de usuario', 'Playbook']));
      await page.keyboard.press('Escape');

      await chooseOption(page, 'audit-filter-entity-type', 'Incidente');
      await expect.poll(async () => new Set(await page.getByTestId('audit-entity-type').allTextContents())).toEqual(new Set(['Incidente']));
      const firstRow = page.getByTestId('audit-row').first();
      expect(await firstRow.getByTestId('audit-action-label').textContent()).toMatch(/\S/);
      const link = firstRow.getByTestId('audit-entity-link');
      const reference = (await link.textContent()) ?? '';
      expect(reference).toMatch(/^INC-\d{4}-\d{6}$/);
      expect(await link.getAttribute('aria-label')).toBe(`Abrir Incidente ${reference}`);
      await screenshot(page, 'audit-log-incidents-es-1280');

      // The link opens the incident's page.
      await link.click();
      await page.getByTestId('incident-detail').waitFor();
      expect(await page.getByTestId('incident-reference').textContent()).toBe(reference);
      expect(await page.getByTestId('incident-stix').textContent()).toBe('Descargar STIX 2.1');
      await screenshot(page, 'incident-stix-es-1280');
      const incidentPath = new URL(page.url()).pathname;
      await page.goto('/incidentes');
      await page.getByTestId('incidents-export').waitFor();
      expect(await page.getByTestId('incidents-export').getAttribute('href')).toContain('lang=es-MX');
      await screenshot(page, 'incidents-export-es-1280');

      // The same in English.
      await page.getByTestId('language-switch').click();
      await expect.poll(() => page.getByTestId('incidents-export').textContent()).toBe('Export CSV');
      expect(await page.getByTestId('incidents-export').getAttribute('href')).toContain('lang=en');
      await screenshot(page, 'incidents-export-en-1280');
      await page.goto(incidentPath);
      await expect.poll(() => page.getByTestId('incident-stix').textContent()).toBe('Download STIX 2.1');
      await screenshot(page, 'incident-stix-en-1280');
      await page.goto('/admin/bitacora');
      await page.getByTestId('audit-row').first().waitFor();
      await chooseOption(page, 'audit-filter-entity-type', 'Agency');
      await expect.poll(async () => new Set(await page.getByTestId('audit-entity-type').allTextContents())).toEqual(new Set(['Agency']));
      const agencyRow = page.getByTestId('audit-row').first();
      expect(await agencyRow.getByTestId('audit-action-label').textContent()).toMatch(/^[A-Z][a-z]/);
      const agencyLink = agencyRow.getByTestId('audit-entity-link');
      expect(await agencyLink.textContent()).toMatch(/^[A-Z]+$/);
      expect(await agencyLink.getAttribute('href')).toMatch(/^\/directorio\/[0-9a-f-]{36}$/);
      await screenshot(page, 'audit-log-agencies-en-1280');
      // The switch is saved to the account: back to Spanish for the next test.
      await page.getByTestId('language-switch').click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es-MX');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('reads on a phone, in both languages', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 390, height: 844 });
    try {
      await signInFromStart(page, DEMO.admin.email);
      await page.goto('/admin/bitacora');
      await page.getByTestId('audit-row').first().waitFor();
      await chooseOption(page, 'audit-filter-entity-type', 'Incidente');
      await page.getByTestId('audit-entity-link').first().waitFor();
      await screenshot(page, 'audit-log-es-390');
      await page.getByTestId('audit-entity-link').first().click();
      await page.getByTestId('incident-stix').waitFor();
      await screenshot(page, 'incident-stix-es-390', true);
      await page.goto('/incidentes');
      await page.getByTestId('incidents-export').waitFor();
      await screenshot(page, 'incidents-export-es-390');
      await page.getByTestId('language-switch').click();
      await expect.poll(() => page.getByTestId('incidents-export').textContent()).toBe('Export CSV');
      await screenshot(page, 'incidents-export-en-390');
      await page.goBack();
      await expect.poll(() => page.getByTestId('incident-stix').textContent()).toBe('Download STIX 2.1');
      await screenshot(page, 'incident-stix-en-390', true);
      await page.goto('/admin/bitacora');
      await page.getByTestId('audit-row').first().waitFor();
      await screenshot(page, 'audit-log-en-390');
      await page.getByTestId('language-switch').click();
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('es-MX');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
