// Issue 14 in a real Chromium: a coordinator types a seeded incident's IP address into the
// header's search box and finds the incident; takes it ("Tomar"); filters "Mis incidentes" and
// sees it. Then the same pages in English and on a phone (screenshots).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

/** The seeded CFE incident that holds 192.0.2.77 (packages/db/src/seed-incidents.ts). */
const TITLE = 'Comunicación con servidor de mando y control desde la red operativa';
const IP = '192.0.2.77';

/** A list reload (the previous rows stay, dimmed, meanwhile) may take longer than the default second on a busy machine. */
const eventually = <T>(check: () => Promise<T> | T) => expect.poll(check, { timeout: 10_000, interval: 100 });

const rowTitles = (page: Page) => page.getByTestId('incident-row').evaluateAll((rows) => rows.map((r) => r.textContent ?? ''));

describe('search by indicator and the owner', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('finds the incident by its IP from the header, takes it and lists it under "Mis incidentes"', async () => {
    const { page, context, pageErrors } = await newSession(browser, { width: 1280, height: 900 });
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      // The header's search box, by its label, with the keyboard: type and Enter.
      const box = page.getByRole('searchbox', { name: 'Buscar incidentes' });
      await box.click();
      await box.fill(IP);
      await box.press('Enter');
      await page.waitForURL((url) => url.pathname === '/incidentes' && url.searchParams.get('q') === IP);
      await eventually(async () => (await rowTitles(page)).length).toBe(1);
      expect((await rowTitles(page))[0]).toContain(TITLE);
      await screenshot(page, 'indicator-search-es-1280');

      await page.getByTestId('incident-link').first().click();
      await page.getByTestId('incident-detail').waitFor();
      const panel = page.getByTestId('owner-panel');
      await panel.getByTestId('owner-take').click();
      await eventually(() => panel.getByTestId('incident-owner').textContent()).toBe('Claudia Ríos (tú)');
      // Taken: no "Tomar" any more; the timeline says so.
      await eventually(() => panel.getByTestId('owner-take').count()).toBe(0);
      await eventually(() => page.getByText('tomó el incidente como responsable').count()).toBeGreaterThan(0);
      await screenshot(page, 'incident-owner-es-1280');

      await page.getByTestId('nav-incidents').click();
      await page.waitForURL((url) => url.pathname === '/incidentes');
      // The chip is a checkbox named by its label.
      await page.locator('label', { hasText: 'Mis incidentes' }).click();
      await eventually(() => page.getByRole('checkbox', { name: 'Mis incidentes' }).isChecked()).toBe(true);
      await page.waitForURL((url) => url.searchParams.get('owner') === 'me');
      // Only the coordinator's incidents (the previous rows stay, dimmed, until the filtered page arrives).
      const mine = async () => {
        const titles = await rowTitles(page);
        return titles.some((text) => text.includes(TITLE)) && titles.every((text) => text.includes('Claudia Ríos (tú)'));
      };
      await eventually(mine).toBe(true);
      await screenshot(page, 'incidents-mine-es-1280');

      // The same in English.
      await page.getByTestId('language-switch').click();
      await eventually(() => page.getByRole('checkbox', { name: 'My incidents' }).isChecked()).toBe(true);
      await screenshot(page, 'incidents-mine-en-1280');
      await page.getByTestId('incident-link').first().click();
      await page.getByTestId('owner-panel').waitFor();
      await screenshot(page, 'incident-owner-en-1280');
      // Back to Spanish for the next test (the choice is saved to the account).
      await page.getByTestId('language-switch').click();
      await eventually(() => page.getByTestId('owner-panel').textContent()).toContain('Responsable');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a phone the search sits behind a button and leads to the same incident', async () => {
    const { page, context, pageErrors } = await newSession(browser, { width: 390, height: 844 });
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await page.getByRole('button', { name: 'Abrir la búsqueda de incidentes' }).click();
      const box = page.getByRole('searchbox', { name: 'Buscar incidentes' });
      await eventually(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.type(IP.replaceAll('.', '[.]'));
      await screenshot(page, 'indicator-search-es-390');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/incidentes');
      await eventually(async () => (await rowTitles(page)).length).toBe(1);
      expect((await rowTitles(page))[0]).toContain(TITLE);
      await screenshot(page, 'indicator-results-es-390');
      await page.getByTestId('incident-link').first().click();
      await page.getByTestId('owner-panel').waitFor();
      await page.getByTestId('language-switch').click();
      await eventually(() => page.getByTestId('owner-panel').textContent()).toContain('Owner');
      await screenshot(page, 'incident-owner-en-390', true);
      await page.getByTestId('language-switch').click();
      await eventually(() => page.getByTestId('owner-panel').textContent()).toContain('Responsable');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
