import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { idempotencyKeys } from '../schema/index.ts';

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

/** How long a key is remembered. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/**
 * Claims `key` for the client inside the caller's transaction: true when the key is new (or its
 * earlier use is older than the TTL, then it starts afresh). A concurrent claim of the same key
 * waits on the unique index until this transaction ends; false means the key is already taken.
 */
export async function claimIdempotencyKey(tx: Db, values: { clientId: string; key: string; bodyHash: string }, now: Date): Promise<boolean> {
  const expired = sql`${now.toISOString()}::timestamptz - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`;
  const rows = await tx
    .insert(idempotencyKeys)
    .values({ ...values, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.clientId, idempotencyKeys.key],
      set: { bodyHash: values.bodyHash, status: null, response: null, resultId: null, createdAt: now },
      setWhere: lt(idempotencyKeys.createdAt, expired),
    })
    .returning({ id: idempotencyKeys.id });
  return rows.length > 0;
}

export async function getIdempotencyKey(db: Db, clientId: string, key: string): Promise<IdempotencyKeyRow | undefined> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key)));
  return row;
}

/** Records, in the write's own transaction, what the first call created. */
export async function recordIdempotentResult(tx: Db, clientId: string, key: string, resultId: string): Promise<void> {
  await tx
    .update(idempotencyKeys)
    .set({ resultId })
    .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key)));
}

/** Stores the answer a claimed key replays, unless one is already stored (the first answer wins). */
export async function storeIdempotentResponse(db: Db, clientId: string, key: string, status: number, response: string): Promise<void> {
  await db
    .update(idempotencyKeys)
    .set({ status, response })
    .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.response)));
}

/** Forgets keys past their TTL (a periodic clean-up; a stale key is already treated as new). */
export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`${now.toISOString()}::timestamptz - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`))
    .returning({ id: idempotencyKeys.id });
  return rows.length;
}
