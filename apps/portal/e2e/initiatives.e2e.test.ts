/**
 * The master-plan registry of issue 5, end to end against the real API: an admin registers an
 * initiative led by SEDENA (a code already taken is refused on the code field), plans two
 * milestones and a KPI, approves and starts it; SEDENA staff tick a milestone and record KPI
 * values, and the progress bar and the chart follow; SEMAR staff, taking part, only read. The
 * Panel shows its numbers to a coordinator and to staff, and a number opens the list it counts.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fieldError, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

const SEMAR = 'enlace@semar.gob.mx';
const CODE = 'PRUEBA-2026-101';
const TITLE = 'Red de formación en ciberdefensa para mandos medios';
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
const KPI = { name: 'Mandos medios certificados', unit: 'personas' };

/** Today's year and month in Mexico City (the pickers open on them). */
function mexicoCityMonth(): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/Mexico_City', year: 'numeric', month: 'numeric' }).formatToParts(new Date());
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

/** Pick a day of the current month in a Mantine date picker, by the day's own accessible name. */
async function pickDay(page: Page, testId: string, day: number) {
  const { year, month } = mexicoCityMonth();
  await page.getByTestId(testId).click();
  const dialog = page.locator('.mantine-Popover-dropdown').last();
  await dialog.waitFor();
  await dialog.getByRole('button', { name: `${day} ${MONTHS_ES[month - 1]} ${year}`, exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Choose options of a Mantine Select or MultiSelect by the start of their text. */
async function choose(page: Page, testId: string, ...starts: string[]) {
  await page.getByTestId(testId).click();
  for (const start of starts)
    await page
      .getByRole('option', { name: new RegExp(`^${start}`) })
      .first()
      .click();
  await page.keyboard.press('Escape');
}

const progressOf = (page: Page) => page.getByTestId('initiative-progress-panel').getByRole('progressbar').getAttribute('aria-valuenow').then(Number);

/** Take a status step and wait for the new status. */
async function takeStep(page: Page, step: string, to: string) {
  await page.getByTestId(`initiative-step-${step}`).click();
  const form = page.getByTestId('initiative-transition-form');
  await form.waitFor();
  await page.getByTestId('initiative-transition-submit').click();
  await form.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByTestId('initiative-detail').getAttribute('data-status')).toBe(to);
}

/** Open an initiative from the registry, found by its code. */
async function openFromRegistry(page: Page, code: string) {
  await page.getByTestId('nav-initiatives').click();
  await page.getByTestId('plan-summary').waitFor();
  await page.getByTestId('initiatives-filter-q').fill(code);
  await expect.poll(() => page.getByTestId('initiative-row').count()).toBe(1);
  await page.getByTestId('initiative-row').getByRole('link', { name: code }).click();
  await page.getByTestId('initiative-detail').waitFor();
}

/** The rows the incidents list shows once it has loaded. */
async function incidentRows(page: Page): Promise<number> {
  await page.locator('[data-testid="incidents-count"], [data-testid="incidents-empty"], [data-testid="incidents-no-match"]').first().waitFor();
  return page.getByTestId('incident-row').count();
}

/** The staff Panel: their own agency's picture. Returns how many initiatives it counts under national security. */
async function staffPanel(page: Page): Promise<number> {
  const overview = page.getByTestId('panel-overview');
  await overview.waitFor();
  expect(await overview.getAttribute('data-scope')).toBe('agency');
  expect(await page.getByTestId('panel-scope').textContent()).toBe('Panorama de SEDENA');
  // SEDENA leads the initiative registered above (national security): the plan counts it.
  const plan = page.getByTestId('panel-plan-national_security');
  await plan.waitFor();
  const initiatives = Number(await plan.getAttribute('data-count'));
  expect(initiatives).toBeGreaterThan(0);
  return initiatives;
}

describe('initiative registry', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an admin registers an initiative, plans two milestones and a KPI, approves and starts it', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.admin.email);
      await page.getByTestId('nav-initiatives').click();
      await page.getByTestId('plan-summary').waitFor();
      await expect.poll(() => page.getByTestId('initiative-group').count()).toBe(5);
      const before = Number(await page.getByTestId('plan-total').textContent());
      await screenshot(page, 'initiatives-registry', true);

      await page.getByTestId('initiative-new').click();
      await page.getByTestId('initiative-form').waitFor();
      // Nothing typed: the domain's own messages, under each field.
      await page.getByTestId('initiative-form-submit').click();
      await expect.poll(() => fieldError(page, 'initiative-code')).toBe('Este campo es obligatorio.');
      expect(await fieldError(page, 'initiative-budgetMxn')).toBe('Este campo es obligatorio.');
      await page.getByTestId('initiative-code').fill('PN 2026');
      await page.getByTestId('initiative-title').click();
      await expect.poll(() => fieldError(page, 'initiative-code')).not.toBe('Este campo es obligatorio.');
      await screenshot(page, 'initiative-form-errors', true);

      // A code the demo plan already uses: the API's CONFLICT lands on the code field.
      await page.getByTestId('initiative-code').fill('pn-2026-001');
      await page.getByTestId('initiative-title').fill(TITLE);
      await page.getByTestId('initiative-description').fill('Formación y certificación de mandos medios en defensa de redes, con ejercicios anuales.');
      await choose(page, 'initiative-objective', 'Seguridad nacional');
      await choose(page, 'initiative-axes', 'Desarrollo de capacidades', 'Cultura de ciberseguridad');
      await choose(page, 'initiative-leadAgencyId', 'SEDENA — ');
      await choose(page, 'initiative-participantAgencyIds', 'SEMAR — ');
      await pickDay(page, 'initiative-startDate', 1);
      await pickDay(page, 'initiative-endDate', 28);
      await page.getByTestId('initiative-budgetMxn').fill('1,234,567.89');
      await expect.poll(() => page.getByTestId('initiative-budget-preview').textContent()).toBe('Se registrará: $1,234,567.89 MXN');
      await page.getByTestId('initiative-form-submit').click();
      await expect.poll(() => fieldError(page, 'initiative-code')).toBe('Ya existe una iniciativa con esa clave.');
      expect(await page.getByTestId('initiative-form').isVisible()).toBe(true);

      await page.getByTestId('initiative-code').fill(CODE.toLowerCase());
      await page.getByTestId('initiative-form-submit').click();
      await page.getByTestId('initiative-detail').waitFor();
      expect(await page.getByTestId('initiative-code').textContent()).toBe(CODE);
      expect(await page.getByTestId('initiative-detail').getAttribute('data-status')).toBe('proposed');
      expect(await page.getByTestId('initiative-budget').textContent()).toBe('$1,234,567.89 MXN');
      expect(await page.getByTestId('initiative-participants').textContent()).toContain('SEMAR');
      expect(await page.getByTestId('initiative-axes').textContent()).toBe('Cultura de ciberseguridad · Desarrollo de capacidades');
      expect(await progressOf(page)).toBe(0);

      // Two milestones and a KPI.
      for (const [title, day] of [
        ['Diagnóstico de capacidades por región militar', 1],
        ['Primera generación certificada', 28],
      ] as const) {
        await page.getByTestId('milestone-add').click();
        await page.getByTestId('milestone-form-title').fill(title);
        await pickDay(page, 'milestone-form-due', day);
        await page.getByTestId('milestone-form-submit').click();
        await page.getByTestId('milestone-form').waitFor({ state: 'hidden' });
      }
      await expect.poll(() => page.getByTestId('milestone').count()).toBe(2);
      expect(await page.getByTestId('initiative-milestone-counts').textContent()).toBe('0 de 2 hitos cumplidos');

      await page.getByTestId('kpi-add').click();
      await page.getByTestId('kpi-form-name').fill(KPI.name);
      await page.getByTestId('kpi-form-unit').fill(KPI.unit);
      await page.getByTestId('kpi-form-baseline').fill('10');
      await page.getByTestId('kpi-form-target').fill('1,2x');
      await page.getByTestId('kpi-form-submit').click();
      await expect.poll(() => fieldError(page, 'kpi-form-target')).not.toBe('');
      await page.getByTestId('kpi-form-target').fill('50');
      await page.getByTestId('kpi-form-submit').click();
      await page.getByTestId('kpi-form').waitFor({ state: 'hidden' });
      const kpi = page.getByTestId('kpi');
      await expect.poll(() => kpi.getAttribute('data-name')).toBe(KPI.name);
      expect(await kpi.getAttribute('data-points')).toBe('0');
      expect(await page.getByTestId('kpi-latest').textContent()).toBe('Aún no se ha registrado ningún valor.');

      // Only the steps the machine allows from here; approve, then start.
      expect(await page.locator('[data-testid^="initiative-step-"]').count()).toBe(2);
      await takeStep(page, 'approve', 'approved');
      await takeStep(page, 'activate', 'active');
      expect(await page.getByTestId('initiative-status-badge').first().textContent()).toBe('En ejecución');
      await screenshot(page, 'initiative-admin', true);
      expect(pageErrors).toEqual([]);

      // The registry counts it.
      await page.getByTestId('initiative-back').click();
      await expect.poll(async () => Number(await page.getByTestId('plan-total').textContent())).toBe(before + 1);
    } finally {
      await context.close();
    }
  });

  it('lead-agency staff tick a milestone and record KPI values; the progress bar and the chart follow', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      await openFromRegistry(page, CODE);
      await page.getByTestId('initiative-you-report').waitFor();
      // Staff report progress; they do not edit or move the initiative.
      expect(await page.getByTestId('initiative-edit').count()).toBe(0);
      expect(await page.getByTestId('initiative-transitions').count()).toBe(0);
      expect(await page.getByTestId('milestone-add').count()).toBe(0);
      expect(await progressOf(page)).toBe(0);

      await page.getByTestId('milestone').first().getByTestId('milestone-complete').click();
      await expect.poll(() => progressOf(page)).toBe(50);
      expect(await page.getByTestId('milestone').first().getAttribute('data-state')).toMatch(/^done/);
      expect(await page.getByTestId('milestone').first().getByTestId('milestone-done').textContent()).toContain('por María Fernanda López');
      expect(await page.getByTestId('initiative-milestone-counts').textContent()).toBe('1 de 2 hitos cumplidos');

      // The first value: the chart appears with one point and the summary says it.
      const kpi = page.getByTestId('kpi');
      expect(await page.getByTestId('kpi-chart').count()).toBe(0);
      await page.getByTestId('kpi-record').click();
      await page.getByTestId('kpi-record-value').fill('25.5');
      await page.getByTestId('kpi-record-submit').click();
      await page.getByTestId('kpi-record-form').waitFor({ state: 'hidden' });
      await expect.poll(() => kpi.getAttribute('data-points')).toBe('1');
      await expect.poll(() => page.getByTestId('kpi-latest').textContent()).toMatch(/^Último valor: 25\.5 personas, el .+ \(1 registro\)\.$/);
      expect(await page.getByTestId('kpi-current').textContent()).toBe('25.5');
      // (25.5 − 10) / (50 − 10) = 38.75 %, never rounded up.
      expect(await page.getByTestId('kpi-attainment').getAttribute('data-value')).toBe('38');
      await page.getByTestId('kpi-chart').locator('.recharts-line-dots circle').first().waitFor();
      expect(await page.getByTestId('kpi-chart').locator('.recharts-line-dots circle').count()).toBe(1);

      // A second value: two points on the line.
      await page.getByTestId('kpi-record').click();
      await page.getByTestId('kpi-record-value').fill('31');
      await page.getByTestId('kpi-record-submit').click();
      await page.getByTestId('kpi-record-form').waitFor({ state: 'hidden' });
      await expect.poll(() => kpi.getAttribute('data-points')).toBe('2');
      await expect.poll(() => page.getByTestId('kpi-chart').locator('.recharts-line-dots circle').count()).toBe(2);
      expect(await page.getByTestId('kpi-latest').textContent()).toContain('31 personas');
      expect(await page.getByTestId('kpi-attainment').getAttribute('data-value')).toBe('52');
      await page.getByTestId('kpi-history-toggle').click();
      expect(await page.getByTestId('kpi-history').locator('tbody tr').count()).toBe(2);
      await screenshot(page, 'initiative-staff-chart', true);

      // The registry shows the new progress.
      await page.getByTestId('initiative-back').click();
      await page.getByTestId('initiatives-filter-q').fill(CODE);
      await expect.poll(() => page.getByTestId('initiative-row').count()).toBe(1);
      await expect.poll(() => page.getByTestId('initiative-row').getByRole('progressbar').getAttribute('aria-valuenow')).toBe('50');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('staff of a participating agency read the initiative but do not report its progress', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, SEMAR);
      await openFromRegistry(page, CODE);
      await expect.poll(() => page.getByTestId('milestone').count()).toBe(2);
      expect(await page.getByTestId('milestone-complete').count()).toBe(0);
      expect(await page.getByTestId('milestone-reopen').count()).toBe(0);
      expect(await page.getByTestId('kpi-record').count()).toBe(0);
      expect(await page.getByTestId('initiative-you-report').count()).toBe(0);
      expect(await page.getByTestId('kpi').getAttribute('data-points')).toBe('2');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a coordinator creates a task from the initiative page (initiative and lead agency filled in); the task links back to it', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await openFromRegistry(page, CODE);
      await page.getByTestId('initiative-tasks-empty').waitFor();
      const create = page.getByTestId('initiative-create-task');
      expect(await create.getAttribute('aria-label')).toBe(`Crear tarea para ${CODE}`);
      await create.click();
      await page.waitForURL(/\/tareas\/nueva\?/);
      const url = new URL(page.url());
      expect(url.searchParams.get('initiativeId')).toMatch(/^[0-9a-f-]{36}$/);
      expect(url.searchParams.get('assigneeAgencyId')).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByTestId('task-form').waitFor();
      await expect.poll(() => page.getByTestId('task-form-agency').inputValue()).toMatch(/^SEDENA — /);
      await expect.poll(() => page.getByTestId('task-form-initiative-summary').textContent()).toContain(CODE);
      await page.getByTestId('task-form-title').fill('Calendario de los cursos del primer semestre');
      await page.getByTestId('task-form-due-week').click();
      await page.getByTestId('task-form-submit').click();
      await page.waitForURL(/\/tareas\/[0-9a-f-]{36}$/);

      // The task names its initiative as a link, like an incident's.
      const link = page.getByTestId('task-initiative');
      expect(await link.textContent()).toBe(CODE);
      await screenshot(page, 'task-from-initiative');
      await link.click();
      await page.getByTestId('initiative-detail').waitFor();
      expect(await page.getByTestId('initiative-detail').getAttribute('data-code')).toBe(CODE);
      await expect.poll(() => page.getByTestId('initiative-task').count()).toBe(1);
      await screenshot(page, 'initiative-linked-task', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('two admins edit at once: the second is told someone else changed it, keeps what was typed, and saves on the new version', async () => {
    const first = await newSession(browser);
    const second = await newSession(browser);
    try {
      for (const { page } of [first, second]) {
        await signInFromStart(page, DEMO.admin.email);
        await openFromRegistry(page, CODE);
        await page.getByTestId('initiative-edit').click();
        await page.getByTestId('initiative-edit-form').waitFor();
      }
      await first.page.getByTestId('initiative-edit-title').fill(`${TITLE} (segunda etapa)`);
      await first.page.getByTestId('initiative-edit-submit').click();
      await first.page.getByTestId('initiative-edit-form').waitFor({ state: 'hidden' });
      await expect.poll(() => first.page.getByTestId('initiative-title').textContent()).toBe(`${TITLE} (segunda etapa)`);

      await second.page.getByTestId('initiative-edit-budgetMxn').fill('2000000.01');
      await second.page.getByTestId('initiative-edit-submit').click();
      await second.page.getByTestId('initiative-edit-conflict').waitFor();
      expect(await second.page.getByTestId('initiative-edit-budgetMxn').inputValue()).toBe('2000000.01');
      // Behind the dialog, the page already shows the other admin's change.
      await expect.poll(() => second.page.getByTestId('initiative-title').textContent()).toBe(`${TITLE} (segunda etapa)`);
      await screenshot(second.page, 'initiative-edit-conflict');
      await second.page.getByTestId('initiative-edit-submit').click();
      await second.page.getByTestId('initiative-edit-form').waitFor({ state: 'hidden' });
      await expect.poll(() => second.page.getByTestId('initiative-budget').textContent()).toBe('$2,000,000.01 MXN');
      expect(await second.page.getByTestId('initiative-title').textContent()).toBe(`${TITLE} (segunda etapa)`);
      expect([...first.pageErrors, ...second.pageErrors]).toEqual([]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('the Panel shows a coordinator the national picture, each number opening the list it counts', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      const overview = page.getByTestId('panel-overview');
      await overview.waitFor();
      expect(await overview.getAttribute('data-scope')).toBe('national');
      expect(await page.getByTestId('panel-scope').textContent()).toBe('Panorama nacional');
      const total = Number(await page.getByTestId('panel-incidents-total').getAttribute('data-count'));
      expect(total).toBeGreaterThan(0);
      expect(await page.getByTestId('panel-plan-objective').count()).toBe(5);
      // One bar per day of the window (days without incidents are bars of height zero).
      await expect.poll(() => page.getByTestId('panel-daily-chart').locator('.recharts-bar-rectangle').count()).toBe(90);
      await screenshot(page, 'panel-coordinator', true);

      // The 90-day number opens the incidents filed since the window's first day.
      await page.getByTestId('panel-incidents-total').click();
      await page.waitForURL(/\/incidentes\?/);
      expect(new URL(page.url()).searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await incidentRows(page)).toBe(total);

      // A status and a legal-deadline number do the same.
      await page.goBack();
      await overview.waitFor();
      const status = page.locator('[data-testid^="panel-status-"]').first();
      const statusCount = Number(await status.getAttribute('data-count'));
      const statusKey = ((await status.getAttribute('data-testid')) ?? '').replace('panel-status-', '');
      await status.click();
      await page.waitForURL(/\/incidentes\?/);
      expect(new URL(page.url()).searchParams.get('status')).toContain(statusKey);
      expect(await incidentRows(page)).toBe(statusCount);

      await page.goBack();
      await overview.waitFor();
      const overdue = Number(await page.getByTestId('panel-obligations-overdue').getAttribute('data-count'));
      await page.getByTestId('panel-obligations-overdue').click();
      await page.waitForURL(/obligation=overdue/);
      expect(await incidentRows(page)).toBe(overdue);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the Panel shows staff their own agency, its numbers opening their own lists', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      const initiatives = await staffPanel(page);
      await screenshot(page, 'panel-staff', true);
      const total = Number(await page.getByTestId('panel-incidents-total').getAttribute('data-count'));
      await page.getByTestId('panel-incidents-total').click();
      await page.waitForURL(/\/incidentes\?/);
      expect(new URL(page.url()).searchParams.get('agencyId')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await incidentRows(page)).toBe(total);
      // Staff have no agency field: the filter the link set is said, and can be removed.
      const ownAgency = page.getByTestId('incidents-filter-own-agency');
      expect(await ownAgency.textContent()).toBe('Solo los de mi dependencia');
      await screenshot(page, 'incidents-own-agency-note');
      await ownAgency.getByRole('button', { name: 'Quitar el filtro «Solo los de mi dependencia»' }).click();
      await page.waitForURL((url) => !url.searchParams.has('agencyId'));
      await ownAgency.waitFor({ state: 'detached' });
      // The plan number opens the registry: what SEDENA leads or takes part in, for that objective.
      await page.goBack();
      await page.getByTestId('panel-plan-national_security').click();
      await page.waitForURL(/\/iniciativas\?/);
      expect(new URL(page.url()).searchParams.get('objective')).toBe('national_security');
      await page.getByTestId('plan-summary').waitFor();
      await expect.poll(() => page.getByTestId('initiative-row').count()).toBe(initiatives);
      expect(await page.getByTestId('initiative-row').filter({ hasText: CODE }).count()).toBe(1);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the Panel and the registry fit a phone', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 390, height: 844 });
    try {
      await signInFromStart(page, DEMO.staff.email);
      await staffPanel(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'mobile-panel-staff', true);
      await page.goto('/iniciativas');
      await page.getByTestId('initiative-group').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'mobile-initiatives', true);
      await page.getByRole('link', { name: CODE, exact: true }).click();
      await page.getByTestId('kpi-chart').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'mobile-initiative', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
