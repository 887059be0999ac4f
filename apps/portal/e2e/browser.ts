/** Chromium for the browser tests, and the few steps every test repeats. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { expect, inject } from 'vitest';
import { screenshotsDir } from './paths.ts';

export const baseUrl = () => inject('baseUrl');
export const demoPassword = () => inject('demoPassword');

export const DEMO = {
  admin: { email: 'admin@anc.gob.mx', role: 'admin' },
  coordinator: { email: 'coordinacion@anc.gob.mx', role: 'coordinator' },
  staff: { email: 'enlace@sedena.gob.mx', role: 'staff' },
} as const;

export function launchBrowser(): Promise<Browser> {
  // Playwright gives every launch a fresh temporary profile (user-data-dir) and removes it after.
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors seen so far: a test fails if the app throws. */
  pageErrors: string[];
}

export async function newSession(browser: Browser, options: { width?: number; height?: number } = {}): Promise<Session> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: options.width ?? 1366, height: options.height ?? 860 },
    locale: 'es-MX',
    timezoneId: 'America/Mexico_City',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page, pageErrors };
}

export async function signIn(page: Page, email: string, password = demoPassword()) {
  await page.getByRole('textbox', { name: /Correo institucional|Institutional e-mail/ }).fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
}

/** Open the portal signed out, sign in and wait for the signed-in frame. */
export async function signInFromStart(page: Page, email: string) {
  await page.goto('/');
  await page.waitForURL(/\/ingresar/);
  await signIn(page, email);
  await expect.poll(() => page.getByTestId('user-menu').isVisible()).toBe(true);
}

export async function navKeys(page: Page): Promise<string[]> {
  await page.getByTestId('nav-dashboard').waitFor();
  return page.locator('[data-testid^="nav-"]').evaluateAll((links) => links.map((link) => (link.getAttribute('data-testid') ?? '').replace(/^nav-/, '')));
}

export async function signOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('sign-out').click();
  await page.waitForURL(/\/ingresar/);
}

export async function screenshot(page: Page, name: string, fullPage = false) {
  mkdirSync(screenshotsDir, { recursive: true });
  // Let notifications and transitions settle so the picture shows the resting state.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage });
}

/** The error text Mantine shows under an input (linked by aria-describedby). */
export async function fieldError(page: Page, testId: string): Promise<string> {
  const input = page.getByTestId(testId);
  const describedBy = (await input.getAttribute('aria-describedby')) ?? '';
  const errorId = describedBy.split(/\s+/).find((id) => id.endsWith('-error'));
  if (!errorId) return '';
  return (await page.locator(`[id="${errorId}"]`).textContent()) ?? '';
}

/** Pick an option of a Mantine Select by its visible text. */
export async function chooseOption(page: Page, testId: string, text: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: text, exact: true }).click();
}

/**
 * tRPC calls over plain HTTP as one signed-in account of the process at `url` (the way an agency's
 * script would), for a test's set-up and checks outside the page.
 */
export async function trpcAs(url: string, email: string) {
  const call = async <T>(path: string, input: unknown, method: 'GET' | 'POST', cookie = ''): Promise<{ data: T; cookie: string }> => {
    const res =
      method === 'GET'
        ? await fetch(`${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers: { cookie } })
        : await fetch(`${url}/trpc/${path}`, {
            method: 'POST',
            headers: { cookie, origin: url, 'content-type': 'application/json' },
            body: JSON.stringify(input),
          });
    const body = (await res.json()) as { result?: { data: T }; error?: unknown };
    if (!body.result) throw new Error(`${path}: ${JSON.stringify(body.error)}`);
    const set = res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '');
    return { data: body.result.data, cookie: set.length ? set.join('; ') : cookie };
  };
  const { cookie } = await call('auth.signIn', { email, password: demoPassword() }, 'POST');
  return {
    query: async <T>(path: string, input: unknown) => (await call<T>(path, input, 'GET', cookie)).data,
    mutate: async <T>(path: string, input: unknown) => (await call<T>(path, input, 'POST', cookie)).data,
  };
}
