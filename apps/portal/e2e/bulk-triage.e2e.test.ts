/**
 * Bulk triage on the incidents list, end to end: a coordinator ticks two new incidents, triages
 * them in one action and reads the per-item result; sorts a column (aria-sort, the order of the
 * rows); saves the filter and sort under a name, clears them and applies the saved filter again.
 * Screenshots in es-MX and en at 1280 and 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, baseUrl, launchBrowser, newSession, screenshot, signInFromStart, trpcAs } from './browser.ts';

const HOUR = 3_600_000;
const ago = (h: number) => new Date(Date.now() - h * HOUR).toISOString();

/** A word no seeded incident has, so the list's search narrows to this test's incidents. */
const TOKEN = `zafiro${Date.now().toString(36)}`;

/** A report of SEDENA's staff with the test's word in its title. */
const report = (title: string, severity: number) => ({
  title: `${title} ${TOKEN}`,
  description: 'Reporte de la prueba de clasificación en lote.',
  rsitClass: 'fraud',
  rsitType: 'phishing',
  severity,
  tlp: 'AMBER',
  detectedAt: ago(5),
  awareAt: ago(4),
  impact: { personalData: false, criticalService: false, crossBorder: false },
});

async function fileTwo(): Promise<{ reference: string }[]> {
  const staff = await trpcAs(baseUrl(), DEMO.staff.email);
  return [
    await staff.mutate<{ reference: string }>('incidents.create', report('Correo de suplantación', 2)),
    await staff.mutate<{ reference: string }>('incidents.create', report('Sitio apócrifo', 4)),
  ];
}

/** Pages load over the network: wait for them as long as the other browser steps do. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

const rowRefs = (page: Page) => page.getByTestId('incident-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-reference') ?? ''));

describe('bulk triage', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator triages two new incidents in bulk, sorts a column, saves a filter and applies it again', async () => {
    const filed = await fileTwo();
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await page.goto(`/incidentes?q=${TOKEN}&status=submitted`);
      await poll(async () => (await rowRefs(page)).sort()).toEqual(filed.map((f) => f.reference).sort());

      // Select both (one by one), and triage them.
      for (const f of filed) await page.getByRole('checkbox', { name: `Seleccionar ${f.reference}` }).check();
      await poll(() => page.getByTestId('bulk-count').textContent()).toBe('2 incidentes seleccionados');
      await screenshot(page, 'bulk-selected-es-1280');
      await page.getByTestId('bulk-triage').click();
      await page.getByTestId('bulk-confirm-go').waitFor();
      await screenshot(page, 'bulk-confirm-es-1280');
      await page.getByTestId('bulk-confirm-go').click();
      await page.getByTestId('bulk-result').waitFor();
      expect(await page.getByTestId('bulk-result-summary').textContent()).toBe('2 de 2 se completaron.');
      expect((await page.getByTestId('bulk-result-ok').allTextContents()).sort()).toEqual(filed.map((f) => f.reference).sort());
      await screenshot(page, 'bulk-result-es-1280');
      await page.getByTestId('bulk-result-close').click();
      // Triaged, they no longer match "Recibido".
      await poll(() => rowRefs(page)).toEqual([]);

      // Sort: by reference, then by severity (highest first), with aria-sort on the header.
      await page.goto(`/incidentes?q=${TOKEN}`);
      await poll(async () => (await rowRefs(page)).length).toBe(2);
      await page.getByTestId('sort-reference').getByRole('button').click();
      await poll(() => page.getByTestId('sort-reference').getAttribute('aria-sort')).toBe('ascending');
      await poll(() => rowRefs(page)).toEqual(filed.map((f) => f.reference).sort());
      await page.getByTestId('sort-severity').getByRole('button').click();
      await poll(() => page.getByTestId('sort-severity').getAttribute('aria-sort')).toBe('descending');
      expect(await page.getByTestId('sort-reference').getAttribute('aria-sort')).toBe('none');
      // The second report is the severe one (4 against 2).
      await poll(() => rowRefs(page)).toEqual([filed[1]?.reference, filed[0]?.reference]);
      expect(page.url()).toContain('sort=severity');
      await screenshot(page, 'bulk-sorted-es-1280');

      // Save the filter and sort, clear everything, apply it again.
      await page.getByTestId('incidents-saved-filters').click();
      await page.getByTestId('saved-filter-save-open').click();
      await page.getByTestId('saved-filter-name').fill(`Lote ${TOKEN}`);
      await screenshot(page, 'bulk-save-filter-es-1280');
      await page.getByTestId('saved-filter-save').click();
      await page.getByTestId('saved-filter-name').waitFor({ state: 'hidden' });
      await page.goto('/incidentes');
      await poll(async () => (await rowRefs(page)).length).toBeGreaterThan(2);
      await page.getByTestId('incidents-saved-filters').click();
      await screenshot(page, 'bulk-saved-menu-es-1280');
      await page.getByRole('menuitem', { name: `Aplicar «Lote ${TOKEN}»` }).click();
      await poll(() => rowRefs(page)).toEqual([filed[1]?.reference, filed[0]?.reference]);
      const url = new URL(page.url());
      expect([url.searchParams.get('q'), url.searchParams.get('sort'), url.searchParams.get('dir')]).toEqual([TOKEN, 'severity', 'desc']);
      expect(await page.getByTestId('sort-severity').getAttribute('aria-sort')).toBe('descending');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('staff see no checkboxes; the views in English and on a phone', async () => {
    const staff = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(staff.page, DEMO.staff.email);
      await staff.page.goto('/incidentes');
      await poll(async () => (await rowRefs(staff.page)).length).toBeGreaterThan(0);
      expect(await staff.page.getByTestId('bulk-select-page').count()).toBe(0);
      expect(await staff.page.getByTestId('bulk-select-row').count()).toBe(0);
    } finally {
      await staff.context.close();
    }

    for (const [locale, width] of [
      ['en', 1280],
      ['en', 390],
      ['es', 390],
    ] as const) {
      const { context, page, pageErrors } = await newSession(browser, { width, height: width < 500 ? 844 : 860 });
      try {
        if (locale === 'en') await context.addInitScript(() => window.localStorage.setItem('anc.locale', 'en'));
        await signInFromStart(page, DEMO.coordinator.email);
        await page.goto('/incidentes?sort=deadline&dir=asc');
        await poll(async () => (await rowRefs(page)).length).toBeGreaterThan(2);
        const checks = page.getByTestId('bulk-select-row');
        await checks.nth(0).check();
        await checks.nth(1).check();
        await poll(() => page.getByTestId('bulk-count').textContent()).toBe(locale === 'en' ? '2 incidents selected' : '2 incidentes seleccionados');
        await screenshot(page, `bulk-selected-${locale}-${width}`);
        await page.getByTestId('bulk-share').click();
        await page.getByTestId('bulk-confirm-go').waitFor();
        await screenshot(page, `bulk-share-${locale}-${width}`);
        await page.keyboard.press('Escape');
        await page.goto('/tareas?view=list&sort=due&dir=asc');
        await page.getByTestId('tasks-saved-filters').waitFor();
        await screenshot(page, `tasks-sorted-${locale}-${width}`);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
