import { and, eq, gt, isNotNull, isNull, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { passwordResetTokens } from '../schema/index.ts';

export type PasswordResetTokenRow = typeof passwordResetTokens.$inferSelect;

export async function insertPasswordResetToken(db: Db, values: typeof passwordResetTokens.$inferInsert): Promise<PasswordResetTokenRow> {
  const [row] = await db.insert(passwordResetTokens).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The unused, unexpired token of an account with this hash, or undefined. */
export async function findRedeemableResetToken(db: Db, tokenHash: string, now: Date): Promise<PasswordResetTokenRow | undefined> {
  const [row] = await db
    .select()
    .from(passwordResetTokens)
    .where(
      and(
        eq(passwordResetTokens.tokenHash, tokenHash),
        isNull(passwordResetTokens.usedAt),
        gt(passwordResetTokens.expiresAt, now),
        isNotNull(passwordResetTokens.userId),
      ),
    );
  return row;
}

/**
 * Marks the token used in one statement, only while it is still unused and unexpired: of two
 * parallel redemptions exactly one gets the row back.
 */
export async function consumeResetToken(db: Db, id: string, now: Date): Promise<PasswordResetTokenRow | undefined> {
  const [row] = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.id, id), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
    .returning();
  return row;
}

/** Every other outstanding link of the account stops working (after a reset). Returns how many. */
export async function revokeUserResetTokens(db: Db, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(passwordResetTokens)
    .set({ usedAt: now })
    .where(and(eq(passwordResetTokens.userId, userId), isNull(passwordResetTokens.usedAt)))
    .returning({ id: passwordResetTokens.id });
  return rows.length;
}

/** Forgets links that expired before `before` (the table stays small; the audit log keeps the requests). */
export async function deleteStaleResetTokens(db: Db, before: Date): Promise<void> {
  await db.delete(passwordResetTokens).where(lt(passwordResetTokens.expiresAt, before));
}
