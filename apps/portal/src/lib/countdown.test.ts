import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.ts';
import { esMX } from '../i18n/es-MX.ts';
import { countdownParts, formatCountdown, type Translate } from './countdown.ts';

const instance = i18next.createInstance();
await instance.init({ resources: { 'es-MX': { translation: esMX }, en: { translation: en } }, lng: 'es-MX', initAsync: false });
const tEs: Translate = (key, options) => instance.t(key, { ...options, lng: 'es-MX' });
const tEn: Translate = (key, options) => instance.t(key, { ...options, lng: 'en' });

const now = new Date('2026-11-20T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
const H = 3_600_000;
const M = 60_000;

describe('deadline countdown', () => {
  it('splits the time left into days, hours and minutes', () => {
    expect(countdownParts(at(2 * 24 * H + 4 * H + 30 * M), now)).toEqual({ overdue: false, days: 2, hours: 4, minutes: 30 });
    expect(countdownParts(at(-(3 * H + 59 * M + 59_000)), now)).toEqual({ overdue: true, days: 0, hours: 3, minutes: 59 });
  });

  it('says how long is left, two units at most', () => {
    expect(formatCountdown(at(2 * 24 * H + 4 * H + 30 * M), now, tEs)).toEqual({ text: 'vence en 2 d 4 h', overdue: false });
    expect(formatCountdown(at(5 * H + 12 * M), now, tEs).text).toBe('vence en 5 h 12 min');
    expect(formatCountdown(at(3 * 24 * H), now, tEs).text).toBe('vence en 3 d');
    expect(formatCountdown(at(40 * M), now, tEs).text).toBe('vence en 40 min');
    expect(formatCountdown(at(20_000), now, tEs).text).toBe('vence en menos de 1 min');
  });

  it('shows whole days from a week on, rounded down, so two deadlines a month out read alike', () => {
    expect(formatCountdown(at(6 * 24 * H + 23 * H + 59 * M), now, tEs).text).toBe('vence en 6 d 23 h');
    expect(formatCountdown(at(7 * 24 * H + 4 * H), now, tEs).text).toBe('vence en 7 d');
    expect(formatCountdown(at(30 * 24 * H + 23 * H + 59 * M), now, tEs).text).toBe('vence en 30 d');
    expect(formatCountdown(at(31 * 24 * H), now, tEs).text).toBe('vence en 31 d');
    expect(formatCountdown(at(-(45 * 24 * H + 7 * H)), now, tEn).text).toBe('overdue by 45 d');
  });

  it('says how long ago it passed', () => {
    expect(formatCountdown(at(-3 * H), now, tEs)).toEqual({ text: 'vencido hace 3 h', overdue: true });
    expect(formatCountdown(at(-(26 * H)), now, tEn)).toEqual({ text: 'overdue by 1 d 2 h', overdue: true });
    expect(formatCountdown(at(90 * M), now, tEn).text).toBe('due in 1 h 30 min');
  });
});
