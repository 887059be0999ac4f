// `Idempotency-Key` for REST v1 writes (shared/API.md "REST v1"): the key row is claimed first,
// in the same transaction as the write (packages/db/src/queries/idempotency.ts). A second request
// with the same key waits on the key's unique index until the first commits, then replays its
// answer byte for byte; if the first failed and rolled back, the second runs the write itself.
// The answer is built after the commit (`idempotentWrite`), so the write holds its locks no longer
// than the same write over tRPC.
import { createHash } from 'node:crypto';
import { claimIdempotencyKey, getIdempotencyKey, recordIdempotentResult, storeIdempotentResponse, type Db } from '@anc/db';
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

/** How long a repeat waits for the first call's answer before building it from what was created. */
const ANSWER_WAIT_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface IdempotentSteps {
  /** The write, inside the key's transaction; returns the id of what it created. */
  write(tx: Db): Promise<string>;
  /** The answer for what was created, built after the commit (the same for every repeat). */
  answer(resultId: string): Promise<StoredAnswer>;
}

/**
 * Runs the write once per client and key. The key is claimed first, in the write's transaction,
 * with the id of what the write created; the answer is built and stored after the commit, so the
 * write's locks (the reference counter row) are not held while it is built. Every repeat within
 * the TTL gets the stored answer back (`replayed`), waiting briefly for it if the first call has
 * committed but not stored it yet, and building it from the created id if it never was (the first
 * process died in between); the same key with another body is UNPROCESSABLE. An error of the
 * write rolls the key back with everything else.
 */
export async function idempotentWrite(
  db: Db,
  claim: { clientId: string; key: string; body: unknown },
  steps: IdempotentSteps,
): Promise<StoredAnswer & { replayed: boolean }> {
  const bodyHash = bodyHashOf(claim.body);
  const outcome = await db.transaction(async (tx) => {
    if (await claimIdempotencyKey(tx, { clientId: claim.clientId, key: claim.key, bodyHash }, new Date())) {
      const resultId = await steps.write(tx);
      await recordIdempotentResult(tx, claim.clientId, claim.key, resultId);
      return { claimed: true as const, resultId };
    }
    const row = await getIdempotencyKey(tx, claim.clientId, claim.key);
    if (!row) throw new Error('idempotency key claimed but not found');
    if (row.bodyHash !== bodyHash) throw new DomainError('UNPROCESSABLE', 'idempotency_key_reused');
    return { claimed: false as const };
  });
  if (outcome.claimed) {
    const answer = await steps.answer(outcome.resultId);
    await storeIdempotentResponse(db, claim.clientId, claim.key, answer.status, answer.body);
    return { ...(await storedAnswer(db, claim)), replayed: false };
  }
  const deadline = Date.now() + ANSWER_WAIT_MS;
  for (;;) {
    const row = await getIdempotencyKey(db, claim.clientId, claim.key);
    if (row?.status != null && row.response != null) return { status: row.status, body: row.response, replayed: true };
    if (Date.now() >= deadline) {
      if (!row?.resultId) throw new Error('idempotency key holds neither an answer nor a result');
      const answer = await steps.answer(row.resultId);
      await storeIdempotentResponse(db, claim.clientId, claim.key, answer.status, answer.body);
      return { ...(await storedAnswer(db, claim)), replayed: true };
    }
    await sleep(20);
  }
}

/** The answer stored with the key (whoever stored it first). */
async function storedAnswer(db: Db, claim: { clientId: string; key: string }): Promise<StoredAnswer> {
  const row = await getIdempotencyKey(db, claim.clientId, claim.key);
  if (row?.status == null || row.response == null) throw new Error('idempotency answer not stored');
  return { status: row.status, body: row.response };
}
