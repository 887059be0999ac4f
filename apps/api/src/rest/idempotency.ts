// `Idempotency-Key` for REST v1 writes (shared/API.md "REST v1"): the key row is claimed first,
// in the same transaction as the write (packages/db/src/queries/idempotency.ts). A second request
// with the same key waits on the key's unique index until the first commits, then replays its
// answer byte for byte; if the first failed and rolled back, the second runs the write itself.
import { createHash } from 'node:crypto';
import { claimIdempotencyKey, getIdempotencyKey, storeIdempotentResponse, type Db } from '@anc/db';
import { DomainError } from '@anc/domain';

/** 1–200 visible ASCII characters (U+0021–U+007E). */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7E]{1,200}$/;

/** The header's value, or null when absent; a malformed key is refused (BAD_REQUEST). */
export function idempotencyKeyOf(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  if (typeof header !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new DomainError('BAD_REQUEST', 'invalid_idempotency_key', { fieldErrors: { 'Idempotency-Key': ['invalid_idempotency_key'] } });
  }
  return header;
}

/** JSON with object keys sorted at every level: the same body hashes the same however it is spelled. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const bodyHashOf = (body: unknown): string => createHash('sha256').update(canonicalJson(body)).digest('hex');

export interface StoredAnswer {
  status: number;
  /** The JSON text sent, kept as is so that a replay is byte-identical. */
  body: string;
}

/**
 * Runs `write` once per client and key: the first call's answer is stored with the key and
 * every repeat within the TTL gets it back (`replayed`); the same key with another body is
 * UNPROCESSABLE. An error of `write` rolls the key back with everything else.
 */
export async function idempotentWrite(
  db: Db,
  claim: { clientId: string; key: string; body: unknown },
  write: (tx: Db) => Promise<StoredAnswer>,
): Promise<StoredAnswer & { replayed: boolean }> {
  const bodyHash = bodyHashOf(claim.body);
  return db.transaction(async (tx) => {
    if (await claimIdempotencyKey(tx, { clientId: claim.clientId, key: claim.key, bodyHash }, new Date())) {
      const answer = await write(tx);
      await storeIdempotentResponse(tx, claim.clientId, claim.key, answer.status, answer.body);
      return { ...answer, replayed: false };
    }
    const row = await getIdempotencyKey(tx, claim.clientId, claim.key);
    if (!row || row.status === null || row.response === null) throw new Error('idempotency key claimed but holds no answer');
    if (row.bodyHash !== bodyHash) throw new DomainError('UNPROCESSABLE', 'idempotency_key_reused');
    return { status: row.status, body: row.response, replayed: true };
  });
}
