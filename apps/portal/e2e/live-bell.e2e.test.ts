// The live bell across two API processes (issue 12): a browser signed in on process B sees its
// bell's count go up when a coordinator assigns a task to its agency through process A, long before
// the bell would have polled: the notification's NOTIFY reaches B's LISTEN, and B's event stream
// tells the page. Both processes on one PostgreSQL database (ANC_TEST_PG_URL; CI sets it).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, demoPassword, launchBrowser, screenshot, signIn, trpcAs } from './browser.ts';
import { startApiPair, type ApiPair } from './two-processes.ts';

const serverUrl = process.env.ANC_TEST_PG_URL;
/** Well under the bell's 30 s poll: only the live stream can make it in time. */
const LIVE_WITHIN_MS = 10_000;

/** A coordinator's tRPC calls over plain HTTP to one process, with the session cookie. */
function coordinatorOn(url: string) {
  return trpcAs(url, DEMO.coordinator.email);
}

const bellCount = async (page: Page) => Number(await page.getByTestId('notifications-bell').getAttribute('data-count'));

describe.skipIf(!serverUrl)('the live bell across two API processes on one PostgreSQL database', () => {
  let pair: ApiPair | undefined;
  let browser: Browser;
  beforeAll(async () => {
    pair = await startApiPair(serverUrl ?? '', demoPassword());
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await pair?.stop();
  });

  it('a browser on process B sees its bell change when a task is assigned through process A', async () => {
    const [urlA, urlB] = pair?.urls ?? ['', ''];
    const context = await browser.newContext({ baseURL: urlB, viewport: { width: 1366, height: 860 }, locale: 'es-MX', timezoneId: 'America/Mexico_City' });
    context.setDefaultTimeout(15_000);
    try {
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      // The page's own event stream, as the browser sees it.
      const streamed = page.waitForResponse((res) => res.url().endsWith('/events/notifications') && res.status() === 200);
      await page.goto('/');
      await page.waitForURL(/\/ingresar/);
      await signIn(page, DEMO.staff.email);
      await expect.poll(() => page.getByTestId('user-menu').isVisible()).toBe(true);
      expect((await streamed).headers()['content-type']).toBe('text/event-stream; charset=utf-8');
      // The count as the server has it, once the bell shows it (the demo data already has some).
      const before = await page.evaluate(async () => {
        const res = await fetch('/trpc/notifications.unreadCount');
        return ((await res.json()) as { result: { data: { count: number } } }).result.data.count;
      });
      await expect.poll(() => bellCount(page)).toBe(before);

      const coordinator = await coordinatorOn(urlA);
      const agencies = await coordinator.query<{ items: { id: string; code: string }[] }>('agencies.list', {});
      const sedena = agencies.items.find((a) => a.code === 'SEDENA');
      if (!sedena) throw new Error('no SEDENA');
      await coordinator.mutate('tasks.create', {
        title: `Aislar el servidor de correo comprometido ${Date.now()}`,
        description: 'Tarea asignada a través del proceso A; la campana del proceso B debe sonar.',
        priority: 'urgent',
        dueAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        assigneeAgencyId: sedena.id,
      });
      await expect.poll(() => bellCount(page), { timeout: LIVE_WITHIN_MS, interval: 100 }).toBe(before + 1);
      expect(await page.getByTestId('notifications-bell').getAttribute('aria-label')).toBe(
        before + 1 === 1 ? '1 notificación sin leer' : `${before + 1} notificaciones sin leer`,
      );
      await screenshot(page, 'live-bell-process-b');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
