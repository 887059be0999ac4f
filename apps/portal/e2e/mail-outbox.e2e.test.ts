// Administración → Correo saliente on the embedded start (no SMTP_URL): a coordinator assigns a
// task to SEDENA, the admin finds its e-mail pending on the page (which says mail does not leave
// the machine), and opens the message as it would be sent, HTML in a sandboxed frame and plain
// text. Spanish and English, desktop and phone width.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

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

async function openMail(page: Page) {
  await page.getByTestId('nav-admin').click();
  await page.getByTestId('admin-tab-correo').click();
  await page.getByTestId('mail-table').waitFor();
}

describe('Correo saliente', () => {
  let browser: Browser;
  let reference = '';
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A coordinator assigns a task to SEDENA: its staff's e-mail is queued with the notification. */
  async function assignTask() {
    const coordinator = await newSession(browser);
    try {
      await signInFromStart(coordinator.page, DEMO.coordinator.email);
      const agencies = await trpcCall<{ items: { id: string; code: string }[] }>(coordinator.page, 'agencies.list', {}, 'query');
      const sedena = agencies.items.find((a) => a.code === 'SEDENA');
      if (!sedena) throw new Error('no SEDENA');
      const task = await trpcCall<{ reference: string }>(
        coordinator.page,
        'tasks.create',
        {
          title: 'Revisar <script> en el portal de trámites',
          description: 'Buscar conexiones salientes hacia las direcciones del reporte.',
          priority: 'high',
          dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          assigneeAgencyId: sedena.id,
        },
        'mutation',
      );
      reference = task.reference;
    } finally {
      await coordinator.context.close();
    }
  }

  it('shows the pending message, says mail is held, and opens it as it would be sent (es-MX, desktop)', async () => {
    await assignTask();
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.admin.email);
      await openMail(page);
      await expect.poll(() => page.getByTestId('mail-held').textContent()).toContain('El correo no sale de este equipo');
      const row = page.getByTestId('mail-row').filter({ hasText: reference }).filter({ hasText: 'enlace@sedena.gob.mx' });
      await row.waitFor();
      expect(await row.textContent()).toContain('Pendiente');
      expect(await row.textContent()).toContain('0 de 8');
      await screenshot(page, 'mail-outbox-es');
      await row.getByTestId('mail-open').click();
      const frame = page.frameLocator('[data-testid="mail-html"]');
      await expect.poll(() => frame.locator('body').textContent()).toContain('Revisar <script> en el portal de trámites');
      expect(await page.getByTestId('mail-html').getAttribute('sandbox')).toBe('');
      await screenshot(page, 'mail-outbox-message-es');
      await page.getByRole('tab', { name: 'Texto plano' }).click();
      await expect.poll(() => page.getByTestId('mail-text').textContent()).toContain('/tareas/');
      // The page in English (the message keeps its recipient's language).
      await page.evaluate(() => window.localStorage.setItem('anc.locale', 'en'));
      await page.reload();
      await page.getByTestId('mail-table').waitFor();
      await expect.poll(() => page.getByTestId('mail-held').textContent()).toContain('Mail does not leave this machine');
      await screenshot(page, 'mail-outbox-en');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('at phone width, in Spanish and English', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 390, height: 844 });
    try {
      await signInFromStart(page, DEMO.admin.email);
      await page.goto(`${new URL(page.url()).origin}/admin/correo`);
      await page.getByTestId('mail-row').filter({ hasText: reference }).first().waitFor();
      await screenshot(page, 'mail-outbox-es-phone', true);
      await page.evaluate(() => window.localStorage.setItem('anc.locale', 'en'));
      await page.reload();
      await page.goto(`${new URL(page.url()).origin}/admin/correo`);
      await page.getByTestId('mail-table').waitFor();
      await expect.poll(() => page.getByTestId('mail-held').textContent()).toContain('Mail does not leave this machine');
      await page.getByTestId('mail-row').filter({ hasText: reference }).first().waitFor();
      await screenshot(page, 'mail-outbox-en-phone', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
