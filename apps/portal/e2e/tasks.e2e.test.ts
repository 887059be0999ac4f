/**
 * The task workflow of issue 4, end to end against the real API: a coordinator creates a task
 * for SEDENA from one of SEDENA's incidents; SEDENA staff see the bell, open the task from it,
 * start it and send it to review; the coordinator returns it with a comment; staff finish it;
 * the coordinator approves it, and the task page shows the whole history. SSPC staff cannot
 * find it. Two coordinators editing at once: the second is told, and keeps what was typed.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, fieldError, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

const SSPC = 'enlace@sspc.gob.mx';
const ANALYST = 'analista@anc.gob.mx';
const SEDENA_LABEL = 'SEDENA — Secretaría de la Defensa Nacional';

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** The bell's count as its accessible name says it ("3 notificaciones sin leer"); 0 when none are unread. */
async function bellCount(page: Page): Promise<number> {
  const bell = page.getByTestId('notifications-bell');
  await bell.waitFor();
  const label = (await bell.getAttribute('aria-label')) ?? '';
  return Number(/^(\d+) notificaci(?:ón|ones) sin leer$/.exec(label)?.[1] ?? 0);
}

/** Take the step whose button has this test id, with a comment when given, and wait for the new status. */
async function takeStep(page: Page, step: string, to: string, comment?: string) {
  await page.getByTestId(`task-step-${step}`).click();
  const form = page.getByTestId('task-transition-form');
  await form.waitFor();
  expect(await form.getAttribute('data-step')).toBe(step);
  if (comment) await page.getByTestId('task-transition-comment').fill(comment);
  await page.getByTestId('task-transition-submit').click();
  await form.waitFor({ state: 'hidden' });
  await expect.poll(() => page.getByTestId('task-detail').getAttribute('data-status')).toBe(to);
}

/** The steps offered now, by their test ids. */
const offeredSteps = (page: Page) =>
  page.locator('[data-testid^="task-step-"]').evaluateAll((buttons) => buttons.map((b) => (b.getAttribute('data-testid') ?? '').replace('task-step-', '')));

/** A tRPC call with the page's own session (as the admin pages' tests do for set-up steps). */
function trpcCall<T>(page: Page, path: string, input: unknown, kind: 'query' | 'mutation'): Promise<{ status: number; data: T }> {
  return page.evaluate(
    async ({ path: p, input: i, kind: k }) => {
      const res =
        k === 'query'
          ? await fetch(`/trpc/${p}?input=${encodeURIComponent(JSON.stringify(i))}`)
          : await fetch(`/trpc/${p}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(i) });
      const body = (await res.json()) as { result?: { data: unknown } };
      return { status: res.status, data: body.result?.data as never };
    },
    { path, input, kind },
  );
}

describe('tasks', () => {
  let browser: Browser;
  const task = { id: '', reference: '', title: `Revisar accesos al correo institucional ${Date.now().toString(36)}`, incidentReference: '' };
  const returnComment = 'Falta el listado de cuentas con doble factor desactivado.';

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a coordinator creates a task for SEDENA from one of its incidents', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await page.goto('/incidentes');
      const row = page.locator('[data-testid="incident-row"]').filter({ hasText: 'SEDENA' }).first();
      await row.waitFor();
      task.incidentReference = (await row.getAttribute('data-reference')) ?? '';
      await row.getByTestId('incident-link').click();
      await page.getByTestId('incident-detail').waitFor();
      const before = await page.getByTestId('incident-task').count();

      // The incident page offers the task with the link and the reporting agency filled in.
      await page.getByTestId('incident-create-task').click();
      await page.waitForURL(/\/tareas\/nueva\?/);
      const url = new URL(page.url());
      expect(url.searchParams.get('incidentId')).toMatch(/^[0-9a-f-]{36}$/);
      await page.getByTestId('task-form').waitFor();
      await expect.poll(() => page.getByTestId('task-form-agency').inputValue()).toBe(SEDENA_LABEL);
      await expect.poll(() => page.getByTestId('task-form-incident').inputValue()).toMatch(new RegExp(`^${task.incidentReference} — `));
      expect(await page.getByTestId('task-form-incident-summary').textContent()).toBe(`Vinculada a ${task.incidentReference}, reportado por SEDENA.`);

      // Sent empty: every problem under its field, in Spanish, and the focus on the first.
      await page.getByTestId('task-form-submit').click();
      await expect.poll(() => fieldError(page, 'task-form-title')).toBe('Este campo es obligatorio.');
      expect(await fieldError(page, 'task-form-due-at')).toBe('Este campo es obligatorio.');
      await expect.poll(() => focusedTestId(page)).toBe('task-form-title');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'task-form-errors', true);

      await page.getByTestId('task-form-title').fill(task.title);
      await page.getByTestId('task-form-description').fill('Entregar la lista de cuentas con accesos anómalos y las medidas tomadas.');
      await page.getByTestId('task-form-priority').getByText('Alta', { exact: true }).click();
      // Due within 48 hours: the board marks it as due soon.
      await page.getByTestId('task-form-due-h24').click();
      expect(await page.getByTestId('task-form-due-at').textContent()).not.toBe('');
      expect(await fieldError(page, 'task-form-title')).toBe('');
      expect(await fieldError(page, 'task-form-due-at')).toBe('');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'task-form-filled', true);

      await page.getByTestId('task-form-submit').click();
      await page.waitForURL(/\/tareas\/[0-9a-f-]{36}$/);
      task.id = new URL(page.url()).pathname.split('/').at(-1) ?? '';
      const notice = page.getByText(/^Tarea TSK-\d{4}-\d{6} asignada a SEDENA\.$/);
      await notice.waitFor();
      task.reference = /TSK-\d{4}-\d{6}/.exec((await notice.textContent()) ?? '')?.[0] ?? '';
      expect(task.reference).not.toBe('');

      const detail = page.getByTestId('task-detail');
      await detail.waitFor();
      expect(await detail.getAttribute('data-status')).toBe('open');
      expect(await page.getByTestId('task-title').textContent()).toBe(task.title);
      expect(await page.getByTestId('task-agency').textContent()).toContain('SEDENA');
      expect(await page.getByTestId('task-incident').textContent()).toBe(task.incidentReference);
      expect(await page.getByTestId('task-priority-badge').first().getAttribute('data-priority')).toBe('high');
      expect(await page.getByTestId('task-due-badge').first().getAttribute('data-state')).toBe('due_soon');
      // Coordinators do not work the task: only cancelling is theirs while it is open.
      expect(await offeredSteps(page)).toEqual(['cancel']);
      expect(await page.getByTestId('task-history-item').count()).toBe(1);
      expect(await page.getByTestId('task-history-item').first().textContent()).toContain('creó la tarea y la asignó a SEDENA');

      // Back on the incident: the task is listed, and the timeline says it was assigned.
      await page.getByTestId('task-incident').click();
      await page.getByTestId('incident-detail').waitFor();
      await expect.poll(() => page.getByTestId('incident-task').count()).toBe(before + 1);
      const listed = page.locator(`[data-testid="incident-task"][data-reference="${task.reference}"]`);
      expect(await listed.getAttribute('data-status')).toBe('open');
      const timeline = page.locator('[data-testid="timeline-item"][data-kind="task_created"]').filter({ hasText: task.reference });
      expect(await timeline.textContent()).toContain('asignó a SEDENA la tarea');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('SEDENA staff see the bell, open the task from it, start it and send it to review', async () => {
    expect(task.id).not.toBe('');
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      await expect.poll(() => bellCount(page)).toBeGreaterThanOrEqual(1);
      const unread = await bellCount(page);

      // Their board: the task in the "open" column, marked as due soon in words, not only colour.
      await page.getByTestId('nav-tasks').click();
      await page.getByTestId('tasks-board').waitFor();
      const card = page.locator(`[data-testid="tasks-column"][data-status="open"] [data-testid="task-card"][data-reference="${task.reference}"]`);
      await card.waitFor();
      expect(await card.getAttribute('data-due')).toBe('due_soon');
      expect(await card.getByTestId('task-due-badge').textContent()).toBe('Vence pronto');
      expect(await card.getByTestId('task-countdown').textContent()).toMatch(/^vence en /);
      await screenshot(page, 'tasks-board-staff');

      // The list view is remembered in the address.
      await page.getByTestId('tasks-view').getByText('Lista', { exact: true }).click();
      await page.waitForURL(/view=list/);
      await page.locator(`[data-testid="task-row"][data-reference="${task.reference}"]`).waitFor();

      // From the bell to the task; opening it marks the notification read.
      await page.getByTestId('notifications-bell').click();
      const item = page.getByTestId('notifications-panel').getByTestId('notification-item').filter({ hasText: task.reference }).first();
      await item.waitFor();
      expect(await item.textContent()).toContain('Nueva tarea para tu dependencia');
      await item.getByRole('link').click();
      await page.waitForURL(new RegExp(`/tareas/${task.id}$`));
      await page.getByTestId('task-detail').waitFor();
      await expect.poll(() => bellCount(page)).toBe(unread - 1);

      expect(await offeredSteps(page)).toEqual(['start', 'block']);
      await takeStep(page, 'start', 'in_progress');
      await takeStep(page, 'submit_review', 'in_review', 'Se adjunta el listado de cuentas revisadas.');
      // In review: nothing left for the agency to do but comment.
      expect(await offeredSteps(page)).toEqual([]);
      await page.getByTestId('task-comment-form').waitFor();
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the coordinator returns it with a comment', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      // Told that the task waits for review.
      await expect.poll(() => bellCount(page)).toBeGreaterThanOrEqual(1);

      // The per-agency summary leads to SEDENA's tasks in review.
      await page.getByTestId('nav-tasks').click();
      const sedena = page.locator('[data-testid="tasks-summary-row"][data-code="SEDENA"]');
      await sedena.waitFor();
      await sedena.getByTestId('tasks-summary-inReview').click();
      await page.waitForURL((url) => (url.searchParams.get('status') ?? '').includes('in_review'));
      const row = page.locator(`[data-testid="task-row"][data-reference="${task.reference}"]`);
      await row.waitFor();
      expect(await page.getByTestId('tasks-filter-agency').inputValue()).toBe(SEDENA_LABEL);
      expect(await page.locator('[data-testid="task-row"]').evaluateAll((rows) => rows.every((r) => r.getAttribute('data-status') === 'in_review'))).toBe(true);
      await screenshot(page, 'tasks-list-coordinator');
      await row.getByTestId('task-link').click();
      await page.getByTestId('task-detail').waitFor();
      expect(await offeredSteps(page)).toEqual(['approve', 'return', 'cancel']);

      // Returning needs a comment: asked for before anything is sent.
      await page.getByTestId('task-step-return').click();
      await page.getByTestId('task-transition-submit').click();
      await expect.poll(() => fieldError(page, 'task-transition-comment')).toBe('Escribe un comentario para la dependencia.');
      await screenshot(page, 'task-return-needs-comment');
      await page.getByTestId('task-transition-comment').fill(returnComment);
      await page.getByTestId('task-transition-submit').click();
      await page.getByTestId('task-transition-form').waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('task-detail').getAttribute('data-status')).toBe('in_progress');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('staff read the comment, finish the work and send it to review again', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.getByTestId('notifications-bell').click();
      const item = page.getByTestId('notifications-panel').getByTestId('notification-item').filter({ hasText: 'devolvió' }).first();
      await item.waitFor();
      expect(await item.textContent()).toContain(task.reference);
      expect(await item.textContent()).toContain(returnComment);
      await item.getByRole('link').click();
      await page.getByTestId('task-detail').waitFor();
      expect(await page.getByTestId('task-detail').getAttribute('data-status')).toBe('in_progress');
      await takeStep(page, 'submit_review', 'in_review', 'Listado completo, con las cuentas corregidas.');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the coordinator approves it, and the task shows its whole history', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await page.goto(`/tareas/${task.id}`);
      await page.getByTestId('task-detail').waitFor();
      await takeStep(page, 'approve', 'done');
      expect(await offeredSteps(page)).toEqual(['reopen']);
      // A finished task is a record: no editing or reassigning until it is reopened.
      expect(await page.getByTestId('task-edit').count()).toBe(0);
      expect(await page.getByTestId('task-reassign').count()).toBe(0);

      const items = page.getByTestId('task-history-item');
      const history = await items.evaluateAll((rows) => rows.map((r) => `${r.getAttribute('data-kind')}:${r.getAttribute('data-step') ?? ''}`));
      expect(history).toEqual(['created:', 'status:start', 'status:submit_review', 'status:return', 'status:submit_review', 'status:approve']);
      const texts = await items.allTextContents();
      expect(texts[0]).toContain('Claudia Ríos');
      expect(texts[1]).toContain('(SEDENA) inició la tarea (de «Abierta» a «En curso»)');
      expect(texts[3]).toContain('devolvió la tarea');
      expect(texts[3]).toContain(returnComment);
      expect(texts[5]).toContain('aprobó la tarea (de «En revisión» a «Terminada»)');
      // Every entry says when, in Mexico City time.
      const times = await page.locator('[data-testid="task-history-item"] time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')));
      expect(times).toHaveLength(6);
      await screenshot(page, 'task-done-history', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('SSPC staff cannot find the task', async () => {
    expect(task.id).not.toBe('');
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, SSPC);
      await page.goto(`/tareas?view=list&q=${task.reference}`);
      await page.getByTestId('tasks-no-match').waitFor();
      await page.goto(`/tareas/${task.id}`);
      await page.getByTestId('task-not-found').waitFor();
      expect(await page.getByTestId('task-detail').count()).toBe(0);
      expect(await page.getByText(task.title).count()).toBe(0);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('two coordinators edit at once: the second is told, keeps what was typed and saves again', async () => {
    const first = await newSession(browser);
    const second = await newSession(browser);
    const { page } = first;
    try {
      await signInFromStart(page, DEMO.coordinator.email);
      await signInFromStart(second.page, ANALYST);
      // A fresh task for SEDENA, made through the API with the coordinator's session.
      const agencies = await trpcCall<{ items: { id: string; code: string }[] }>(page, 'agencies.list', {}, 'query');
      const sedena = agencies.data.items.find((a) => a.code === 'SEDENA');
      const created = await trpcCall<{ id: string; reference: string }>(
        page,
        'tasks.create',
        { title: 'Actualizar el inventario de activos expuestos', dueAt: new Date(Date.now() + 5 * 86_400_000).toISOString(), assigneeAgencyId: sedena?.id },
        'mutation',
      );
      expect(created.status).toBe(200);

      await page.goto(`/tareas/${created.data.id}`);
      await page.getByTestId('task-detail').waitFor();
      await page.getByTestId('task-edit').click();
      await page.getByTestId('task-edit-form').waitFor();
      const typed = 'Actualizar el inventario de activos expuestos a internet';
      await page.getByTestId('task-edit-title').fill(typed);

      // Meanwhile the analyst raises the priority.
      const version = Number(await page.getByTestId('task-detail').getAttribute('data-version'));
      const changed = await trpcCall(second.page, 'tasks.update', { id: created.data.id, version, priority: 'urgent' }, 'mutation');
      expect(changed.status).toBe(200);

      await page.getByTestId('task-edit-submit').click();
      await page.getByTestId('task-edit-conflict').waitFor();
      await page.getByTestId('task-conflict').waitFor();
      expect(await page.getByTestId('task-edit-title').inputValue()).toBe(typed);
      // Behind the dialog, the task as it is now.
      await expect.poll(() => page.getByTestId('task-detail').getAttribute('data-version')).toBe(String(version + 1));
      expect(await page.getByTestId('task-priority-badge').first().getAttribute('data-priority')).toBe('urgent');
      await screenshot(page, 'task-edit-conflict');

      await page.getByTestId('task-edit-submit').click();
      await page.getByTestId('task-edit-form').waitFor({ state: 'hidden' });
      await expect.poll(() => page.getByTestId('task-title').textContent()).toBe(typed);
      // Only the title was sent: the analyst's priority stands.
      expect(await page.getByTestId('task-priority-badge').first().getAttribute('data-priority')).toBe('urgent');
      expect(first.pageErrors).toEqual([]);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  it('fits a phone screen', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 390, height: 844 });
    try {
      await signInFromStart(page, DEMO.staff.email);
      await page.goto('/tareas');
      await page.getByTestId('tasks-board').waitFor();
      await page.locator(`[data-testid="task-card"][data-reference="${task.reference}"]`).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'tasks-board-phone', true);
      await page.goto(`/tareas/${task.id}`);
      await page.getByTestId('task-detail').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'task-phone', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
