import { describe, expect, it } from 'vitest';
import { relativeTime, unreadBadge } from './format.ts';

describe('unreadBadge', () => {
  it('shows the count up to 99, then 99+', () => {
    expect(unreadBadge(1)).toBe('1');
    expect(unreadBadge(42)).toBe('42');
    expect(unreadBadge(99)).toBe('99');
    expect(unreadBadge(100)).toBe('99+');
    expect(unreadBadge(12_345)).toBe('99+');
  });

  it('shows nothing when nothing is unread (or the count is not a number)', () => {
    expect(unreadBadge(0)).toBeNull();
    expect(unreadBadge(-1)).toBeNull();
    expect(unreadBadge(Number.NaN)).toBeNull();
  });
});

describe('relativeTime', () => {
  const now = new Date('2026-11-21T18:00:00Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();
  const MIN = 60_000;

  it('speaks Spanish first', () => {
    expect(relativeTime(ago(10_000), now, 'es-MX')).toBe('ahora');
    expect(relativeTime(ago(MIN), now, 'es-MX')).toBe('hace 1 minuto');
    expect(relativeTime(ago(5 * MIN), now, 'es-MX')).toBe('hace 5 minutos');
    expect(relativeTime(ago(3 * 60 * MIN), now, 'es-MX')).toBe('hace 3 horas');
    expect(relativeTime(ago(24 * 60 * MIN), now, 'es-MX')).toBe('ayer');
    expect(relativeTime(ago(4 * 24 * 60 * MIN), now, 'es-MX')).toBe('hace 4 días');
  });

  it('and English', () => {
    expect(relativeTime(ago(10_000), now, 'en')).toBe('now');
    expect(relativeTime(ago(5 * MIN), now, 'en')).toBe('5 minutes ago');
    expect(relativeTime(ago(24 * 60 * MIN), now, 'en')).toBe('yesterday');
  });

  it('gives the Mexico City date after a week, and "now" for a clock slightly ahead', () => {
    const old = relativeTime('2026-11-01T18:00:00Z', now, 'es-MX');
    expect(old).toContain('2026');
    expect(old).toContain('12:00');
    expect(relativeTime(new Date(now.getTime() + 5_000).toISOString(), now, 'es-MX')).toBe('ahora');
  });
});
