import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';

/** The hash of the row before the first one in the chain. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Rows left unsealed longer than this are reported by verification. */
export const AUDIT_UNSEALED_GRACE_MS = 5_000;

export interface AuditChainRow {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  diff: unknown;
  origin: unknown;
}

/** JSON with object keys sorted at every depth, so equal content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash(n) = SHA-256(prevHash ‖ canonical(row n)), hex. */
export function auditRowHash(prevHash: string, row: AuditChainRow): string {
  const body = canonicalJson({
    seq: row.seq,
    occurredAt: row.occurredAt.toISOString(),
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    diff: row.diff,
    origin: row.origin,
  });
  return encodeHexLowerCase(sha256(new TextEncoder().encode(prevHash + body)));
}

/**
 * The fields that changed between two versions of an entity: `{ field: [before, after] }`.
 * Secrets never enter the log: pass objects without them.
 */
export function auditDiff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, [unknown, unknown]> {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const diff: Record<string, [unknown, unknown]> = {};
  for (const key of keys) {
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (canonicalJson(a) !== canonicalJson(b)) diff[key] = [a, b];
  }
  return diff;
}

export interface ChainCheckRow extends AuditChainRow {
  prevHash: string;
  hash: string;
}

/**
 * Walks sealed rows in `seq` order. Returns the first seq whose stored links or content do not
 * match (altered, removed or reordered rows), or null when the chain holds.
 * `expectedPrev`/`expectedSeq` let a caller verify the chain in pages.
 */
export function firstBrokenLink(
  rows: readonly ChainCheckRow[],
  start: { expectedSeq: number; expectedPrev: string },
): { brokenSeq: number | null; next: { expectedSeq: number; expectedPrev: string } } {
  let { expectedSeq, expectedPrev } = start;
  for (const row of rows) {
    if (row.seq !== expectedSeq || row.prevHash !== expectedPrev || auditRowHash(row.prevHash, row) !== row.hash) {
      return { brokenSeq: Math.min(row.seq, expectedSeq), next: { expectedSeq, expectedPrev } };
    }
    expectedSeq = row.seq + 1;
    expectedPrev = row.hash;
  }
  return { brokenSeq: null, next: { expectedSeq, expectedPrev } };
}
