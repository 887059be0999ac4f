/**
 * Issue 10, defect 6: the report form's date-and-time pickers used with the mouse. A person
 * clicks a day, clicks the pre-filled hours box, types "1830" and confirms: the incident must
 * store 18:30 Mexico City time (it stored 10:30, and "0930" stored 00:30). Picking 23:59 today is
 * refused with a visible error (it is in the future), never silently replaced by "now"; and after
 * confirming, the focus is back on the picker's own input, not on the page's body. Defect 14: an
 * indicator line that looks like a broken URL or hash is flagged, not silently kept as free text.
 * The task forms' due-date pickers had the mirror of the 23:59 problem (bounded at "now", an
 * earlier time today became "now" when the picker closed): an hour already past stays as picked
 * and is refused under the field.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, chooseOption, fieldError, launchBrowser, newSession, signInFromStart } from './browser.ts';

const ZONE = 'America/Mexico_City';
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

interface Day {
  year: number;
  month: number;
  day: number;
}

/** The calendar day an instant falls on in Mexico City. */
function mexicoCityDay(at: Date): Day {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: ZONE, year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  );
  return { year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0 };
}

/** "HH:mm" of an instant on a Mexico City wall clock, with its day. */
function mexicoCityWall(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(iso))
    .replace(' ', 'T');
}

const dayString = (d: Day) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

const activeElement = (page: Page) =>
  page.evaluate(() => ({ tag: document.activeElement?.tagName ?? null, testId: document.activeElement?.getAttribute('data-testid') ?? null }));

/**
 * The mouse path: open the picker, click the day, CLICK the hours box (its "00" is pre-filled),
 * type the four digits in one go, click the confirm button.
 */
async function pickWithMouse(page: Page, testId: string, day: Day, digits: string) {
  await page.getByTestId(testId).click();
  const dialog = page.locator('.mantine-Popover-dropdown').last();
  await dialog.waitFor();
  const today = mexicoCityDay(new Date());
  const monthsBack = (today.year - day.year) * 12 + (today.month - day.month);
  for (let i = 0; i < monthsBack; i++) await dialog.getByRole('button', { name: 'Mes anterior' }).click();
  await dialog.getByRole('button', { name: `${day.day} ${MONTHS_ES[day.month - 1]} ${day.year}`, exact: true }).click();
  await dialog.getByLabel('Horas').click();
  await page.keyboard.type(digits);
  expect(await dialog.getByLabel('Horas').inputValue()).toBe(digits.slice(0, 2));
  expect(await dialog.getByLabel('Minutos').inputValue()).toBe(digits.slice(2));
  await dialog.getByRole('button', { name: 'Confirmar fecha y hora' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function fillTheRest(page: Page) {
  await page.getByTestId('report-title').fill(`Hora de detección con el ratón ${Date.now().toString(36)}`);
  await page.getByTestId('report-description').fill('Se detectó tráfico saliente hacia una dirección externa desde el servidor de nómina.');
  await chooseOption(page, 'report-rsit-class', 'Intrusión');
  await chooseOption(page, 'report-rsit-type', 'Compromiso de cuenta sin privilegios');
  await page.getByTestId('report-severity-2').click();
  await page.getByTestId('report-tlp-GREEN').click();
}

describe('the report form’s date-and-time pickers, with the mouse', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('stores the hour typed after clicking the hours box (1830 → 18:30, 0930 → 09:30), and gives the focus back to the picker', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.goto('/incidentes/nuevo');
      await page.getByTestId('report-form').waitFor();
      await fillTheRest(page);

      // Three days ago: no "not after now" limit on that day's hours.
      const day = mexicoCityDay(new Date(Date.now() - 3 * 86_400_000));
      await pickWithMouse(page, 'report-detected-at', day, '0930');
      expect(await activeElement(page)).toEqual({ tag: 'BUTTON', testId: 'report-detected-at' });
      await pickWithMouse(page, 'report-aware-at', day, '1830');
      expect(await activeElement(page)).toEqual({ tag: 'BUTTON', testId: 'report-aware-at' });
      expect(await page.getByTestId('report-detected-at').textContent()).toContain('09:30');
      expect(await page.getByTestId('report-aware-at').textContent()).toContain('18:30');

      await page.getByTestId('report-submit').click();
      await page.waitForURL(/\/incidentes\/[0-9a-f-]{36}$/);
      const id = new URL(page.url()).pathname.split('/').at(-1) ?? '';

      // What the API stored, read back with this person's session.
      const res = await page.request.get(`/trpc/incidents.get?input=${encodeURIComponent(JSON.stringify({ id }))}`);
      expect(res.status()).toBe(200);
      const incident = (await res.json()).result.data as { detectedAt: string; awareAt: string };
      expect(mexicoCityWall(incident.detectedAt)).toBe(`${dayString(day)}T09:30`);
      expect(mexicoCityWall(incident.awareAt)).toBe(`${dayString(day)}T18:30`);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses 23:59 today with a visible error instead of silently picking “now”', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      // The page's clock at 10:00 in Mexico City today (UTC−6 all year since 2022), so that 23:59
      // is always in the future whenever this runs.
      const today = mexicoCityDay(new Date());
      await page.clock.setFixedTime(new Date(Date.UTC(today.year, today.month - 1, today.day, 16, 0)));
      await page.goto('/incidentes/nuevo');
      await page.getByTestId('report-form').waitFor();
      await pickWithMouse(page, 'report-detected-at', today, '2359');
      expect(await activeElement(page)).toEqual({ tag: 'BUTTON', testId: 'report-detected-at' });
      // What was picked stays what was picked, and it is refused under the field at once…
      expect(await page.getByTestId('report-detected-at').textContent()).toContain('23:59');
      await expect.poll(() => fieldError(page, 'report-detected-at')).toBe('La fecha no puede estar en el futuro.');
      // …and again on sending, which sends nothing.
      await page.getByTestId('report-submit').click();
      await page.getByTestId('form-error-summary').waitFor();
      expect(await page.getByTestId('form-error-summary').textContent()).toContain('Fecha y hora de detección: La fecha no puede estar en el futuro.');
      expect(await page.getByTestId('report-detected-at').textContent()).toContain('23:59');
      expect(new URL(page.url()).pathname).toBe('/incidentes/nuevo');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('warns about an indicator line that looks broken, and still files it as free text', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.goto('/incidentes/nuevo');
      await page.getByTestId('report-form').waitFor();
      await page.getByTestId('report-observables').fill(['http//roto', 'not a domain', 'd41d8cd98f00b204e9800998ecf842', '-example.com'].join('\n'));
      await expect.poll(() => page.getByTestId('indicator-line').count()).toBe(4);
      const lines = page.getByTestId('indicator-line');
      expect(await lines.nth(0).getAttribute('data-suspected')).toBe('url');
      expect(await lines.nth(0).getByTestId('indicator-warning').textContent()).toBe(
        'Parece un indicador de tipo URL mal escrito: se registrará como texto libre. Corrígelo o elige su tipo si no es texto libre.',
      );
      expect(await lines.nth(1).getByTestId('indicator-warning').count()).toBe(0);
      expect(await lines.nth(2).getAttribute('data-suspected')).toBe('md5');
      expect(await lines.nth(3).getByTestId('indicator-error').textContent()).toMatch(/dominio/i);
      expect(await page.getByTestId('indicator-count-suspected').textContent()).toBe('2 parecen mal escritos');
      expect(await page.getByTestId('indicator-count-valid').textContent()).toBe('3 indicadores válidos');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the new task form’s due-date picker, with the mouse', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('keeps an hour already past today as picked and refuses it under the field, instead of silently picking “now”', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      // The page's clock at 10:00 in Mexico City today, so that 08:15 today has always passed.
      const today = mexicoCityDay(new Date());
      await page.clock.setFixedTime(new Date(Date.UTC(today.year, today.month - 1, today.day, 16, 0)));
      await page.goto('/tareas/nueva');
      await page.getByTestId('task-form-due-at').waitFor();
      await pickWithMouse(page, 'task-form-due-at', today, '0815');
      expect(await page.getByTestId('task-form-due-at').textContent()).toContain('08:15');
      await expect.poll(() => fieldError(page, 'task-form-due-at')).toBe('La fecha límite ya pasó; elige una fecha futura.');
      // A later hour today is accepted.
      await pickWithMouse(page, 'task-form-due-at', today, '1745');
      expect(await page.getByTestId('task-form-due-at').textContent()).toContain('17:45');
      await expect.poll(() => fieldError(page, 'task-form-due-at')).toBe('');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
