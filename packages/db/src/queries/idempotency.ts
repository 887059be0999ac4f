import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { idempotencyKeys } from '../schema/index.ts';

export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;

/** How long a key is remembered. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;

/**
 * Claims `key` for the client inside the caller's transaction, naming what the write will create
 * (`resultId`, an id chosen before the write): true when the key is new (or its earlier use is
 * older than the TTL, then it starts afresh). A concurrent claim of the same key waits on the
 * unique index until this transaction ends; false means the key is already taken. The result id
 * commits with the write or not at all, so a repeat that finds no stored answer can rebuild it.
 */
export async function claimIdempotencyKey(tx: Db, values: { clientId: string; key: string; bodyHash: string; resultId: string }, now: Date): Promise<boolean> {
  const expired = sql`${now.toISOString()}::timestamptz - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`;
  const rows = await tx
    .insert(idempotencyKeys)
    .values({ ...values, createdAt: now })
    .onConflictDoUpdate({
      target: [idempotencyKeys.clientId, idempotencyKeys.key],
      set: { bodyHash: values.bodyHash, status: null, response: null, resultId: values.resultId, createdAt: now },
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

/**
 * Stores the answer a claimed key replays, unless one is already stored (the first answer wins):
 * true when this one was stored.
 */
export async function storeIdempotentResponse(db: Db, clientId: string, key: string, status: number, response: string): Promise<boolean> {
  const rows = await db
    .update(idempotencyKeys)
    .set({ status, response })
    .where(and(eq(idempotencyKeys.clientId, clientId), eq(idempotencyKeys.key, key), isNull(idempotencyKeys.response)))
    .returning({ id: idempotencyKeys.id });
  return rows.length > 0;
}

/** Forgets keys past their TTL (a periodic clean-up; a stale key is already treated as new). */
export async function purgeIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, sql`${now.toISOString()}::timestamptz - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`))
    .returning({ id: idempotencyKeys.id });
  return rows.length;
}
