// Second factors (docs/API.md "MFA"): pending sign-ins, TOTP authenticators, recovery codes.
import { and, count, eq, gt, isNotNull, isNull, lt, or } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { passkeys as passkeysTable, pendingSignIns, recoveryCodes, userTotp } from '../schema/index.ts';

export type PendingSignInRow = typeof pendingSignIns.$inferSelect;
export type UserTotpRow = typeof userTotp.$inferSelect;

export async function insertPendingSignIn(db: Db, values: typeof pendingSignIns.$inferInsert): Promise<void> {
  await db.insert(pendingSignIns).values(values);
}

/** The unexpired pending sign-in with this id (the hash of its token), or undefined. */
export async function findPendingSignIn(db: Db, id: string, now: Date): Promise<PendingSignInRow | undefined> {
  const [row] = await db
    .select()
    .from(pendingSignIns)
    .where(and(eq(pendingSignIns.id, id), gt(pendingSignIns.expiresAt, now)));
  return row;
}

/**
 * Deletes the pending sign-in and answers it, in one statement, only while unexpired: of two
 * parallel completions exactly one gets the row (single use).
 */
export async function consumePendingSignIn(db: Db, id: string, now: Date): Promise<PendingSignInRow | undefined> {
  const [row] = await db
    .delete(pendingSignIns)
    .where(and(eq(pendingSignIns.id, id), gt(pendingSignIns.expiresAt, now)))
    .returning();
  return row;
}

export async function deletePendingSignIn(db: Db, id: string): Promise<void> {
  await db.delete(pendingSignIns).where(eq(pendingSignIns.id, id));
}

export async function deleteUserPendingSignIns(db: Db, userId: string): Promise<void> {
  await db.delete(pendingSignIns).where(eq(pendingSignIns.userId, userId));
}

export async function deleteExpiredPendingSignIns(db: Db, now: Date): Promise<void> {
  await db.delete(pendingSignIns).where(lt(pendingSignIns.expiresAt, now));
}

/** The second factors of an account, counted by kind. */
export interface SecondFactorCounts {
  /** A confirmed TOTP authenticator. */
  totp: boolean;
  passkeys: number;
  /** Unused recovery codes (a way back in, not a factor of their own). */
  recoveryCodesLeft: number;
}

export async function getSecondFactorCounts(db: Db, userId: string): Promise<SecondFactorCounts> {
  const [totp] = await db
    .select({ n: count() })
    .from(userTotp)
    .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.confirmedAt)));
  const [codes] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  const [keys] = await db.select({ n: count() }).from(passkeysTable).where(eq(passkeysTable.userId, userId));
  return { totp: (totp?.n ?? 0) > 0, passkeys: keys?.n ?? 0, recoveryCodesLeft: codes?.n ?? 0 };
}

export async function getUserTotp(db: Db, userId: string): Promise<UserTotpRow | undefined> {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  return row;
}

/** Begins (or begins again) an enrolment: an unconfirmed secret replaces any unconfirmed one. */
export async function upsertPendingTotp(db: Db, userId: string, secret: string, now: Date): Promise<void> {
  await db
    .insert(userTotp)
    .values({ userId, secret, confirmedAt: null, lastUsedStep: null, createdAt: now })
    .onConflictDoUpdate({
      target: userTotp.userId,
      set: { secret, confirmedAt: null, lastUsedStep: null, createdAt: now },
      where: isNull(userTotp.confirmedAt),
    });
}

export async function confirmTotp(db: Db, userId: string, step: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(userTotp)
    .set({ confirmedAt: now, lastUsedStep: step })
    .where(and(eq(userTotp.userId, userId), isNull(userTotp.confirmedAt)))
    .returning({ userId: userTotp.userId });
  return rows.length === 1;
}

/**
 * Records that the code of `step` was used, only if no code of this step or a later one was:
 * of two parallel uses of one code exactly one succeeds (no replay).
 */
export async function recordTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(userTotp)
    .set({ lastUsedStep: step })
    .where(and(eq(userTotp.userId, userId), or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step))))
    .returning({ userId: userTotp.userId });
  return rows.length === 1;
}

export async function deleteUserTotp(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(userTotp).where(eq(userTotp.userId, userId)).returning({ userId: userTotp.userId });
  return rows.length;
}

/** Replaces every recovery code of the account with these hashes. */
export async function replaceRecoveryCodes(db: Db, userId: string, codeHashes: readonly string[], now: Date): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codeHashes.length) await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

/** Marks one unused code of the account used, in one statement (each code once, even in parallel). */
export async function consumeRecoveryCode(db: Db, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return rows.length === 1;
}

export async function deleteRecoveryCodes(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).returning({ id: recoveryCodes.id });
  return rows.length;
}
