/**
 * Who reads a note on an incident's timeline (packages/domain/src/incidents/visibility.ts), in the
 * browser: a coordinator chooses "Solo ANC" for an update and the badge says so; the reporting
 * agency (SEDENA) reads the ANC-and-reporting notes but not that one; the agency the report was
 * shared with (SEMAR) reads only the notes for every reader, and is not offered "Solo ANC".
 * Works on the demo report SEDENA filed and the ANC shared with SEMAR (packages/db/src/seed-incidents.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { DEMO, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

const SEMAR = 'enlace@semar.gob.mx';
const DEMO_TITLE = 'Exposición de buzones de correo institucional en un foro';
/** Notes the demo seed writes on that report, by who may read them. */
const SEEDED = {
  reporting: 'Se solicitó a la dependencia preservar los registros',
  anc: 'La IP 203.0.113.45 coincide con otro reporte en análisis',
  allReaders: 'Se restablecieron las contraseñas de las cuentas expuestas',
};

async function openDemoIncident(page: Page) {
  await page.goto(`/incidentes?q=${encodeURIComponent('buzones de correo institucional')}`);
  const row = page.locator('[data-testid="incident-row"]').filter({ hasText: DEMO_TITLE });
  await row.first().waitFor();
  await row.first().getByTestId('incident-link').click();
  await page.getByTestId('incident-timeline').waitFor();
}

const timelineText = async (page: Page) => (await page.getByTestId('incident-timeline').textContent()) ?? '';
/** The timeline at the top of the window, under the sticky header, for the screenshots. */
const showTimeline = (page: Page) =>
  page.getByTestId('incident-timeline').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
const item = (page: Page, text: string) => page.locator('[data-testid="timeline-item"]').filter({ hasText: text });

describe('note visibility on the incident timeline', () => {
  let browser: Browser;
  const note = `Coordinación interna: revisar la relación con la campaña de CFE ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator chooses "Solo ANC" for an update; its badge says so, in Spanish and English', async () => {
    const { context, page, pageErrors } = await newSession(browser, { height: 1500 });
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await openDemoIncident(page);
      // The ANC reads every note of the demo report, each with its badge.
      for (const text of Object.values(SEEDED)) await item(page, text).waitFor();
      expect(await item(page, SEEDED.anc).getByTestId('note-visibility').getAttribute('data-visibility')).toBe('anc');
      expect(await item(page, SEEDED.reporting).getByTestId('note-visibility').textContent()).toBe('Solo ANC y dependencia que reporta');

      // Three choices for the ANC, starting at "Solo ANC y dependencia que reporta".
      const choices = page.getByTestId('comment-visibility');
      expect(await choices.getByRole('radio').count()).toBe(3);
      expect(await page.getByRole('radio', { name: 'Solo ANC y dependencia que reporta' }).isChecked()).toBe(true);
      await page.getByRole('radio', { name: 'Solo ANC', exact: true }).check();
      await page.getByTestId('comment-body').fill(note);
      await page.getByTestId('comment-submit').click();

      const posted = item(page, note);
      await posted.waitFor();
      const badge = posted.getByTestId('note-visibility');
      expect(await badge.getAttribute('data-visibility')).toBe('anc');
      expect(await badge.textContent()).toBe('Solo ANC');
      expect(await badge.getAttribute('aria-label')).toBe('Visible para: Solo ANC');
      // After posting, the next update starts from the default again.
      await expect.poll(() => page.getByRole('radio', { name: 'Solo ANC y dependencia que reporta' }).isChecked()).toBe(true);
      await showTimeline(page);
      await screenshot(page, 'incident-timeline-visibility-es');

      // A step's reason or note: the same three choices, the same default.
      await page.getByTestId('transition-contained').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('transition-visibility').waitFor();
      expect(await dialog.getByTestId('transition-visibility').getByRole('radio').count()).toBe(3);
      expect(await dialog.getByRole('radio', { name: 'Solo ANC y dependencia que reporta' }).isChecked()).toBe(true);
      await screenshot(page, 'incident-transition-visibility-es');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });

      await page.getByTestId('language-switch').click();
      await expect.poll(() => badge.textContent()).toBe('ANC only');
      expect(await item(page, SEEDED.reporting).getByTestId('note-visibility').textContent()).toBe('ANC and reporting agency only');
      expect(await item(page, SEEDED.allReaders).getByTestId('note-visibility').textContent()).toBe('Every agency with access');
      expect(await page.getByRole('radio', { name: 'ANC and reporting agency only' }).isChecked()).toBe(true);
      await showTimeline(page);
      await screenshot(page, 'incident-timeline-visibility-en');
      // The language is saved to the account: give it back as the other browser tests expect it.
      await page.getByTestId('language-switch').click();
      await expect.poll(() => badge.textContent()).toBe('Solo ANC');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the reporting agency reads the ANC-and-reporting notes, not the ANC-only one', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      await openDemoIncident(page);
      await item(page, SEEDED.reporting).waitFor();
      await item(page, SEEDED.allReaders).waitFor();
      const text = await timelineText(page);
      expect(text).not.toContain(SEEDED.anc);
      expect(text).not.toContain(note);
      // Staff are not offered "Solo ANC".
      expect(await page.getByTestId('comment-visibility').getByRole('radio').count()).toBe(2);
      expect(await page.getByTestId('comment-visibility-anc').count()).toBe(0);
      // An agency's own note goes to every reader unless its author keeps it (docs/API.md).
      expect(await page.getByRole('radio', { name: 'Todas las dependencias con acceso' }).isChecked()).toBe(true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the agency it was shared with reads only the notes for every reader', async () => {
    const { context, page, pageErrors } = await newSession(browser, { height: 1100 });
    try {
      await signInFromStart(page, SEMAR);
      await openDemoIncident(page);
      await item(page, SEEDED.allReaders).waitFor();
      expect(await item(page, SEEDED.allReaders).getByTestId('note-visibility').textContent()).toBe('Todas las dependencias con acceso');
      const text = await timelineText(page);
      for (const hidden of [SEEDED.reporting, SEEDED.anc, note]) expect(text).not.toContain(hidden);
      await showTimeline(page);
      await screenshot(page, 'incident-timeline-visibility-shared-with');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
