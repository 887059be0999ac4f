/**
 * Evidence files in the browser (features/files/EvidencePanel.tsx; docs/API.md "Evidence
 * files"): SEDENA's staff upload three files to their report with a progress bar each (the upload
 * is slowed so the bars show) and cancel a fourth; SEMAR, which the report was shared with,
 * downloads one and gets the same SHA-256 the panel shows; SSPC gets "no existe o no tienes acceso"
 * for the report and a 404 for the file. Screenshots in es-MX and en at 1280 and 390 px.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, baseUrl, launchBrowser, newSession, screenshot, signInFromStart, trpcAs } from './browser.ts';

const SEMAR = 'enlace@semar.gob.mx';
const SSPC = 'enlace@sspc.gob.mx';
const HOUR = 3_600_000;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const FILES = [
  {
    name: 'bitácora-firewall.log',
    mimeType: 'text/plain',
    buffer: Buffer.from(`2026-03-01T03:12:44 DENY 203.0.113.45:4444 -> 10.0.0.12:445\n`.repeat(40_000)),
  },
  { name: 'nota de rescate.txt', mimeType: 'text/plain', buffer: Buffer.from('Sus archivos han sido cifrados. Escriba a recuperar@example.invalid.\n') },
  {
    name: 'captura-tráfico.pcap',
    mimeType: 'application/vnd.tcpdump.pcap',
    buffer: Buffer.concat([Buffer.from('d4c3b2a1020004000000000000000000ffff000001000000', 'hex'), randomBytes(1_500_000)]),
  },
];

let browser: Browser;
let incidentId = '';

/** Chromium's own upload throttle (DevTools protocol): the progress bars have time to show. */
async function slowUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
}

const rows = (page: Page) => page.locator('[data-testid="evidence-row"]');

beforeAll(async () => {
  browser = await launchBrowser();
  const sedena = await trpcAs(baseUrl(), DEMO.staff.email);
  const coordinator = await trpcAs(baseUrl(), DEMO.coordinator.email);
  const agencies = await coordinator.query<{ items: { id: string; code: string }[] }>('agencies.list', {});
  const semarId = agencies.items.find((a) => a.code === 'SEMAR')?.id ?? '';
  const created = await sedena.mutate<{ id: string }>('incidents.create', {
    title: `Cifrado de servidores de nómina ${Date.now().toString(36)}`,
    description: 'Un ransomware cifró los servidores de nómina de la región militar; se adjuntan los registros.',
    rsitClass: 'malicious-code',
    rsitType: 'infected-system',
    severity: 4,
    tlp: 'AMBER',
    detectedAt: new Date(Date.now() - 5 * HOUR).toISOString(),
    awareAt: new Date(Date.now() - 4 * HOUR).toISOString(),
    affectedSystems: 'Servidores de nómina',
    impact: { personalData: false, criticalService: true, crossBorder: false },
  });
  incidentId = created.id;
  await coordinator.mutate('incidents.share', { id: incidentId, agencyIds: [semarId] });
});
afterAll(async () => {
  await browser?.close();
});

describe('evidence files on an incident', () => {
  it('SEDENA uploads three files, each with its progress bar, and cancels a fourth', { timeout: 180_000 }, async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280, height: 1400 });
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.goto(`/incidentes/${incidentId}`);
      await page.getByTestId('evidence-panel').waitFor();
      expect(await page.getByTestId('evidence-empty').textContent()).toContain('Aún no hay evidencias');
      await slowUploads(page, 1_000_000);
      await page.getByTestId('evidence-input').setInputFiles(FILES);
      // A bar per file while they go up.
      await expect.poll(() => page.locator('[data-testid="evidence-progress"]').count()).toBe(3);
      await page.getByTestId('evidence-panel').scrollIntoViewIfNeeded();
      await screenshot(page, 'evidence-uploading-es-1280');
      await expect.poll(() => rows(page).count(), { timeout: 30_000 }).toBe(3);
      const shown = await rows(page).evaluateAll((els) => els.map((e) => [e.getAttribute('data-name'), e.getAttribute('data-sha256')]));
      expect(shown.sort()).toEqual(FILES.map((f) => [f.name, sha256(f.buffer)]).sort());

      // A fourth, cancelled half-way: nothing is stored.
      await page
        .getByTestId('evidence-input')
        .setInputFiles([{ name: 'volcado-memoria.bin', mimeType: 'application/octet-stream', buffer: randomBytes(6_000_000) }]);
      await page.getByTestId('evidence-cancel').click();
      await expect.poll(() => page.locator('[data-testid="evidence-progress"]').count()).toBe(0);
      expect(await rows(page).count()).toBe(3);

      // Too large for the portal to send at all.
      // (Handing Chromium 25 MiB over the DevTools protocol takes a while on two shared cores.)
      await page
        .getByTestId('evidence-input')
        .setInputFiles([{ name: 'imagen-disco.dd', mimeType: 'application/octet-stream', buffer: Buffer.alloc(25 * 1024 * 1024 + 1) }], { timeout: 80_000 });
      expect(await page.getByTestId('evidence-error').textContent()).toContain('el máximo por archivo es 25 MiB');
      await screenshot(page, 'evidence-es-1280');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('SEMAR (shared) downloads one and gets the same SHA-256; it may not remove', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280, height: 1400 });
    try {
      await signInFromStart(page, SEMAR);
      await page.goto(`/incidentes/${incidentId}`);
      await expect.poll(() => rows(page).count()).toBe(3);
      expect(await page.locator('[data-testid="evidence-remove"]').count()).toBe(0);
      const pcap = rows(page).filter({ hasText: 'captura-tráfico.pcap' });
      const shownSha = await pcap.getByTestId('evidence-sha256').textContent();
      const [download] = await Promise.all([page.waitForEvent('download'), pcap.getByTestId('evidence-download').click()]);
      const bytes = await readFile(await download.path());
      expect({ name: download.suggestedFilename(), sha256: sha256(bytes) }).toEqual({ name: 'captura-tráfico.pcap', sha256: shownSha });
      expect(shownSha).toBe(sha256(present(FILES[2]).buffer));
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('SSPC gets "no existe o no tienes acceso" for the report and a 404 for its file', async () => {
    const { context, page } = await newSession(browser);
    try {
      const owner = await trpcAs(baseUrl(), DEMO.staff.email);
      const detail = await owner.query<{ attachments: { id: string }[] }>('incidents.get', { id: incidentId });
      await signInFromStart(page, SSPC);
      await page.goto(`/incidentes/${incidentId}`);
      await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain('no existe o no tienes acceso');
      const answer = await context.request.get(`/files/${present(detail.attachments[0]).id}`);
      expect(answer.status()).toBe(404);
    } finally {
      await context.close();
    }
  });

  it('the panel in es-MX and en at 1280 and 390 px (screenshots)', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280, height: 1000 });
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.goto(`/incidentes/${incidentId}`);
      for (const lang of ['es', 'en'] as const) {
        if (lang === 'en') await page.getByTestId('language-switch').click();
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: 1000 });
          await expect.poll(() => rows(page).count()).toBe(3);
          await expect
            .poll(async () => (await page.getByTestId('evidence-panel').textContent()) ?? '')
            .toContain(lang === 'en' ? 'Evidence (3)' : 'Evidencias (3)');
          await page.getByTestId('evidence-panel').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72));
          await screenshot(page, `evidence-${lang}-${width}`);
        }
      }
      // Back to Spanish: the account's saved language stays as the other tests expect it.
      await page.getByTestId('language-switch').click();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

function present<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('missing');
  return value;
}
