// The bell in a real Chromium: a coordinator assigns a task to SEDENA (through the API, from the
// coordinator's own signed-in page); SEDENA's staff see the count on the bell, named for screen
// readers, open the panel and follow the notification with the keyboard, and mark the rest read.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

/** A tRPC call made by the page itself (same origin, its session cookie). */
function trpcCall<T>(page: Page, path: string, input: unknown, kind: 'query' | 'mutation'): Promise<T> {
  return page.evaluate(
    async ({ p, i, k }) => {
      const res =
        k === 'query'
          ? await fetch(`/trpc/${p}?input=${encodeURIComponent(JSON.stringify(i))}`)
          : await fetch(`/trpc/${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) });
      const body = (await res.json()) as { result?: { data: unknown }; error?: unknown };
      if (!body.result) throw new Error(`${p}: ${JSON.stringify(body.error)}`);
      return body.result.data;
    },
    { p: path, i: input, k: kind },
  ) as Promise<T>;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
const bellCount = async (page: Page) => Number(await page.getByTestId('notifications-bell').getAttribute('data-count'));
const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('notification bell', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows a new assignment to the agency’s staff, opens with the keyboard and leads to the task', async () => {
    const coordinator = await newSession(browser);
    const staff = await newSession(browser);
    try {
      await signInFromStart(coordinator.page, DEMO.coordinator.email);
      const agencies = await trpcCall<{ items: { id: string; code: string }[] }>(coordinator.page, 'agencies.list', {}, 'query');
      const sedena = agencies.items.find((a) => a.code === 'SEDENA');
      if (!sedena) throw new Error('no SEDENA');
      // Two assignments, so that one is left unread after following the newest.
      const create = (title: string) =>
        trpcCall<{ id: string; reference: string }>(
          coordinator.page,
          'tasks.create',
          {
            title,
            description: 'Buscar conexiones salientes hacia las direcciones del reporte.',
            priority: 'high',
            dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
            assigneeAgencyId: sedena.id,
          },
          'mutation',
        );
      await create(`Entregar el inventario de equipos perimetrales ${Date.now()}`);
      const title = `Revisar los registros del firewall perimetral ${Date.now()}`;
      const task = await create(title);

      const { page, pageErrors } = staff;
      await signInFromStart(page, DEMO.staff.email);
      const bell = page.getByTestId('notifications-bell');
      await expect.poll(() => bellCount(page)).toBeGreaterThan(1);
      const before = await bellCount(page);
      // Its name says how many are unread, in Spanish first.
      expect(await bell.getAttribute('aria-label')).toBe(before === 1 ? '1 notificación sin leer' : `${before} notificaciones sin leer`);
      await screenshot(page, 'notifications-bell');

      // Keyboard: Enter opens the panel, Escape closes it and gives the focus back to the bell.
      await bell.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('notifications-panel').waitFor();
      expect(await bell.getAttribute('aria-expanded')).toBe('true');
      const newest = page.getByTestId('notification-item').first();
      await newest.waitFor();
      expect(await newest.textContent()).toContain(`Nueva tarea para tu dependencia: ${task.reference} · ${title}`);
      expect(await newest.getAttribute('data-unread')).toBe('true');
      await screenshot(page, 'notifications-panel');
      await page.keyboard.press('Escape');
      await page.getByTestId('notifications-panel').waitFor({ state: 'hidden' });
      expect(await focusedTestId(page)).toBe('notifications-bell');

      // Open again, Tab past "mark all" to the newest notification and follow it.
      await page.keyboard.press('Enter');
      await newest.waitFor();
      for (let i = 0; i < 4 && !(await newest.locator('a').evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
      expect(await newest.locator('a').evaluate((a) => a === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await page.waitForURL(`**/tareas/${task.id}`);
      // Following it marked it read.
      await expect.poll(() => bellCount(page)).toBe(before - 1);

      // The full list: the one followed is read; "mark all" empties the bell.
      await bell.click();
      await page.getByTestId('notifications-view-all').click();
      await page.waitForURL('**/notificaciones');
      const row = page.getByTestId('notifications-list').getByTestId('notification-item').filter({ hasText: task.reference }).first();
      expect(await row.getAttribute('data-unread')).toBe('false');
      await screenshot(page, 'notifications-page', true);
      await page.getByTestId('notifications-page-mark-all').click();
      await expect.poll(() => bellCount(page)).toBe(0);
      expect(await bell.getAttribute('aria-label')).toBe('Notificaciones: ninguna sin leer');
      expect(await page.getByTestId('notifications-list').locator('[data-unread="true"]').count()).toBe(0);
      expect(pageErrors).toEqual([]);
      expect(coordinator.pageErrors).toEqual([]);
    } finally {
      await coordinator.context.close();
      await staff.context.close();
    }
  });

  it('tells the coordinators of a new incident report and leads to the incident page (es-MX and en, desktop and phone)', async () => {
    const staff = await newSession(browser);
    const coordinator = await newSession(browser);
    const phone = await newSession(browser, { width: 390, height: 844 });
    try {
      await signInFromStart(staff.page, DEMO.staff.email);
      const title = `Correo de phishing dirigido al área de finanzas ${Date.now()}`;
      const incident = await trpcCall<{ id: string; reference: string }>(
        staff.page,
        'incidents.create',
        {
          title,
          description: 'Varios usuarios recibieron un correo que suplanta al SAT con un enlace a un sitio falso.',
          rsitClass: 'fraud',
          rsitType: 'phishing',
          severity: 2,
          tlp: 'AMBER',
          detectedAt: hoursAgo(3),
          awareAt: hoursAgo(2),
          affectedSystems: 'Correo institucional',
          impact: { personalData: false, criticalService: false, crossBorder: false },
        },
        'mutation',
      );

      const { page, pageErrors } = coordinator;
      await signInFromStart(page, DEMO.coordinator.email);
      await expect.poll(() => bellCount(page)).toBeGreaterThan(0);
      const bell = page.getByTestId('notifications-bell');
      await bell.click();
      const item = page.getByTestId('notification-item').filter({ hasText: incident.reference }).first();
      await item.waitFor();
      expect(await item.textContent()).toContain(`Nuevo reporte de incidente: ${incident.reference} · ${title}`);
      await screenshot(page, 'notifications-incident-panel-es-MX');

      // The same notification in English (the language is saved to the account: switched back below).
      await page.keyboard.press('Escape');
      await page.getByTestId('language-switch').click();
      await page.reload();
      await page.getByTestId('notifications-bell').click();
      const itemEn = page.getByTestId('notification-item').filter({ hasText: incident.reference }).first();
      await itemEn.waitFor();
      expect(await itemEn.textContent()).toContain(`New incident report: ${incident.reference} · ${title}`);
      await screenshot(page, 'notifications-incident-panel-en');

      // At 390 px, in both languages.
      await signInFromStart(phone.page, DEMO.coordinator.email);
      await phone.page.getByTestId('notifications-bell').click();
      await phone.page.getByTestId('notification-item').filter({ hasText: incident.reference }).first().waitFor();
      await screenshot(phone.page, 'notifications-incident-panel-phone-en');
      await phone.page.keyboard.press('Escape');
      await phone.page.getByTestId('language-switch').click();
      await phone.page.reload();
      await phone.page.getByTestId('notifications-bell').click();
      const phoneItem = phone.page.getByTestId('notification-item').filter({ hasText: incident.reference }).first();
      await phoneItem.waitFor();
      expect(await phoneItem.textContent()).toContain('Nuevo reporte de incidente');
      await screenshot(phone.page, 'notifications-incident-panel-phone-es-MX');

      // Following it opens the incident page and marks it read.
      await phoneItem.locator('a').click();
      await phone.page.waitForURL(`**/incidentes/${incident.id}`);
      expect(pageErrors).toEqual([]);
      expect(phone.pageErrors).toEqual([]);
      expect(staff.pageErrors).toEqual([]);
    } finally {
      await staff.context.close();
      await coordinator.context.close();
      await phone.context.close();
    }
  });
});
