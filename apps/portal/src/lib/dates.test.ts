import { afterEach, describe, expect, it } from 'vitest';
import { mexicoCityEndOfToday, mexicoCityNow, mexicoCityStartOfToday, mexicoCityOffsetLabel, mexicoCityWallClockToIso } from './dates.ts';

const originalTz = process.env.TZ;

describe('Mexico City wall-clock times', () => {
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('attaches Mexico City’s offset to a picked time, whatever the machine’s zone', () => {
    for (const tz of ['UTC', 'Asia/Tokyo', 'America/New_York', 'America/Mexico_City']) {
      process.env.TZ = tz;
      expect(mexicoCityWallClockToIso('2026-11-20 09:30:00'), tz).toBe('2026-11-20T09:30:00-06:00');
      expect(mexicoCityWallClockToIso('2026-07-01 23:59'), tz).toBe('2026-07-01T23:59:00-06:00');
    }
  });

  it('uses the offset in force at that date (daylight saving until October 2022)', () => {
    expect(mexicoCityWallClockToIso('2022-06-15 12:00:00')).toBe('2022-06-15T12:00:00-05:00');
    expect(mexicoCityWallClockToIso('2022-12-15 12:00:00')).toBe('2022-12-15T12:00:00-06:00');
  });

  it('gives an empty string for nothing or a malformed value, so the schema reports it', () => {
    expect(mexicoCityWallClockToIso(null)).toBe('');
    expect(mexicoCityWallClockToIso('')).toBe('');
    expect(mexicoCityWallClockToIso('20/11/2026 09:30')).toBe('');
  });

  it('reads “now” and the offset label in Mexico City', () => {
    process.env.TZ = 'Asia/Tokyo';
    const instant = new Date('2026-11-20T15:45:10Z');
    expect(mexicoCityNow(instant)).toBe('2026-11-20 09:45:10');
    expect(mexicoCityOffsetLabel(instant)).toBe('UTC\u22126');
    expect(mexicoCityOffsetLabel(new Date('2022-06-15T18:00:00Z'))).toBe('UTC\u22125');
  });

  it('bounds the pickers at the end of today in Mexico City, not at “now”', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(mexicoCityEndOfToday(new Date('2026-11-20T15:45:10Z'))).toBe('2026-11-20 23:59:59');
    // 00:30 UTC on the 21st is still the 20th in Mexico City.
    expect(mexicoCityEndOfToday(new Date('2026-11-21T00:30:00Z'))).toBe('2026-11-20 23:59:59');
  });

  it('bounds the due-date pickers at the start of today in Mexico City, not at “now”', () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(mexicoCityStartOfToday(new Date('2026-11-20T15:45:10Z'))).toBe('2026-11-20 00:00:00');
    expect(mexicoCityStartOfToday(new Date('2026-11-21T00:30:00Z'))).toBe('2026-11-20 00:00:00');
  });
});
