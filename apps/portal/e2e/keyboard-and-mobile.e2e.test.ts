import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, demoPassword, launchBrowser, newSession, screenshot, signInFromStart } from './browser.ts';

const focusedTestId = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

const onScreen = (page: Page, testId: string) =>
  page.getByTestId(testId).evaluate((el) => {
    const box = el.getBoundingClientRect();
    return box.right > 0 && box.left < window.innerWidth;
  });

async function tabTo(page: Page, testId: string, maxTabs = 8) {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press('Tab');
    if ((await focusedTestId(page)) === testId) return;
  }
  throw new Error(`${testId} not reached with ${maxTabs} presses of Tab`);
}

describe('keyboard and small screens', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in, skips to the content and opens a section with the keyboard only', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await page.goto('/ingresar');
      await page.getByTestId('sign-in-submit').waitFor();
      await tabTo(page, 'sign-in-email');
      await page.keyboard.type(DEMO.admin.email);
      await page.keyboard.press('Tab');
      expect(await focusedTestId(page)).toBe('sign-in-password');
      await page.keyboard.type(demoPassword());
      await page.keyboard.press('Enter');
      await page.getByTestId('dashboard-greeting').waitFor();

      // The first Tab stop is the skip link; it moves the focus to the main content.
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => document.activeElement?.textContent ?? '');
      expect(skip).toBe('Saltar al contenido principal');
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('main-content');

      // Navigation links are reachable and follow with Enter.
      // One Tab a section: incidents, tasks, advisories, initiatives, directory, admin.
      await page.getByTestId('nav-dashboard').focus();
      await tabTo(page, 'nav-admin', 6);
      await page.keyboard.press('Enter');
      await page.getByTestId('agencies-table').waitFor();
      // The section tabs move with the arrow keys.
      await page.getByTestId('admin-tab-dependencias').focus();
      await page.keyboard.press('ArrowRight');
      await page.getByTestId('users-table').waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin/usuarios');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('works on a phone-sized screen', async () => {
    const { context, page, pageErrors } = await newSession(browser, { width: 390, height: 844 });
    try {
      await page.goto('/');
      await page.waitForURL(/\/ingresar/);
      await screenshot(page, 'mobile-sign-in');
      await signInFromStart(page, DEMO.staff.email);
      await screenshot(page, 'mobile-dashboard', true);
      // Collapsed, the navigation is off-screen and out of the Tab order.
      expect(await onScreen(page, 'nav-tasks')).toBe(false);
      expect(await page.locator('#main-navigation').evaluate((el) => el.hasAttribute('inert'))).toBe(true);
      await page.getByRole('button', { name: 'Abrir la navegación' }).click();
      await expect.poll(() => onScreen(page, 'nav-tasks')).toBe(true);
      await screenshot(page, 'mobile-navigation');
      await page.getByTestId('nav-tasks').click();
      await page.getByTestId('tasks-board').waitFor();
      await expect.poll(() => onScreen(page, 'nav-tasks')).toBe(false);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      await screenshot(page, 'mobile-tasks', true);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
