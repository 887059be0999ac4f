/**
 * Accessibility (issue 16): axe-core (through @axe-core/playwright) on every page each role can
 * reach, signed out too, in es-MX and in English. The test fails on any serious or critical
 * violation and prints each one with its rule, its help and the elements it found, so a failure
 * reads without opening a report. `label-content-name-mismatch` (WCAG 2.5.3, "label in name") is
 * one of axe's experimental rules and is switched on here: the brand link and the account menu failed it.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, type Session, baseUrl, launchBrowser, newSession, screenshot, signIn, signInFromStart, trpcAs } from './browser.ts';

const HOUR = 3_600_000;
const LOCALES = ['es-MX', 'en'] as const;
type Locale = (typeof LOCALES)[number];

interface Created {
  id: string;
  reference: string;
  version: number;
}

/** The objects whose pages are visited: one of each, made over the API as each role would. */
interface Seed {
  incidentId: string;
  taskId: string;
  initiativeId: string;
  advisoryId: string;
  draftAdvisoryId: string;
  agencyId: string;
  playbookId: string;
}

async function seed(): Promise<Seed> {
  const staff = await trpcAs(baseUrl(), DEMO.staff.email);
  const coordinator = await trpcAs(baseUrl(), DEMO.coordinator.email);
  const admin = await trpcAs(baseUrl(), DEMO.admin.email);
  const agencies = await coordinator.query<{ items: { id: string; code: string }[] }>('agencies.list', {});
  const sedena = agencies.items.find((a) => a.code === 'SEDENA');
  if (!sedena) throw new Error('the demo has no SEDENA');
  const stamp = Date.now().toString(36);

  const incident = await staff.mutate<Created>('incidents.create', {
    title: `Correo que suplanta al SAT (axe ${stamp})`,
    description: 'Varios servidores públicos recibieron un correo que pide la contraseña institucional.',
    rsitClass: 'fraud',
    rsitType: 'phishing',
    severity: 3,
    tlp: 'AMBER',
    detectedAt: new Date(Date.now() - 3 * HOUR).toISOString(),
    awareAt: new Date(Date.now() - 2 * HOUR).toISOString(),
    affectedSystems: 'Correo institucional',
    impact: { personalData: false, criticalService: false, crossBorder: false },
  });
  const task = await coordinator.mutate<Created>('tasks.create', {
    title: `Bloquear el dominio del correo apócrifo (axe ${stamp})`,
    description: 'Agregar el dominio remitente a la lista de bloqueo del correo institucional.',
    priority: 'high',
    dueAt: new Date(Date.now() + 5 * 24 * HOUR).toISOString(),
    assigneeAgencyId: sedena.id,
    incidentId: incident.id,
  });
  const initiative = await admin.mutate<Created>('initiatives.create', {
    code: `PN-2031-${String(Date.now() % 1000).padStart(3, '0')}`,
    title: `Correo institucional seguro (axe ${stamp})`,
    description: 'Autenticación de remitentes en todos los dominios de la dependencia.',
    objective: 'national_security',
    axes: ['critical_infrastructure'],
    leadAgencyId: sedena.id,
    participantAgencyIds: [],
    startDate: '2026-01-01',
    endDate: '2030-12-31',
    budgetMxn: '900000.00',
  });
  const advisoryInput = (title: string) => ({
    title,
    summary: 'Campaña de correo que suplanta al SAT.',
    body: 'Se observó una campaña que dirige a un sitio apócrifo que pide la contraseña institucional.',
    severity: 3,
    tlp: 'GREEN',
    cves: [],
    actionRequired: 'Bloquear el dominio remitente y avisar al personal.',
    respondBy: new Date(Date.now() + 3 * 24 * HOUR).toISOString(),
    agencyIds: [sedena.id],
    allAgencies: false,
  });
  const advisory = await coordinator.mutate<Created>('advisories.create', advisoryInput(`Suplantación del SAT (axe ${stamp})`));
  await coordinator.mutate('advisories.publish', { id: advisory.id, version: advisory.version });
  const draft = await coordinator.mutate<Created>('advisories.create', advisoryInput(`Borrador de alerta (axe ${stamp})`));
  const playbooks = await admin.query<{ id: string }[] | { items: { id: string }[] }>('playbooks.list', {});
  const playbookId = (Array.isArray(playbooks) ? playbooks : playbooks.items)[0]?.id;
  if (!playbookId) throw new Error('the demo has no playbook');
  return {
    incidentId: incident.id,
    taskId: task.id,
    initiativeId: initiative.id,
    advisoryId: advisory.id,
    draftAdvisoryId: draft.id,
    agencyId: sedena.id,
    playbookId,
  };
}

/** Pages every signed-in role reaches; `:name` stands for an object of the seed. */
const COMMON = [
  '/',
  '/incidentes',
  '/incidentes/:incidentId',
  '/tareas',
  '/tareas/:taskId',
  '/iniciativas',
  '/iniciativas/:initiativeId',
  '/alertas',
  '/alertas/:advisoryId',
  '/directorio',
  '/directorio/:agencyId',
  '/notificaciones',
  '/cuenta/notificaciones',
  '/cuenta/seguridad',
];

const PAGES = {
  staff: [...COMMON, '/incidentes/nuevo'],
  coordinator: [...COMMON, '/incidentes/nuevo', '/tareas/nueva', '/alertas/nueva', '/alertas/:draftAdvisoryId', '/alertas/:draftAdvisoryId/editar'],
  admin: [
    ...COMMON,
    '/iniciativas/nueva',
    '/admin',
    '/admin/dependencias',
    '/admin/usuarios',
    '/admin/integraciones',
    '/admin/bitacora',
    '/admin/correo',
    '/admin/playbooks',
    '/admin/playbooks/:playbookId',
  ],
} as const;

const fill = (path: string, s: Seed) => path.replace(/:(\w+)/g, (_, key: keyof Seed) => s[key]);

/** Wait until the page has drawn its data: a heading in the main region, no loader or skeleton left. */
async function settle(page: Page) {
  await page.locator('main h1, main h2').first().waitFor();
  await expect
    .poll(() => page.evaluate(() => document.querySelectorAll('.mantine-Loader-root, .mantine-Skeleton-root[data-visible]').length), { timeout: 15_000 })
    .toBe(0);
  // Let Mantine's transitions (100-200 ms) end, so colours are read at rest.
  await page.waitForTimeout(300);
}

/** Serious and critical violations of the page, one readable line per element. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  const path = new URL(page.url()).pathname;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `${path} [${v.impact}] ${v.id}: ${v.help}\n    at ${n.target.join(' ')}: ${n.html.slice(0, 160)}\n    ${n.failureSummary?.replace(/\n/g, '\n    ') ?? ''}`,
      ),
    );
}

/** One browser context per role and language, signed in once; the browser's own choice of language. */
async function sessionFor(locale: Locale, email: string | null): Promise<Session> {
  const session = await newSession(browser, { width: 1280 });
  // i18n/index.ts reads this key first; unlike the language switch, it leaves the account's language alone.
  await session.context.addInitScript((l) => window.localStorage.setItem('anc.locale', l), locale);
  if (email) {
    // signInFromStart polls with expect, which a beforeAll may not: wait for the signed-in frame instead.
    await session.page.goto('/');
    await session.page.waitForURL(/\/ingresar/);
    await signIn(session.page, email);
    await session.page.getByTestId('user-menu').waitFor();
  }
  return session;
}

/** The page's serious and critical violations, or what went wrong drawing it; '' when all is well. */
async function audit(session: Session, locale: Locale, path: string): Promise<string> {
  const { page, pageErrors } = session;
  await page.goto(path);
  await settle(page);
  const lang = await page.locator('html').getAttribute('lang');
  const problems = [
    ...(lang === locale ? [] : [`${path}: lang is ${lang}`]),
    ...(await violations(page)),
    ...pageErrors.splice(0).map((e) => `${path}: page error ${e}`),
  ];
  return problems.join('\n');
}

let browser: Browser;
let seeded: Seed;
beforeAll(async () => {
  browser = await launchBrowser();
  seeded = await seed();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(LOCALES)('accessibility (axe), %s', (locale) => {
  describe('signed out', () => {
    let session: Session;
    beforeAll(async () => {
      session = await sessionFor(locale, null);
    });
    afterAll(async () => {
      await session?.context.close();
    });
    it.each(['/ingresar', '/restablecer'])('%s has no serious or critical violation', async (path) => {
      expect(await audit(session, locale, path)).toBe('');
    });
  });

  describe.each(['staff', 'coordinator', 'admin'] as const)('%s', (role) => {
    let session: Session;
    beforeAll(async () => {
      session = await sessionFor(locale, DEMO[role].email);
    });
    afterAll(async () => {
      await session?.context.close();
    });
    it.each(PAGES[role])('%s has no serious or critical violation', async (path) => {
      expect(await audit(session, locale, fill(path, seeded))).toBe('');
    });
  });
});

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? '');
const checked = (page: Page, testId: string) => page.getByTestId(testId).getAttribute('aria-checked');

describe('severity and TLP pickers of the new report', () => {
  it('are two radio groups: one tab stop each, the arrow keys move the choice', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 1280 });
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.goto('/incidentes/nuevo');
      await page.getByTestId('report-severity-0').waitFor();
      expect(await page.locator('[role="radiogroup"]').count()).toBe(2);
      // Nothing chosen yet: the first card of each group is its only tab stop.
      const stops = () =>
        page
          .locator('[data-testid^="report-severity-"], [data-testid^="report-tlp-"]')
          .evaluateAll((cards) => cards.filter((c) => c.getAttribute('tabindex') !== '-1').map((c) => c.getAttribute('data-testid')));
      expect(await stops()).toEqual(['report-severity-0', 'report-tlp-CLEAR']);

      await page.getByTestId('report-severity-0').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await focusedTestId(page)).toBe('report-severity-2');
      expect(await checked(page, 'report-severity-2')).toBe('true');
      expect(await checked(page, 'report-severity-0')).toBe('false');
      await page.keyboard.press('ArrowUp');
      expect(await checked(page, 'report-severity-1')).toBe('true');

      // Tab leaves the severity group for the TLP group in one step.
      await page.keyboard.press('Tab');
      expect(await focusedTestId(page)).toBe('report-tlp-CLEAR');
      await page.keyboard.press('ArrowRight');
      expect(await focusedTestId(page)).toBe('report-tlp-GREEN');
      expect(await checked(page, 'report-tlp-GREEN')).toBe('true');
      expect(await stops()).toEqual(['report-severity-1', 'report-tlp-GREEN']);
      await page.keyboard.press('Shift+Tab');
      expect(await focusedTestId(page)).toBe('report-severity-1');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['es-MX', 1280],
    ['es-MX', 390],
    ['en', 1280],
    ['en', 390],
  ] as const)('screenshot, %s at %i px', async (locale, width) => {
    const { context, page, pageErrors } = await newSession(browser, { width, height: 900 });
    try {
      await context.addInitScript((l) => window.localStorage.setItem('anc.locale', l), locale);
      await signInFromStart(page, DEMO.staff.email);
      await page.goto('/incidentes/nuevo');
      await page.getByTestId('report-severity-3').click();
      await page.getByTestId('report-tlp-AMBER').focus();
      await page.keyboard.press('ArrowDown');
      await page.getByTestId('report-severity-3').scrollIntoViewIfNeeded();
      await screenshot(page, `a11y-report-pickers-${locale}-${width}`);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
