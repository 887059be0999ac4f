// `Idempotency-Key` for REST v1 writes (docs/API.md "REST v1"): the key row is claimed first,
// in the same transaction as the write and naming the id the write will give what it creates
// (packages/db/src/queries/idempotency.ts). A second request
// with the same key waits on the key's unique index until the first commits, then replays its
// answer byte for byte; if the first failed and rolled back, the second runs the write itself.
// The answer is built after the commit (`idempotentWrite`), so the write holds its locks no longer
// than the same write over tRPC.
import { createHash, randomUUID } from 'node:crypto';
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

/** How long a repeat waits for the first call's answer before building it from what was created. */
const ANSWER_WAIT_MS = 2_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface IdempotentSteps<Created> {
  /** The write, inside the key's transaction, creating its object with the id given. */
  write(tx: Db, id: string): Promise<Created>;
  /** The first call's answer, from what its write returned, built after the commit. */
  answer(created: Created): Promise<StoredAnswer>;
  /** The same answer from the created object's id alone (a repeat whose first call stored none). */
  rebuild(resultId: string): Promise<StoredAnswer>;
}

/**
 * Runs the write once per client and key. The key is claimed first, in the write's transaction,
 * with the id the write then gives what it creates (chosen here, so the claim is the only extra
 * statement in the transaction); the answer is built and stored after the commit, so the write's
 * locks (the reference counter row) are not held while it is built. Every repeat within the TTL
 * gets the stored answer back (`replayed`), waiting briefly for it if the first call has committed
 * but not stored it yet, and rebuilding it from the created id if it never was (the first process
 * died in between); the same key with another body is UNPROCESSABLE. An error of the write rolls
 * the key back with everything else.
 */
export async function idempotentWrite<Created>(
  db: Db,
  claim: { clientId: string; key: string; body: unknown },
  steps: IdempotentSteps<Created>,
): Promise<StoredAnswer & { replayed: boolean }> {
  const bodyHash = bodyHashOf(claim.body);
  const resultId = randomUUID();
  const outcome = await db.transaction(async (tx) => {
    if (await claimIdempotencyKey(tx, { clientId: claim.clientId, key: claim.key, bodyHash, resultId }, new Date())) {
      return { claimed: true as const, created: await steps.write(tx, resultId) };
    }
    const row = await getIdempotencyKey(tx, claim.clientId, claim.key);
    if (!row) throw new Error('idempotency key claimed but not found');
    if (row.bodyHash !== bodyHash) throw new DomainError('UNPROCESSABLE', 'idempotency_key_reused');
    return { claimed: false as const };
  });
  if (outcome.claimed) return { ...(await store(db, claim, await steps.answer(outcome.created))), replayed: false };
  const deadline = Date.now() + ANSWER_WAIT_MS;
  for (;;) {
    const row = await getIdempotencyKey(db, claim.clientId, claim.key);
    if (row?.status != null && row.response != null) return { status: row.status, body: row.response, replayed: true };
    if (Date.now() >= deadline) {
      if (!row?.resultId) throw new Error('idempotency key holds neither an answer nor a result');
      return { ...(await store(db, claim, await steps.rebuild(row.resultId))), replayed: true };
    }
    await sleep(20);
  }
}

/** Stores the answer unless another was stored first, and answers whichever is stored. */
async function store(db: Db, claim: { clientId: string; key: string }, answer: StoredAnswer): Promise<StoredAnswer> {
  if (await storeIdempotentResponse(db, claim.clientId, claim.key, answer.status, answer.body)) return answer;
  const row = await getIdempotencyKey(db, claim.clientId, claim.key);
  if (row?.status == null || row.response == null) throw new Error('idempotency answer not stored');
  return { status: row.status, body: row.response };
}
