// How the built portal reaches a browser: every script and style sheet compressed (the build's
// brotli/gzip twins, apps/portal/vite.config.ts) and kept for a year under its content hash; the
// page itself revalidated; API answers never stored. Read from what Chromium actually received.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, launchBrowser, newSession, signIn } from './browser.ts';

describe('delivery of the portal', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('compresses and caches each file by its kind', async () => {
    const { context, page } = await newSession(browser);
    try {
      const seen: { url: string; type: string; headers: Record<string, string> }[] = [];
      page.on('response', (res) => seen.push({ url: res.url(), type: res.request().resourceType(), headers: res.headers() }));
      await page.goto('/ingresar');
      await signIn(page, DEMO.staff.email);
      await page.waitForURL((url) => !url.pathname.startsWith('/ingresar'));
      await page.waitForLoadState('networkidle');

      const doc = seen.find((r) => r.type === 'document');
      expect(doc?.headers['cache-control']).toBe('no-cache');
      const assets = seen.filter((r) => r.type === 'script' || r.type === 'stylesheet');
      expect(assets.length).toBeGreaterThan(2);
      for (const a of assets) {
        expect([a.url, a.headers['content-encoding']]).toEqual([a.url, expect.stringMatching(/^(br|gzip)$/)]);
        expect([a.url, a.headers['cache-control']]).toEqual([a.url, 'public, max-age=31536000, immutable']);
      }
      const api = seen.filter((r) => new URL(r.url).pathname.startsWith('/trpc/'));
      expect(api.length).toBeGreaterThan(0);
      for (const a of api) expect([a.url, a.headers['cache-control']]).toEqual([a.url, 'no-store']);
    } finally {
      await context.close();
    }
  });
});
