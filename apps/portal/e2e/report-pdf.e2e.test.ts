/**
 * The official PDF of an incident's report, through the portal: SEDENA's staff open one of their
 * demo reports that has follow-ups filed (packages/db/src/seed-incidents.ts), open "Descargar PDF",
 * see one entry per document filed, and download the report as filed and the notification. Each
 * download is a PDF (read back with pdf.js) holding the reference and the TLP label. Screenshots of
 * the menu in Spanish and English at 1280 and 390 px.
 */
import { readFile } from 'node:fs/promises';
import { filedReportDocuments, type IncidentDetail } from '@anc/domain';
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, baseUrl, launchBrowser, newSession, screenshot, signInFromStart, trpcAs } from './browser.ts';

/** Every page's text, its runs joined by spaces. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str : ''))
        .join(' ')
        .replace(/\s+/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}

async function downloadFromMenu(page: Page, document: string) {
  await page.getByTestId('report-pdf').click();
  const item = page.locator(`[data-testid="report-pdf-document"][data-document="${document}"]`);
  const [download] = await Promise.all([page.waitForEvent('download'), item.click()]);
  return { name: download.suggestedFilename(), bytes: new Uint8Array(await readFile(await download.path())) };
}

describe('the official PDF from the incident page', () => {
  let browser: Browser;
  let incident: IncidentDetail;

  beforeAll(async () => {
    browser = await launchBrowser();
    // A demo report of SEDENA's with its notification filed.
    const api = await trpcAs(baseUrl(), DEMO.staff.email);
    const list = await api.query<{ items: { id: string }[] }>('incidents.list', { limit: 50 });
    const details = await Promise.all(list.items.map((i) => api.query<IncidentDetail>('incidents.get', { id: i.id })));
    const withNotification = details.find((d) => d.reports.some((r) => r.kind === 'notification'));
    if (!withNotification) throw new Error('the demo data has no report with a notification filed');
    incident = withNotification;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('downloads the report as filed and the notification as PDFs with the reference and the TLP label', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.goto(`/incidentes/${incident.id}`);
      await page.getByTestId('incident-detail').waitFor();

      await page.getByTestId('report-pdf').click();
      const offered = await page.locator('[data-testid="report-pdf-document"]').evaluateAll((items) => items.map((i) => i.getAttribute('data-document')));
      expect(offered).toEqual(filedReportDocuments(incident));
      expect(await page.getByRole('menuitem', { name: 'Reporte presentado' }).isVisible()).toBe(true);
      await page.keyboard.press('Escape');

      const initial = await downloadFromMenu(page, 'initial');
      expect(initial.name).toBe(`${incident.reference}-reporte.pdf`);
      expect(Buffer.from(initial.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const pages = await pdfPages(initial.bytes);
      expect(pages.map((text) => text.includes(incident.reference) && text.includes(`TLP:${incident.tlp}`))).toEqual(pages.map(() => true));
      expect(pages[0]).toContain('Agencia Nacional de Ciberseguridad');

      const notification = await downloadFromMenu(page, 'notification');
      expect(notification.name).toBe(`${incident.reference}-notificacion.pdf`);
      const body = incident.reports.find((r) => r.kind === 'notification')?.body ?? '(none)';
      expect((await pdfPages(notification.bytes)).join(' ')).toContain(body);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('offers the menu in Spanish and English, on a wide and a narrow screen', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280, height: 860 });
    try {
      await signInFromStart(page, DEMO.staff.email);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 860 });
        await page.goto(`/incidentes/${incident.id}`);
        await expect.poll(() => page.getByTestId('report-pdf').textContent()).toBe('Descargar PDF');
        await page.getByTestId('report-pdf').click();
        await page.getByRole('menuitem', { name: 'Reporte presentado' }).waitFor();
        await screenshot(page, `report-pdf-menu-es-MX-${width}`);
        await page.keyboard.press('Escape');

        await page.getByTestId('language-switch').click();
        await expect.poll(() => page.getByTestId('report-pdf').textContent()).toBe('Download PDF');
        await page.getByTestId('report-pdf').click();
        await page.getByRole('menuitem', { name: 'Report as filed' }).waitFor();
        // The English entry downloads the English document.
        expect(await page.getByRole('menuitem', { name: 'Report as filed' }).getAttribute('href')).toBe(
          `/export/incidents/${incident.id}/report.pdf?document=initial&lang=en`,
        );
        await screenshot(page, `report-pdf-menu-en-${width}`);
        await page.keyboard.press('Escape');
        await page.getByTestId('language-switch').click();
      }
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
