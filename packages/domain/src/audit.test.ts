import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS_HASH, auditDiff, auditRowHash, canonicalJson, firstBrokenLink, type ChainCheckRow } from './audit.ts';
import { formatMxDateTime } from './time.ts';

function chain(n: number): ChainCheckRow[] {
  const rows: ChainCheckRow[] = [];
  let prev = AUDIT_GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const row = {
      seq,
      occurredAt: new Date(Date.UTC(2026, 10, 21, 6, 0, seq)),
      actorId: 'u1',
      action: 'user.create',
      entityType: 'user',
      entityId: `e${seq}`,
      diff: { name: [null, `n${seq}`] },
      origin: { ip: '127.0.0.1' },
    };
    const hash = auditRowHash(prev, row);
    rows.push({ ...row, prevHash: prev, hash });
    prev = hash;
  }
  return rows;
}

describe('audit chain', () => {
  const start = { expectedSeq: 1, expectedPrev: AUDIT_GENESIS_HASH };
  it('holds for an untouched chain', () => {
    expect(firstBrokenLink(chain(5), start).brokenSeq).toBeNull();
  });
  it('finds an altered row', () => {
    const rows = chain(5);
    const third = rows[2];
    if (!third) throw new Error('chain too short');
    rows[2] = { ...third, diff: { name: [null, 'otro'] } };
    expect(firstBrokenLink(rows, start).brokenSeq).toBe(3);
  });
  it('finds a removed row', () => {
    const rows = chain(5);
    rows.splice(1, 1);
    expect(firstBrokenLink(rows, start).brokenSeq).toBe(2);
  });
  it('verifies in pages', () => {
    const rows = chain(6);
    const first = firstBrokenLink(rows.slice(0, 3), start);
    expect(firstBrokenLink(rows.slice(3), first.next).brokenSeq).toBeNull();
  });
  it('hashes key order independently', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [3] } })).toBe('{"a":{"c":[3],"d":2},"b":1}');
  });
  it('diffs only changed fields', () => {
    expect(auditDiff({ a: 1, b: 2 }, { a: 1, b: 3, c: 4 })).toEqual({ b: [2, 3], c: [null, 4] });
    expect(auditDiff(null, { a: 1 })).toEqual({ a: [null, 1] });
  });
});

describe('time', () => {
  it('shows UTC instants in Mexico City time (UTC-6, no daylight saving)', () => {
    expect(formatMxDateTime('2026-07-01T18:30:00Z', 'es-MX')).toMatch(/12:30/);
    expect(formatMxDateTime('2026-01-01T05:59:00Z', 'en')).toMatch(/Dec 31, 2025.*23:59/);
  });
});
