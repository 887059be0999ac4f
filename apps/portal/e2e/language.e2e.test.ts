import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, newSession, screenshot, signIn, signInFromStart, signOut } from './browser.ts';

describe('language switch', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches the interface to English and remembers it after a reload and a new sign-in', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      await signInFromStart(page, DEMO.staff.email);
      await expect.poll(() => page.getByTestId('nav-dashboard').textContent()).toBe('Panel');
      expect(await page.locator('html').getAttribute('lang')).toBe('es-MX');

      await page.getByTestId('language-switch').click();
      await expect.poll(() => page.getByTestId('nav-dashboard').textContent()).toBe('Dashboard');
      await expect.poll(() => page.getByTestId('dashboard-greeting').textContent()).toMatch(/^Hello, /);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(await page.getByTestId('nav-incidents').textContent()).toBe('Incidents');
      await screenshot(page, 'dashboard-staff-en');

      await page.reload();
      await expect.poll(() => page.getByTestId('nav-dashboard').textContent()).toBe('Dashboard');
      expect(await page.getByTestId('user-role').textContent()).toContain('Agency staff');

      // Signed out, the sign-in page keeps the language too, and so does the next session.
      await signOut(page);
      await expect.poll(() => page.getByTestId('sign-in-submit').textContent()).toBe('Sign in');
      await screenshot(page, 'sign-in-en');
      await signIn(page, DEMO.staff.email);
      await expect.poll(() => page.getByTestId('nav-tasks').textContent()).toBe('Tasks');

      // And back to Spanish.
      await page.getByTestId('language-switch').click();
      await expect.poll(() => page.getByTestId('nav-tasks').textContent()).toBe('Tareas');
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('uses the language saved to the account when this browser has no choice of its own', async () => {
    // First browser: choose English while signed in (saved to the account).
    const first = await newSession(browser);
    try {
      await signInFromStart(first.page, DEMO.coordinator.email);
      await first.page.getByTestId('language-switch').click();
      await expect.poll(() => first.page.getByTestId('nav-dashboard').textContent()).toBe('Dashboard');
    } finally {
      await first.context.close();
    }
    // A fresh browser (no stored choice) starts in Spanish and follows the account after sign-in.
    const second = await newSession(browser);
    try {
      await second.page.goto('/');
      await expect.poll(() => second.page.getByTestId('sign-in-submit').textContent()).toBe('Ingresar');
      await signIn(second.page, DEMO.coordinator.email);
      await expect.poll(() => second.page.getByTestId('nav-dashboard').textContent()).toBe('Dashboard');
      // Put the account back to Spanish for the other tests.
      await second.page.getByTestId('language-switch').click();
      await expect.poll(() => second.page.getByTestId('nav-dashboard').textContent()).toBe('Panel');
    } finally {
      await second.context.close();
    }
  });
});
