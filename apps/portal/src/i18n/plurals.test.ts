import i18next, { type ParseKeys } from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from './en.ts';
import { esMX } from './es-MX.ts';

// The catalogues through i18next's plural keys (_one/_other), as the portal reads them (index.ts).
const instance = i18next.createInstance();
await instance.init({ resources: { 'es-MX': { translation: esMX }, en: { translation: en } }, lng: 'es-MX', initAsync: false });
const tEs = (key: ParseKeys, options: { count: number; done?: number }) => instance.t(key, { ...options, lng: 'es-MX' });
const tEn = (key: ParseKeys, options: { count: number; done?: number }) => instance.t(key, { ...options, lng: 'en' });

describe('plurals', () => {
  it('counts milestones by their total', () => {
    expect(tEs('initiatives.common.milestonesDone', { done: 0, count: 1 })).toBe('0 de 1 hito cumplido');
    expect(tEs('initiatives.common.milestonesDone', { done: 1, count: 2 })).toBe('1 de 2 hitos cumplidos');
    expect(tEn('initiatives.common.milestonesDone', { done: 0, count: 1 })).toBe('0 of 1 milestone done');
    expect(tEn('initiatives.common.milestonesDone', { done: 3, count: 4 })).toBe('3 of 4 milestones done');
  });

  it('words every list counter alike: "N things shown"', () => {
    const counters: ParseKeys[] = [
      'incidents.list.shown',
      'tasks.list.shown',
      'initiatives.list.shown',
      'advisories.list.shown',
      'notifications.shown',
      'users.shown',
      'audit.shown',
      'mail.shown',
    ];
    for (const key of counters) {
      expect(tEs(key, { count: 1 }), key).toMatch(/^1 \p{L}+ mostrad[oa]$/u);
      expect(tEs(key, { count: 8 }), key).toMatch(/^8 \p{L}+ mostrad[oa]s$/u);
      expect(tEn(key, { count: 1 }), key).toMatch(/^1 \p{L}+ shown$/u);
      expect(tEn(key, { count: 8 }), key).toMatch(/^8 \p{L}+ shown$/u);
    }
    expect(tEs('tasks.list.shown', { count: 8 })).toBe('8 tareas mostradas');
  });

  it('says how many cancelled initiatives an objective leaves out of its totals', () => {
    expect(tEs('initiatives.summary.cancelledApart', { count: 1 })).toBe('1 cancelada, fuera de los totales');
    expect(tEs('initiatives.summary.cancelledApart', { count: 2 })).toBe('2 canceladas, fuera de los totales');
  });
});
