/**
 * Advisories (alertas) end to end against the real API: a coordinator drafts an advisory to SEDENA
 * and SEMAR in the form and publishes it; SEDENA's liaison answers "Mitigando", then "Mitigado",
 * and sees both in the history; SEMAR answers nothing; the coordinator's matrix shows both, SEMAR
 * overdue once respondBy has passed; SSPC's liaison cannot open it. The clock: respondBy is moved
 * to a minute ago through the API before publishing (within the five minutes of clock skew the
 * rules tolerate), so nothing waits. Screenshots in es-MX and en, at 1280 and 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, baseUrl, launchBrowser, newSession, screenshot, signInFromStart, trpcAs } from './browser.ts';

const SEDENA = DEMO.staff.email;
const SEMAR = 'enlace@semar.gob.mx';
const SSPC = 'enlace@sspc.gob.mx';

async function pickAgency(page: Page, label: string) {
  await page.getByTestId('advisory-form-agencies').click();
  await page.getByTestId('advisory-form-agencies').fill(label.split(' ')[0] ?? label);
  await page.getByRole('option', { name: label, exact: true }).click();
}

async function answer(page: Page, status: string, label: string, comment?: string) {
  await page.getByTestId(`answer-${status}`).check();
  if (comment) await page.getByTestId('answer-comment').fill(comment);
  await page.getByTestId('answer-submit').click();
  await expect.poll(() => page.getByTestId('advisory-current-answer').textContent()).toBe(label);
}

describe('advisories', () => {
  let browser: Browser;
  const advisory = { id: '', reference: '', title: `Explotación activa de FortiOS SSL-VPN ${Date.now().toString(36)}` };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator drafts an advisory to SEDENA and SEMAR and publishes it', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await page.getByTestId('nav-advisories').click();
      await page.locator('[data-testid^="advisory-row-"]').first().waitFor();
      await screenshot(page, 'advisories-list-coordinator-es-1280');
      await page.getByTestId('advisories-new').click();
      await page.getByTestId('advisory-form').waitFor();
      await page.getByTestId('advisory-form-title').fill(advisory.title);
      await page.getByTestId('advisory-form-summary').fill('Fortinet confirmó la explotación de una escritura fuera de límites en sslvpnd.');
      await page.getByTestId('advisory-form-cves').fill('cve-2024-21762');
      await page.getByTestId('advisory-form-cves').press('Enter');
      await page.getByTestId('advisory-form-body').fill('Un atacante remoto sin autenticar puede ejecutar código con solicitudes HTTP manipuladas.');
      await page.getByTestId('advisory-form-action').fill('Actualizar FortiOS a 7.4.3 o deshabilitar la VPN SSL, y responder a la ANC.');
      // No audience yet: the schema says so under the field, and nothing is saved.
      await page.getByTestId('advisory-form-submit').click();
      await expect.poll(() => page.locator('#advisory-agencyIds').getAttribute('aria-invalid')).toBe('true');
      await pickAgency(page, 'SEDENA — Secretaría de la Defensa Nacional');
      await pickAgency(page, 'SEMAR — Secretaría de Marina');
      await page.keyboard.press('Escape');
      await screenshot(page, 'advisory-form-es-1280', true);
      await page.getByTestId('advisory-form-submit').click();
      await page.waitForURL(/\/alertas\/[0-9a-f-]{36}$/);
      advisory.id = page.url().split('/').pop() ?? '';
      advisory.reference = (await page.getByTestId('advisory-reference').textContent()) ?? '';
      expect(advisory.reference).toMatch(/^ALR-\d{4}-\d{6}$/);
      expect(await page.getByTestId('advisory-status').textContent()).toBe('Borrador');
      expect(await page.getByTestId('advisory-cves').textContent()).toContain('CVE-2024-21762');

      // The answer deadline a minute ago (the test's clock), then publish from the page.
      const api = await trpcAs(baseUrl(), DEMO.coordinator.email);
      const draft = await api.query<{ version: number }>('advisories.get', { id: advisory.id });
      await api.mutate('advisories.update', { id: advisory.id, version: draft.version, respondBy: new Date(Date.now() - 60_000).toISOString() });
      await page.reload();
      await page.getByTestId('advisory-publish').click();
      await page.getByTestId('confirm-action').click();
      await expect.poll(() => page.getByTestId('advisory-status').textContent()).toBe('Publicada');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('SEDENA answers "mitigando", then "mitigado", and reads both in its history', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, SEDENA);
      await page.getByTestId('nav-advisories').click();
      await page.getByTestId(`advisory-row-${advisory.reference}`).getByTestId('advisory-link').click();
      await page.getByTestId('advisory-answer-form').waitFor();
      expect(await page.getByTestId('advisory-overdue').isVisible()).toBe(true);
      expect(await page.getByTestId('advisory-matrix').count()).toBe(0);
      await answer(page, 'mitigating', 'Mitigando', 'Parche aplicado en 3 de 5 firewalls.');
      await answer(page, 'mitigated', 'Mitigado');
      await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
      expect(await page.getByTestId('history-entry').first().textContent()).toContain('Mitigado');
      expect(await page.getByTestId('advisory-audience').textContent()).toBe('SEDENA');
      await screenshot(page, 'advisory-staff-es-1280', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the matrix shows SEDENA mitigated and SEMAR, which answered nothing, overdue; the Panel counts them', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await expect.poll(() => page.getByTestId(`panel-advisory-${advisory.reference}`).textContent()).toMatch(/Respondió: 1.*Vencida: 1/);
      await page.goto(`/alertas/${advisory.id}`);
      await page.getByTestId('advisory-matrix').waitFor();
      const sedena = page.getByTestId('matrix-row-SEDENA');
      const semar = page.getByTestId('matrix-row-SEMAR');
      expect([await sedena.getByTestId('matrix-answer').textContent(), await sedena.getByTestId('matrix-state').textContent()]).toEqual([
        'Mitigado',
        'Respondió',
      ]);
      expect([await semar.getByTestId('matrix-answer').textContent(), await semar.getByTestId('matrix-state').textContent()]).toEqual(['—', 'Vencida']);
      const csv = await page.evaluate(async (href) => (await fetch(href)).text(), (await page.getByTestId('advisory-csv').getAttribute('href')) ?? '');
      expect(csv).toContain('SEMAR,Secretaría de Marina,,Sin respuesta,,overdue,Vencida sin respuesta');
      await screenshot(page, 'advisory-matrix-es-1280', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('SSPC, not addressed, cannot open it', async () => {
    const { context, page } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, SSPC);
      await page.goto(`/alertas/${advisory.id}`);
      await page.getByTestId('advisory-not-found').waitFor();
      expect(await page.getByTestId('advisory-not-found').textContent()).toContain('no existe o no tienes acceso');
      await page.goto('/alertas');
      await page.getByTestId('advisories-table').waitFor();
      expect(await page.getByTestId(`advisory-row-${advisory.reference}`).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['en', 1280],
    ['en', 390],
    ['es-MX', 390],
  ] as const)('screenshots in %s at %i px', async (locale, width) => {
    for (const [who, email] of [
      ['coordinator', DEMO.coordinator.email],
      ['staff', SEMAR],
    ] as const) {
      const { context, page, pageErrors } = await newSession(browser, { width, height: 860 });
      try {
        await context.addInitScript((lng) => window.localStorage.setItem('anc.locale', lng), locale);
        await signInFromStart(page, email);
        await page.goto('/alertas');
        await page.locator('[data-testid^="advisory-row-"]').first().waitFor();
        await screenshot(page, `advisories-list-${who}-${locale}-${width}`);
        await page.goto(`/alertas/${advisory.id}`);
        await page.getByTestId(who === 'coordinator' ? 'advisory-matrix' : 'advisory-answer').waitFor();
        await screenshot(page, `advisory-${who}-${locale}-${width}`, true);
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });
});
