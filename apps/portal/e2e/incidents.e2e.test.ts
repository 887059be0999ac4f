/**
 * The incident flow of the issue, end to end against the real API: SEDENA staff file a report
 * with three indicators and see its deadlines; a coordinator triages it and shares it with SEMAR;
 * SEMAR staff see it, SSPC staff do not; the CSV and STIX exports download and parse.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, baseUrl, chooseOption, fieldError, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

const SEMAR = 'enlace@semar.gob.mx';
const SSPC = 'enlace@sspc.gob.mx';
const ZONE = 'America/Mexico_City';

const INDICATORS = {
  ip: '203.0.113.77',
  url: 'hxxps://acceso-seguro[.]example/sedena/login',
  sha256: '9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08',
};

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** A moment as a clock on a wall in Mexico City shows it. */
function mexicoCityWallClock(at: Date): WallClock {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0, hour: parts.hour ?? 0, minute: parts.minute ?? 0 };
}

const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** "21 nov 2026, 09:30" style, as Mexico City's formatter in the portal writes it (es-MX, medium date, 24 h). */
const mxDateTime = (at: Date) => new Intl.DateTimeFormat('es-MX', { timeZone: ZONE, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(at);

/**
 * Pick a date and time in a Mantine DateTimePicker the way a person does: open it, go back a
 * month if needed, click the day, type hours and minutes, confirm.
 */
async function pickDateTime(page: Page, testId: string, wall: WallClock) {
  await page.getByTestId(testId).click();
  const dialog = page.locator('.mantine-Popover-dropdown').last();
  await dialog.waitFor();
  const today = mexicoCityWallClock(new Date());
  const monthsBack = (today.year - wall.year) * 12 + (today.month - wall.month);
  for (let i = 0; i < monthsBack; i++) await dialog.getByRole('button', { name: 'Mes anterior' }).click();
  await dialog.getByRole('button', { name: `${wall.day} ${MONTHS_ES[wall.month - 1]} ${wall.year}`, exact: true }).click();
  // As with the keyboard: the field's digits are selected on focus, two digits fill it.
  await dialog.getByLabel('Horas').focus();
  await page.keyboard.type(String(wall.hour).padStart(2, '0'));
  await dialog.getByLabel('Minutos').focus();
  await page.keyboard.type(String(wall.minute).padStart(2, '0'));
  expect(await dialog.getByLabel('Horas').inputValue()).toBe(String(wall.hour).padStart(2, '0'));
  expect(await dialog.getByLabel('Minutos').inputValue()).toBe(String(wall.minute).padStart(2, '0'));
  await dialog.getByRole('button', { name: 'Confirmar fecha y hora' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** A browser whose own clock is not in Mexico: the form must still read times as Mexico City's. */
async function sessionAbroad(browser: Browser) {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1366, height: 900 },
    locale: 'es-MX',
    timezoneId: 'Europe/Madrid',
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

describe('incident reports', () => {
  let browser: Browser;
  /** The report SEDENA files, used by the later steps. */
  const filed = { id: '', reference: '', title: `Acceso no autorizado al portal de trámites ${Date.now().toString(36)}` };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('SEDENA staff file a report with three indicators and see its deadlines', async () => {
    const { context, page, pageErrors } = await sessionAbroad(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.goto('/incidentes/nuevo');
      await page.getByTestId('report-form').waitFor();
      expect(await page.getByTestId('report-agency-fixed').textContent()).toBe('SEDENA — Secretaría de la Defensa Nacional');
      expect(await page.getByTestId('deadlines-empty').textContent()).toBe('Elige la fecha de conocimiento para ver los plazos.');
      await screenshot(page, 'incident-form-empty', true);

      // Sending it empty: a summary on top, every problem under its field, the focus on the first.
      await page.getByTestId('report-submit').click();
      await page.getByTestId('form-error-summary').waitFor();
      expect(await page.getByTestId('form-error-summary').textContent()).toContain('Revisa los campos marcados');
      await expect.poll(() => focusedTestId(page)).toBe('report-title');
      expect(await fieldError(page, 'report-title')).toBe('Este campo es obligatorio.');
      expect(await fieldError(page, 'report-rsit-class')).toBe('Este campo es obligatorio.');
      expect(await page.getByTestId('error-summary-severity').count()).toBe(1);
      expect(await page.getByTestId('error-summary-tlp').count()).toBe(1);
      expect(await page.getByTestId('error-summary-awareAt').count()).toBe(1);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'incident-form-errors', true);

      // What happened.
      await page.getByTestId('report-title').fill(filed.title);
      await page
        .getByTestId('report-description')
        .fill('Se detectaron inicios de sesión de una cuenta de operador desde una dirección externa y la descarga de expedientes.');
      await page.getByTestId('report-affected-systems').fill('Portal de trámites en línea; servidor de correo');
      expect(await fieldError(page, 'report-title')).toBe('');

      // Classification: the type list follows the class, and a new class clears the type.
      await chooseOption(page, 'report-rsit-class', 'Fraude');
      await chooseOption(page, 'report-rsit-type', 'Phishing');
      await chooseOption(page, 'report-rsit-class', 'Intrusión');
      expect(await page.getByTestId('report-rsit-type').inputValue()).toBe('');
      await page.getByTestId('report-rsit-type').click();
      expect(await page.getByRole('option', { name: 'Phishing' }).count()).toBe(0);
      await page.getByRole('option', { name: 'Compromiso de cuenta sin privilegios', exact: true }).click();
      await page.getByTestId('report-severity-3').click();
      await page.getByTestId('report-tlp-AMBER').click();
      expect(await page.getByTestId('report-tlp-AMBER').getAttribute('aria-checked')).toBe('true');

      // Impact: records only with personal data; the amount kept exact as typed.
      expect(await page.getByTestId('report-records').isDisabled()).toBe(true);
      await page.getByTestId('report-personal-data').check();
      await page.getByTestId('report-records').fill('1200');
      await page.getByTestId('report-critical-service').check();
      await page.getByTestId('report-loss').fill('1,500,000.00');
      expect(await page.getByTestId('report-loss-preview').textContent()).toBe('Se registrará como $1,500,000.00 MXN');

      // Indicators, read line by line as they are typed.
      await page.getByTestId('report-observables').fill([INDICATORS.ip, INDICATORS.url, '999.1.1.1', INDICATORS.sha256].join('\n'));
      await expect.poll(() => page.getByTestId('indicator-line').count()).toBe(4);
      expect(await page.getByTestId('indicator-count-valid').textContent()).toBe('3 indicadores válidos');
      expect(await page.getByTestId('indicator-count-invalid').textContent()).toBe('1 con error');
      const lines = page.getByTestId('indicator-line');
      expect(await lines.nth(0).getAttribute('data-type')).toBe('ipv4');
      expect(await lines.nth(1).getAttribute('data-type')).toBe('url');
      expect(await lines.nth(1).getByTestId('indicator-value').textContent()).toBe('https://acceso-seguro.example/sedena/login');
      expect(await lines.nth(2).getByTestId('indicator-error').textContent()).toMatch(/^No es una dirección IPv4 válida/);
      expect(await lines.nth(3).getAttribute('data-type')).toBe('sha256');
      expect(await lines.nth(3).getByTestId('indicator-value').textContent()).toBe(INDICATORS.sha256.toLowerCase());
      // Calling the odd line free text makes it acceptable; deleting it leaves the three indicators.
      await page.getByTestId('indicator-type-3').selectOption('other');
      await expect.poll(() => page.getByTestId('indicator-count-valid').textContent()).toBe('4 indicadores válidos');
      expect(await page.getByTestId('indicator-count-invalid').count()).toBe(0);
      await page.getByTestId('report-observables').fill([INDICATORS.ip, INDICATORS.url, INDICATORS.sha256].join('\n'));
      await expect.poll(() => page.getByTestId('indicator-count-valid').textContent()).toBe('3 indicadores válidos');

      // Dates, in Mexico City time although this browser's clock is in Madrid.
      const now = Date.now();
      const detected = new Date(now - 5 * 3_600_000);
      const aware = new Date(now - 3 * 3_600_000);
      const awareWall = mexicoCityWallClock(aware);
      await pickDateTime(page, 'report-detected-at', mexicoCityWallClock(detected));
      await pickDateTime(page, 'report-aware-at', awareWall);
      // The deadlines run from the wall-clock time picked, as Mexico City time.
      const awareAt = Date.UTC(awareWall.year, awareWall.month - 1, awareWall.day, awareWall.hour + 6, awareWall.minute);
      expect(await page.getByTestId('deadline-early_warning').getByTestId('deadline-detail').textContent()).toBe(
        `Vence el ${mxDateTime(new Date(awareAt + 24 * 3_600_000))}. Enviar este reporte cumple el aviso temprano.`,
      );
      expect(await page.getByTestId('deadline-notification').getByTestId('deadline-detail').textContent()).toContain(
        `Vence el ${mxDateTime(new Date(awareAt + 72 * 3_600_000))}`,
      );
      expect(await page.getByTestId('form-error-summary').count()).toBe(0);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'incident-form-filled', true);

      await page.getByTestId('report-submit').click();
      await page.waitForURL(/\/incidentes\/[0-9a-f-]{36}$/);
      filed.id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      const notice = page.getByText(/^Reporte INC-\d{4}-\d{6} registrado\.$/);
      await notice.waitFor();
      filed.reference = /INC-\d{4}-\d{6}/.exec((await notice.textContent()) ?? '')?.[0] ?? '';
      expect(filed.reference).not.toBe('');

      // Its page: the same reference, the three indicators in canonical form, the legal clocks.
      const detail = page.getByTestId('incident-detail');
      await detail.waitFor();
      expect(await detail.getAttribute('data-reference')).toBe(filed.reference);
      expect(await detail.getAttribute('data-status')).toBe('submitted');
      await expect.poll(() => page.getByTestId('observable-row').count()).toBe(3);
      const values = await page.getByTestId('observable-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-value')));
      expect(values.toSorted()).toEqual(['203.0.113.77', 'https://acceso-seguro.example/sedena/login', INDICATORS.sha256.toLowerCase()].toSorted());
      expect(await page.getByTestId('obligation-early_warning').getAttribute('data-state')).toBe('met');
      expect(await page.getByTestId('obligation-notification').getAttribute('data-state')).toBe('pending');
      expect(await page.getByTestId('obligation-notification').textContent()).toContain(mxDateTime(new Date(awareAt + 72 * 3_600_000)));
      await screenshot(page, 'incident-filed-detail', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a coordinator triages the report and shares it with SEMAR', async () => {
    expect(filed.reference).not.toBe('');
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await page.getByTestId('nav-incidents').click();
      await page.getByTestId('incidents-filter-q').fill(filed.reference);
      const row = page.locator(`[data-testid="incident-row"][data-reference="${filed.reference}"]`);
      await row.waitFor();
      await row.getByTestId('incident-link').click();
      const detail = page.getByTestId('incident-detail');
      await detail.waitFor();
      expect(await detail.getAttribute('data-reference')).toBe(filed.reference);

      await page.getByTestId('transition-triaged').click();
      await page.getByTestId('transition-submit').click();
      await expect.poll(() => detail.getAttribute('data-status')).toBe('triaged');

      // TLP:AMBER: shared by name.
      await page.getByTestId('share-agencies').click();
      await page.getByRole('option', { name: 'SEMAR — Secretaría de Marina' }).click();
      await page.keyboard.press('Escape');
      await page.getByTestId('share-submit').click();
      await page.locator('[data-testid="share-agency"][data-code="SEMAR"]').waitFor();
      await screenshot(page, 'incident-triaged-shared', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('SEMAR staff read the shared report; SSPC staff cannot find it', async () => {
    expect(filed.id).not.toBe('');
    const semar = await newSession(browser);
    const sspc = await newSession(browser);
    try {
      await signInFromStart(semar.page, SEMAR);
      await semar.page.goto(`/incidentes?q=${filed.reference}`);
      const row = semar.page.locator(`[data-testid="incident-row"][data-reference="${filed.reference}"]`);
      await row.waitFor();
      expect(await row.textContent()).toContain('SEDENA');
      await row.getByTestId('incident-link').click();
      await semar.page.getByTestId('incident-detail').waitFor();
      expect(await semar.page.getByTestId('incident-reference').textContent()).toBe(filed.reference);
      expect(await semar.page.getByTestId('incident-title').textContent()).toBe(filed.title);

      await signInFromStart(sspc.page, SSPC);
      // Not in the list, neither searched for nor among the rest …
      await sspc.page.goto(`/incidentes?q=${filed.reference}`);
      await sspc.page.getByTestId('incidents-no-match').waitFor();
      await sspc.page.goto('/incidentes');
      await sspc.page.locator('[data-testid="incidents-table"], [data-testid="incidents-empty"]').first().waitFor();
      expect(await sspc.page.locator(`[data-testid="incident-row"][data-reference="${filed.reference}"]`).count()).toBe(0);
      // … and its address answers as if it did not exist.
      await sspc.page.goto(`/incidentes/${filed.id}`);
      await sspc.page.getByTestId('incident-not-found').waitFor();
      expect(await sspc.page.getByTestId('incident-detail').count()).toBe(0);
      expect(await sspc.page.getByText(filed.title).count()).toBe(0);
      await screenshot(sspc.page, 'incident-not-found-sspc');
      expect(semar.pageErrors).toEqual([]);
      expect(sspc.pageErrors).toEqual([]);
    } finally {
      await semar.context.close();
      await sspc.context.close();
    }
  });

  it('exports the report as CSV and as a STIX 2.1 bundle', async () => {
    expect(filed.id).not.toBe('');
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.goto(`/incidentes?q=${filed.reference}`);
      await page.locator(`[data-testid="incident-row"][data-reference="${filed.reference}"]`).waitFor();

      // The list's export link: a download of what the list shows.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('incidents-export').click()]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = await readFile(await download.path());
      const records: Record<string, string>[] = parse(csv, { bom: true, columns: true, skip_empty_lines: true });
      expect(records.map((r) => r.Referencia)).toEqual([filed.reference]);
      expect(records[0]).toMatchObject({ Título: filed.title, 'Clave de la dependencia': 'SEDENA', TLP: 'AMBER', Severidad: '3', 'Clase RSIT': 'intrusions' });

      // Beside each code column, its label in the portal's language.
      expect(records[0]).toMatchObject({
        'Clase RSIT (texto)': 'Intrusión',
        'Severidad (texto)': 'Nivel 3 · Alto',
        'TLP (texto)': 'Organización y sus clientes, con necesidad de conocer',
      });
      expect(records[0]?.['Estado (texto)']).toMatch(/^[A-ZÁÉÍÓÚ][a-záéíóúñ ]+$/);

      // The incident page's "Descargar STIX 2.1": a download of the bundle.
      await page.goto(`/incidentes/${filed.id}`);
      await page.getByTestId('incident-detail').waitFor();
      const stixButton = page.getByTestId('incident-stix');
      expect(await stixButton.textContent()).toBe('Descargar STIX 2.1');
      const [stixDownload] = await Promise.all([page.waitForEvent('download'), stixButton.click()]);
      expect(stixDownload.suggestedFilename()).toBe(`${filed.reference}.stix.json`);
      const stix = { body: (await readFile(await stixDownload.path())).toString('utf8') };
      const bundle = JSON.parse(stix.body) as { type: string; objects: { type: string; name?: string; pattern?: string }[] };
      expect(bundle.type).toBe('bundle');
      const incident = bundle.objects.filter((o) => o.type === 'incident');
      expect(incident).toHaveLength(1);
      expect(incident[0]?.name).toContain(filed.title);
      const patterns = bundle.objects.filter((o) => o.type === 'indicator').map((o) => o.pattern ?? '');
      expect(patterns).toHaveLength(3);
      expect(patterns.some((p) => p.includes('203.0.113.77'))).toBe(true);
      expect(patterns.some((p) => p.includes('https://acceso-seguro.example/sedena/login'))).toBe(true);
      expect(patterns.some((p) => p.includes(INDICATORS.sha256.toLowerCase()))).toBe(true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a coordinator files for an agency; a refusal from the server lands under its field', async () => {
    const coordinator = await newSession(browser);
    const admin = await newSession(browser);
    const { page } = coordinator;
    /** Switch IMSS off and on from the admin's page, with its session (as the admin pages do). */
    const setImssActive = (active: boolean) =>
      admin.page.evaluate(async (on) => {
        const list = await fetch(`/trpc/agencies.list?input=${encodeURIComponent(JSON.stringify({ includeInactive: true }))}`);
        const { result } = (await list.json()) as { result: { data: { items: { id: string; code: string }[] } } };
        const imss = result.data.items.find((a) => a.code === 'IMSS');
        const res = await fetch('/trpc/admin.agencies.setActive', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: imss?.id, active: on }),
        });
        return res.status;
      }, active);
    try {
      await signInFromStart(admin.page, DEMO.admin.email);
      await signInFromStart(page, DEMO.coordinator.email);
      await page.getByTestId('nav-incidents').click();
      await page.getByTestId('incident-new').click();
      await page.waitForURL(/\/incidentes\/nuevo$/);
      await page.getByTestId('report-form').waitFor();

      // Leaving with something typed asks first; staying keeps it.
      await page.getByTestId('report-title').fill('Degradación del portal de citas médicas');
      await page.getByTestId('report-cancel').click();
      await page.getByText('¿Salir sin enviar el reporte?').waitFor();
      await page.getByRole('dialog').getByRole('button', { name: 'Cancelar' }).click();
      await page.getByText('¿Salir sin enviar el reporte?').waitFor({ state: 'hidden' });
      expect(new URL(page.url()).pathname).toBe('/incidentes/nuevo');
      expect(await page.getByTestId('report-title').inputValue()).toBe('Degradación del portal de citas médicas');

      await chooseOption(page, 'report-agency', 'IMSS — Instituto Mexicano del Seguro Social');
      await page
        .getByTestId('report-description')
        .fill('Denegación de servicio distribuida contra el portal de citas; servicio intermitente durante una hora.');
      await chooseOption(page, 'report-rsit-class', 'Disponibilidad');
      await chooseOption(page, 'report-rsit-type', 'Denegación de servicio distribuida (DDoS)');
      await page.getByTestId('report-severity-2').click();
      await page.getByTestId('report-tlp-GREEN').click();
      await page.getByTestId('report-critical-service').check();
      const now = Date.now();
      await pickDateTime(page, 'report-detected-at', mexicoCityWallClock(new Date(now - 2 * 3_600_000)));
      await pickDateTime(page, 'report-aware-at', mexicoCityWallClock(new Date(now - 90 * 60_000)));

      // The agency is switched off between choosing it and sending: only the server can tell.
      expect(await setImssActive(false)).toBe(200);
      await page.getByTestId('report-submit').click();
      await expect.poll(() => fieldError(page, 'report-agency')).toBe('Esa dependencia no existe o está desactivada.');
      expect(await page.getByTestId('form-error-summary').textContent()).toContain('Dependencia que reporta');
      await expect.poll(() => focusedTestId(page)).toBe('report-agency');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'incident-form-server-error');

      expect(await setImssActive(true)).toBe(200);
      await page.getByTestId('report-submit').click();
      await page.waitForURL(/\/incidentes\/[0-9a-f-]{36}$/);
      await page.getByText(/^Reporte INC-\d{4}-\d{6} registrado\.$/).waitFor();
      expect(await page.getByTestId('incident-facts').textContent()).toContain('IMSS');
      expect(coordinator.pageErrors).toEqual([]);
    } finally {
      await setImssActive(true).catch(() => undefined);
      await coordinator.context.close();
      await admin.context.close();
    }
  });

  it('fits a phone screen', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 390, height: 844 });
    try {
      await signInFromStart(page, SEMAR);
      await page.goto('/incidentes/nuevo');
      await page.getByTestId('report-form').waitFor();
      await page.getByTestId('report-observables').fill([INDICATORS.ip, INDICATORS.url, '999.1.1.1', INDICATORS.sha256, INDICATORS.ip].join('\n'));
      await expect.poll(() => page.getByTestId('indicator-line').count()).toBe(5);
      await page.getByTestId('report-submit').click();
      await page.getByTestId('form-error-summary').waitFor();
      // Nothing runs off the side of the screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'incident-form-phone', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
