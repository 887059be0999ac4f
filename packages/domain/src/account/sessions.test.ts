import { describe, expect, it } from 'vitest';
import { RevokeSessionInput, SESSION_SEEN_INTERVAL_MS, describeUserAgent, sessionSeenIsDue } from './sessions.ts';

describe('sessionSeenIsDue', () => {
  const seen = new Date('2026-12-03T10:00:00.000Z');
  it('is not due within a minute of the last write', () => {
    expect(sessionSeenIsDue(seen, seen)).toBe(false);
    expect(sessionSeenIsDue(seen, new Date(seen.getTime() + SESSION_SEEN_INTERVAL_MS - 1))).toBe(false);
  });
  it('is due once a minute has passed', () => {
    expect(sessionSeenIsDue(seen, new Date(seen.getTime() + SESSION_SEEN_INTERVAL_MS))).toBe(true);
    expect(sessionSeenIsDue(seen, new Date(seen.getTime() + 3_600_000))).toBe(true);
  });
});

describe('describeUserAgent', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome 131', 'Windows 10'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36', 'Chrome 140', 'Linux'],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari 17',
      'iOS 17.5',
    ],
    ['Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0', 'Firefox 133', 'Android 14'],
  ])('%s', (ua, browser, os) => {
    expect(describeUserAgent(ua)).toEqual({ browser, os });
  });
  it('labels nothing for an absent or unknown user agent', () => {
    expect(describeUserAgent(null)).toEqual({ browser: null, os: null });
    expect(describeUserAgent('  ')).toEqual({ browser: null, os: null });
    expect(describeUserAgent('curl/8.5.0')).toEqual({ browser: null, os: null });
  });
});

describe('RevokeSessionInput', () => {
  it('takes a public id (a uuid), not a token hash', () => {
    expect(RevokeSessionInput.safeParse({ id: '0b7e2a52-8f0f-4d7c-9d3c-0d1f2b3a4c5d' }).success).toBe(true);
    expect(RevokeSessionInput.safeParse({ id: 'a'.repeat(64) }).success).toBe(false);
  });
});
