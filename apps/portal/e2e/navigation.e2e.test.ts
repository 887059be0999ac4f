import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, navKeys, newSession, screenshot, signInFromStart, signOut } from './browser.ts';

const EVERYONE = ['dashboard', 'incidents', 'tasks', 'advisories', 'initiatives', 'directory'];

describe('navigation by role', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    ['admin', DEMO.admin.email, [...EVERYONE, 'admin'], 'Administración'],
    ['coordinator', DEMO.coordinator.email, EVERYONE, 'Coordinación'],
    ['staff', DEMO.staff.email, EVERYONE, 'Personal de dependencia'],
  ] as const)('%s sees exactly its sections', async (role, email, expected, roleLabel) => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, email);
      expect(await navKeys(page)).toEqual(expected);
      await expect.poll(() => page.getByTestId('user-role').textContent()).toContain(roleLabel);
      await expect.poll(() => page.getByTestId('dashboard-greeting').textContent()).toMatch(/^Hola, /);
      await screenshot(page, `dashboard-${role}`);

      // Tasks: the board of the agency's tasks for staff, every task as a list for the ANC.
      await page.getByTestId('nav-tasks').click();
      if (role === 'staff') await page.getByTestId('tasks-board').waitFor();
      else await page.getByTestId('tasks-table').waitFor();
      expect(page.url()).toMatch(/\/tareas$/);
      expect(await page.getByTestId('nav-tasks').getAttribute('aria-current')).toBe('page');

      await page.getByTestId('nav-initiatives').click();
      await page.getByTestId('initiatives-filters').waitFor();
      expect(page.url()).toMatch(/\/iniciativas$/);

      // Administration: the page for admins, an explanation for everyone else.
      await page.goto('/admin/usuarios');
      if (role === 'admin') await page.getByTestId('users-table').waitFor();
      else {
        await page.getByTestId('no-access').waitFor();
        if (role === 'coordinator') await screenshot(page, 'admin-no-access');
      }
      await signOut(page);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
