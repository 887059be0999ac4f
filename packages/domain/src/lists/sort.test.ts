import { describe, expect, it } from 'vitest';
import { IncidentSort, TaskSort, defaultDirectionOf, effectiveSort, sortCursorKey, sortCursorValue } from './sort.ts';

describe('list sorts', () => {
  it('a column first sorts the way a reader expects', () => {
    expect(['reported', 'severity', 'status', 'deadline', 'reference'].map((k) => defaultDirectionOf(k as 'reported'))).toEqual([
      'desc',
      'desc',
      'asc',
      'asc',
      'asc',
    ]);
    expect(effectiveSort({}, 'reported')).toEqual({ sort: 'reported', dir: 'desc' });
    expect(effectiveSort({ sort: 'deadline' }, 'reported')).toEqual({ sort: 'deadline', dir: 'asc' });
    expect(effectiveSort({ sort: 'severity', dir: 'asc' }, 'reported')).toEqual({ sort: 'severity', dir: 'asc' });
  });

  it('a cursor key belongs to one sort and direction', () => {
    const key = sortCursorKey('severity', 'desc', '4');
    expect(sortCursorValue(key, 'severity', 'desc')).toBe('4');
    expect(sortCursorValue(key, 'severity', 'asc')).toBeNull();
    expect(sortCursorValue(key, 'status', 'desc')).toBeNull();
    expect(sortCursorValue('2026-01-01T00:00:00.000Z', 'severity', 'desc')).toBeNull();
  });

  it('only the listed columns', () => {
    expect(IncidentSort.safeParse({ sort: 'title' }).success).toBe(false);
    expect(TaskSort.safeParse({ sort: 'due', dir: 'up' }).success).toBe(false);
    expect(TaskSort.safeParse({ sort: 'priority', dir: 'desc' }).success).toBe(true);
  });
});
