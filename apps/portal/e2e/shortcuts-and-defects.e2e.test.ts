/**
 * Issue 16: the keyboard shortcuts (/ search, n new report, g i, g t, ? help; never while typing in
 * a field or under a dialog), and the small defects fixed with them: the Panel without the demo's
 * blocks and with "Nuevo reporte", the merge dialog's list that no longer opens over "Cancelar", the
 * error summary clear of the sticky header, the registry's objective count equal to its group's, and
 * the timeline naming an optional note "Nota:". Screenshots in es-MX and en at 1280 and 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, baseUrl, launchBrowser, newSession, screenshot, signInFromStart, trpcAs } from './browser.ts';

const HOUR = 3_600_000;
const TOKEN = `ambar${Date.now().toString(36)}`;
const pathname = (page: Page) => new URL(page.url()).pathname;
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

const report = (title: string) => ({
  title: `${title} ${TOKEN}`,
  description: 'Reporte de la prueba de atajos y defectos menores.',
  rsitClass: 'fraud',
  rsitType: 'phishing',
  severity: 2,
  tlp: 'AMBER',
  detectedAt: new Date(Date.now() - 5 * HOUR).toISOString(),
  awareAt: new Date(Date.now() - 4 * HOUR).toISOString(),
  impact: { personalData: false, criticalService: false, crossBorder: false },
});

/** Nothing focused that takes text: the shortcuts listen. */
async function leaveFields(page: Page) {
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
}

describe('keyboard shortcuts and small defects', () => {
  let browser: Browser;
  let incidentId = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    const staff = await trpcAs(baseUrl(), DEMO.staff.email);
    incidentId = (await staff.mutate<{ id: string }>('incidents.create', report('Correo apócrifo'))).id;
    await staff.mutate('incidents.create', report('Sitio clonado'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('staff: the Panel has "Nuevo reporte" and no demo blocks; the shortcuts move around, never while typing', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.getByTestId('dashboard-greeting').waitFor();
      const main = (await page.locator('main').textContent()) ?? '';
      expect(main).not.toContain('Qué puedes hacer en esta versión');
      expect(main).not.toContain('Disponible');
      expect(await page.getByTestId('dashboard-new-report').textContent()).toBe('Nuevo reporte');
      await screenshot(page, 'panel-staff-es-MX-1280');

      // "/" focuses the search; an "n" typed there is text, not a shortcut.
      await leaveFields(page);
      await page.keyboard.press('/');
      expect(await focusedId(page)).toBe('global-search');
      await page.keyboard.type('n');
      expect(await page.getByTestId('global-search').inputValue()).toBe('n');
      expect(pathname(page)).toBe('/');
      await page.getByTestId('global-search').fill('');

      // With a command key held, "n" is the browser's, not ours.
      await leaveFields(page);
      await page.keyboard.press('Alt+n');
      expect(pathname(page)).toBe('/');

      await page.keyboard.press('n');
      await page.waitForURL(/\/incidentes\/nuevo$/);
      // Typing a title with "n", "g", "i" and "t" in it stays on the form.
      await page.getByTestId('report-title').click();
      await page.keyboard.type('nginx git');
      expect(pathname(page)).toBe('/incidentes/nuevo');
      expect(await page.getByTestId('report-title').inputValue()).toBe('nginx git');

      await page.getByTestId('report-title').fill('');
      await leaveFields(page);
      await page.keyboard.press('g');
      await page.keyboard.press('t');
      await page.waitForURL(/\/tareas$/);
      await page.keyboard.press('g');
      await page.keyboard.press('i');
      await page.waitForURL(/\/incidentes$/);

      // "?" lists the shortcuts; under the dialog the others are off.
      await page.keyboard.press('Shift+Slash');
      const help = page.getByTestId('shortcuts-list');
      await help.waitFor();
      expect(await page.getByTestId('shortcut-newReport').textContent()).toContain('Nuevo reporte de incidente');
      expect(await page.getByTestId('shortcut-goTasks').textContent()).toBe('gy luegotIr a Tareas');
      await page.keyboard.press('g');
      await page.keyboard.press('t');
      expect(pathname(page)).toBe('/incidentes');
      await screenshot(page, 'shortcuts-help-es-MX-1280');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('admin: no "n" (an admin does not file reports), neither on the Panel nor in the help', async () => {
    const { context, page } = await newSession(browser, { width: 1280 });
    try {
      await context.addInitScript(() => window.localStorage.setItem('anc.locale', 'en'));
      await signInFromStart(page, DEMO.admin.email);
      await page.getByTestId('dashboard-greeting').waitFor();
      expect(await page.getByTestId('dashboard-new-report').count()).toBe(0);
      await leaveFields(page);
      await page.keyboard.press('n');
      expect(pathname(page)).toBe('/');
      await page.keyboard.press('Shift+Slash');
      await page.getByTestId('shortcuts-list').waitFor();
      expect(await page.locator('[data-testid^="shortcut-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')))).toEqual([
        'shortcut-search',
        'shortcut-goIncidents',
        'shortcut-goTasks',
        'shortcut-help',
      ]);
      expect(await page.getByTestId('shortcut-goIncidents').textContent()).toBe('gtheniGo to Incidents');
      await screenshot(page, 'shortcuts-help-en-1280');
    } finally {
      await context.close();
    }
  });

  it('coordinator: the merge list opens only when typed in, "Cancelar" stays clickable; an optional note reads "Nota:"', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await page.goto(`/incidentes/${incidentId}`);
      await page.getByTestId('transition-merged').click();
      const target = page.getByTestId('transition-merge-target');
      await target.waitFor();
      expect(await focusedId(page)).toBe(await target.getAttribute('id'));
      expect(await page.getByRole('listbox').count()).toBe(0);
      const cancel = page.getByRole('button', { name: 'Cancelar', exact: true });
      const onTop = await cancel.evaluate((button) => {
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return hit !== null && button.contains(hit);
      });
      expect(onTop).toBe(true);
      await screenshot(page, 'merge-dialog-es-MX-1280');
      await page.keyboard.type(TOKEN);
      await page.getByRole('option', { name: new RegExp(`Sitio clonado ${TOKEN}`) }).waitFor();
      await page.keyboard.press('Escape');
      await cancel.click();

      // Triage with a note: the timeline calls it a note, as the dialog did.
      await page.getByTestId('transition-triaged').click();
      await page.getByTestId('transition-reason').fill('Se confirma la suplantación.');
      await page.getByTestId('transition-submit').click();
      await expect.poll(async () => page.getByTestId('timeline-body').allTextContents()).toContain('Nota: Se confirma la suplantación.');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('staff on a phone: the error summary and the field it jumps to stop below the sticky header', async () => {
    for (const locale of ['es-MX', 'en'] as const) {
      const { context, page } = await newSession(browser, { width: 390, height: 760 });
      try {
        if (locale === 'en') await context.addInitScript(() => window.localStorage.setItem('anc.locale', 'en'));
        await signInFromStart(page, DEMO.staff.email);
        await screenshot(page, `panel-staff-${locale}-390`, true);
        await page.goto('/incidentes/nuevo');
        await page.getByTestId('report-submit').click();
        const summary = page.getByTestId('form-error-summary');
        await summary.waitFor();
        const headerBottom = await page.locator('header').evaluate((h) => h.getBoundingClientRect().bottom);
        await summary.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        expect(await summary.evaluate((el) => el.getBoundingClientRect().top)).toBeGreaterThanOrEqual(headerBottom);
        await page.locator('[data-testid^="error-summary-"]').first().click();
        const fieldTop = await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.getBoundingClientRect().top : -1));
        expect(fieldTop).toBeGreaterThanOrEqual(headerBottom);
        await summary.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await screenshot(page, `error-summary-${locale}-390`);
      } finally {
        await context.close();
      }
    }
  });

  it('the registry counts under an objective what its group lists, cancelled ones apart', async () => {
    const admin = await trpcAs(baseUrl(), DEMO.admin.email);
    const agencies = await admin.query<{ items: { id: string; code: string }[] }>('agencies.list', {});
    const sspc = agencies.items.find((a) => a.code === 'SSPC')?.id ?? '';
    const today = new Date().toISOString().slice(0, 10);
    const created = await admin.mutate<{ id: string; version: number }>('initiatives.create', {
      code: `PS-2031-${String(Date.now() % 1000).padStart(3, '0')}`,
      title: `Iniciativa cancelada ${TOKEN}`,
      description: 'Una iniciativa que se cancela para la prueba del conteo.',
      objective: 'public_security',
      axes: ['coordination'],
      leadAgencyId: sspc,
      participantAgencyIds: [],
      startDate: today,
      endDate: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
      budgetMxn: '1000.00',
    });
    await admin.mutate('initiatives.transition', { id: created.id, version: created.version, to: 'cancelled', reason: 'Prueba del conteo.' });

    const { context, page } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await page.goto('/iniciativas');
      const tile = page.locator('[data-testid="plan-objective"][data-objective="public_security"] [data-testid="plan-objective-count"]');
      const group = page.locator('[data-testid="initiative-group"][data-objective="public_security"] [data-testid="initiative-group-count"]');
      await group.waitFor();
      const groupText = (await group.textContent()) ?? '';
      expect(groupText).toMatch(/^\d+ iniciativas?$/);
      expect(await tile.textContent()).toMatch(new RegExp(`^${groupText} \\(\\d+ canceladas?, fuera de los totales\\)`));
      await screenshot(page, 'registry-es-MX-1280');
    } finally {
      await context.close();
    }
  });
});
