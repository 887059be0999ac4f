/**
 * Playbooks end to end against the real API and its seeded playbooks: a coordinator triages a new
 * phishing report of SEDENA; the triage dialog proposes the class's playbook with its steps and a
 * checked "Aplicar el playbook …" box; on confirm the incident is triaged and every step is a task,
 * on the incident page and in the tasks list. Then the admin pages, the apply action on the
 * incident page, and screenshots in es-MX and English at 1280 and 390 px.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, baseUrl, launchBrowser, newSession, screenshot, signInFromStart, trpcAs } from './browser.ts';

interface Created {
  id: string;
  reference: string;
}

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** A new report of SEDENA (filed by its liaison over the API), of this class. */
async function fileIncident(rsitClass: string, rsitType: string | null, title: string): Promise<Created> {
  const staff = await trpcAs(baseUrl(), DEMO.staff.email);
  return staff.mutate<Created>('incidents.create', {
    title,
    description: 'Varios servidores públicos recibieron un correo que suplanta al SAT con un enlace a un sitio que pide la contraseña institucional.',
    rsitClass,
    rsitType,
    severity: 3,
    tlp: 'AMBER',
    detectedAt: hoursAgo(3),
    awareAt: hoursAgo(2),
    affectedSystems: 'Correo institucional',
    impact: { personalData: false, criticalService: false, crossBorder: false },
  });
}

const noSideScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('playbooks', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('triage proposes the playbook of the class; confirming triages and creates its tasks', async () => {
    const incident = await fileIncident('fraud', 'phishing', `Campaña de phishing que suplanta al SAT ${Date.now().toString(36)}`);
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await page.goto(`/incidentes/${incident.id}`);
      await page.getByTestId('incident-detail').waitFor();
      expect(await page.getByTestId('incident-task').count()).toBe(0);
      await page.getByTestId('incident-playbooks-none').waitFor();

      await page.getByTestId('transition-triaged').click();
      const proposal = page.getByTestId('triage-playbook');
      await proposal.waitFor();
      expect(await proposal.textContent()).toContain('Phishing y suplantación');
      const steps = page.getByTestId('triage-playbook-steps-step');
      expect(await steps.count()).toBe(6);
      expect(await steps.first().textContent()).toContain('Bloquear remitentes, dominios y URL maliciosos');
      const box = page.getByTestId('triage-playbook-apply');
      expect(await box.isChecked()).toBe(true);
      expect(await page.getByText('Aplicar el playbook «Phishing y suplantación»').count()).toBe(1);
      await screenshot(page, 'playbooks-triage-es-desktop');

      await page.getByTestId('transition-submit').click();
      await expect.poll(() => page.getByTestId('incident-detail').getAttribute('data-status')).toBe('triaged');
      await expect.poll(() => page.getByTestId('incident-task').count(), { timeout: 10_000 }).toBe(6);
      // SEDENA is given its steps, the ANC its own.
      const agencies = await page.getByTestId('incident-task').evaluateAll((items) => items.map((i) => i.textContent ?? ''));
      expect(agencies.filter((a) => a.includes('SEDENA'))).toHaveLength(4);
      expect(agencies.filter((a) => a.includes('ANC'))).toHaveLength(2);
      await expect.poll(() => page.getByTestId('incident-playbook-applied').count(), { timeout: 10_000 }).toBe(1);
      expect(await page.getByTestId('incident-playbook-applied').textContent()).toContain('Phishing y suplantación');
      // Applied once: the action is gone.
      expect(await page.getByTestId('incident-apply-playbook').count()).toBe(0);
      await screenshot(page, 'playbooks-incident-es-desktop', true);

      await page.goto(`/tareas?view=list&incidentId=${incident.id}`);
      await expect.poll(() => page.getByTestId('task-row').count(), { timeout: 10_000 }).toBe(6);
      expect(await page.getByTestId('task-row').filter({ hasText: 'Solicitar la baja del sitio fraudulento' }).count()).toBe(1);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a coordinator may leave the box unchecked, then apply a playbook from the incident page', async () => {
    const incident = await fileIncident('availability', 'ddos', `Saturación del portal de trámites ${Date.now().toString(36)}`);
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await page.goto(`/incidentes/${incident.id}`);
      await page.getByTestId('transition-triaged').click();
      await page.getByTestId('triage-playbook').waitFor();
      await page.getByTestId('triage-playbook-apply').uncheck();
      await page.getByTestId('transition-submit').click();
      await expect.poll(() => page.getByTestId('incident-detail').getAttribute('data-status')).toBe('triaged');
      expect(await page.getByTestId('incident-task').count()).toBe(0);

      await page.getByTestId('incident-apply-playbook').click();
      await page.getByTestId('apply-playbook-form').waitFor();
      await expect.poll(() => page.getByTestId('apply-playbook-steps-step').count()).toBe(5);
      expect(await page.getByTestId('apply-playbook-select').inputValue()).toContain('Denegación de servicio distribuida (DDoS)');
      await screenshot(page, 'playbooks-apply-es-desktop');
      await page.getByTestId('apply-playbook-submit').click();
      await expect.poll(() => page.getByTestId('incident-task').count(), { timeout: 10_000 }).toBe(5);
      await expect.poll(() => page.getByTestId('incident-apply-playbook').count(), { timeout: 10_000 }).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('admins edit playbooks: add, reorder and remove steps, with field errors from the shared schema', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.admin.email);
      await page.goto('/admin/playbooks');
      await expect.poll(() => page.getByTestId('playbook-card').count()).toBeGreaterThanOrEqual(4);
      await screenshot(page, 'playbooks-admin-es-desktop', true);

      await page.getByTestId('playbook-new').click();
      await page.getByTestId('playbook-form').waitFor();
      await page.getByTestId('playbook-title').fill('Es');
      await page.getByTestId('playbook-step-due').fill('');
      await page.getByTestId('playbook-save').click();
      await expect.poll(() => page.getByTestId('playbook-form').textContent()).toContain('Escribe el plazo en horas');
      await screenshot(page, 'playbooks-editor-errors-es-desktop', true);

      await page.getByTestId('playbook-rsit-class').click();
      await page.getByRole('option', { name: 'Intento de intrusión', exact: true }).click();
      await page.getByTestId('playbook-title').fill('Intentos de intrusión contra servicios expuestos');
      await page.getByTestId('playbook-step-title').first().fill('Bloquear las direcciones de origen en el perímetro');
      await page.getByTestId('playbook-step-due').first().fill('2');
      await page.getByTestId('playbook-add-step').click();
      await page.getByTestId('playbook-step-title').nth(1).fill('Revisar las bitácoras del servicio atacado');
      await page.getByTestId('playbook-step-due').nth(1).fill('12');
      await page.getByTestId('playbook-add-step').click();
      await page.getByTestId('playbook-step-title').nth(2).fill('Paso que sobra');
      await page.getByTestId('playbook-step-remove').nth(2).click();
      await page.getByTestId('playbook-step-down').first().click();
      expect(await page.getByTestId('playbook-step-title').first().inputValue()).toBe('Revisar las bitácoras del servicio atacado');
      await page.getByTestId('playbook-save').click();
      await page.waitForURL(/\/admin\/playbooks$/);
      const card = page.getByTestId('playbook-card').filter({ hasText: 'Intentos de intrusión contra servicios expuestos' });
      await card.waitFor();
      expect(await card.getByTestId('playbook-card-steps-step').evaluateAll((s) => s.map((x) => x.textContent ?? ''))).toEqual([
        expect.stringContaining('Revisar las bitácoras del servicio atacado'),
        expect.stringContaining('Bloquear las direcciones de origen en el perímetro'),
      ]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('looks right in Spanish and English, at 1280 and 390 px', async () => {
    for (const width of [1280, 390]) {
      const size = width < 600 ? 'phone' : 'desktop';
      const incident = await fileIncident('malicious-code', 'infected-system', `Cifrado de archivos en el servidor de nómina ${size}`);
      const { context, page, pageErrors } = await newSession(browser, { width, height: 860 });
      try {
        await signInFromStart(page, DEMO.coordinator.email);
        await page.goto(`/incidentes/${incident.id}`);
        await page.getByTestId('transition-triaged').click();
        await page.getByTestId('triage-playbook').waitFor();
        await screenshot(page, `playbooks-triage-es-${size}`);
        await page.getByTestId('transition-submit').click();
        await expect.poll(() => page.getByTestId('incident-task').count(), { timeout: 10_000 }).toBe(6);
        await page.getByTestId('incident-playbooks').scrollIntoViewIfNeeded();
        await screenshot(page, `playbooks-incident-panel-es-${size}`);
        expect(await noSideScroll(page)).toBe(true);

        await page.getByTestId('language-switch').click();
        await expect.poll(() => page.getByTestId('incident-playbooks').textContent()).toContain('Applied on');
        await page.getByTestId('incident-playbooks').scrollIntoViewIfNeeded();
        await screenshot(page, `playbooks-incident-panel-en-${size}`);
        const other = await fileIncident('information-content-security', 'data-leak', `Base de datos expuesta ${size}`);
        await page.goto(`/incidentes/${other.id}`);
        await page.getByTestId('transition-triaged').click();
        await expect.poll(() => page.getByTestId('triage-playbook').textContent()).toContain('Apply the playbook “Fuga de información”');
        await screenshot(page, `playbooks-triage-en-${size}`);
        await page.keyboard.press('Escape');
        await page.getByTestId('language-switch').click();
        await expect.poll(() => page.getByTestId('incident-playbooks').textContent()).toContain('Playbooks');
        expect(pageErrors).toEqual([]);
      } finally {
        await context.close();
      }

      const admin = await newSession(browser, { width, height: 860 });
      try {
        await signInFromStart(admin.page, DEMO.admin.email);
        await admin.page.goto('/admin/playbooks');
        await expect.poll(() => admin.page.getByTestId('playbook-card').count()).toBeGreaterThanOrEqual(4);
        await screenshot(admin.page, `playbooks-admin-es-${size}`);
        expect(await noSideScroll(admin.page)).toBe(true);
        await admin.page.getByTestId('language-switch').click();
        await expect.poll(() => admin.page.getByTestId('admin-tab-playbooks').textContent()).toBe('Playbooks');
        await admin.page.getByTestId('playbook-card').filter({ hasText: 'Fuga de información' }).getByTestId('playbook-edit').click();
        await admin.page.getByTestId('playbook-form').waitFor();
        await expect.poll(() => admin.page.getByTestId('playbook-form').textContent()).toContain('Deadline (hours)');
        await screenshot(admin.page, `playbooks-editor-en-${size}`);
        expect(await noSideScroll(admin.page)).toBe(true);
        await admin.page.getByTestId('language-switch').click();
        await expect.poll(() => admin.page.getByTestId('playbook-form').textContent()).toContain('Plazo (horas)');
        expect(admin.pageErrors).toEqual([]);
      } finally {
        await admin.context.close();
      }
    }
  });
});
