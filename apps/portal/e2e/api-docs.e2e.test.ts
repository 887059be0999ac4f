// The REST v1 reference at /api/docs (Swagger UI, apps/api/src/rest/docs.ts) renders the served
// OpenAPI document in a browser that enforces the portal's Content-Security-Policy: no script or
// style is refused and the operations are listed.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newSession, screenshot } from './browser.ts';

describe('REST v1 reference', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders every operation under the CSP, with nothing refused', async () => {
    const { context, page, pageErrors } = await newSession(browser);
    try {
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
      });
      const response = await page.goto('/api/docs');
      expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
      await page.locator('.swagger-ui .info .title').filter({ hasText: 'REST v1' }).waitFor();
      await page.locator('.opblock-summary-path').first().waitFor();
      const paths = await page.locator('.opblock-summary-path').allInnerTexts();
      expect(new Set(paths.map((p) => p.replace(/\u200b/g, '').trim()))).toEqual(
        new Set([
          '/api/v1/incidents',
          '/api/v1/incidents/{id}',
          '/api/v1/incidents/{id}/observables',
          '/api/v1/incidents/{id}/reports',
          '/api/v1/incidents/{id}/files',
        ]),
      );
      await screenshot(page, 'api-docs');
      expect(refused).toEqual([]);
      expect(pageErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
