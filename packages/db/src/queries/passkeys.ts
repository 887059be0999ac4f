import { and, asc, count, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { passkeys, webauthnChallenges } from '../schema/index.ts';

export type PasskeyRow = typeof passkeys.$inferSelect;
export type WebauthnChallengePurpose = 'registration' | 'authentication';

/** The passkeys of one account, oldest first. */
export function listUserPasskeys(db: Db, userId: string): Promise<PasskeyRow[]> {
  return db.select().from(passkeys).where(eq(passkeys.userId, userId)).orderBy(asc(passkeys.createdAt), asc(passkeys.id));
}

export async function countUserPasskeys(db: Db, userId: string): Promise<number> {
  return (await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId)))[0]?.n ?? 0;
}

/** One passkey of this account (another account's id answers undefined). */
export async function getUserPasskey(db: Db, userId: string, id: string): Promise<PasskeyRow | undefined> {
  const [row] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)));
  return row;
}

/** The passkey of this account with this credential id (as an assertion names it). */
export async function getUserPasskeyByCredentialId(db: Db, userId: string, credentialId: string): Promise<PasskeyRow | undefined> {
  const [row] = await db
    .select()
    .from(passkeys)
    .where(and(eq(passkeys.credentialId, credentialId), eq(passkeys.userId, userId)));
  return row;
}

export async function passkeyCredentialExists(db: Db, credentialId: string): Promise<boolean> {
  const [row] = await db.select({ id: passkeys.id }).from(passkeys).where(eq(passkeys.credentialId, credentialId));
  return row !== undefined;
}

export async function insertPasskey(db: Db, values: typeof passkeys.$inferInsert): Promise<PasskeyRow> {
  const [row] = await db.insert(passkeys).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function renameUserPasskey(db: Db, userId: string, id: string, name: string): Promise<PasskeyRow | undefined> {
  const [row] = await db
    .update(passkeys)
    .set({ name })
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning();
  return row;
}

export async function deleteUserPasskey(db: Db, userId: string, id: string): Promise<PasskeyRow | undefined> {
  const [row] = await db
    .delete(passkeys)
    .where(and(eq(passkeys.id, id), eq(passkeys.userId, userId)))
    .returning();
  return row;
}

/** Every passkey of an account (an admin's reset of its factors). Returns how many. */
export async function deleteAllUserPasskeys(db: Db, userId: string): Promise<number> {
  const rows = await db.delete(passkeys).where(eq(passkeys.userId, userId)).returning({ id: passkeys.id });
  return rows.length;
}

/**
 * Records a successful assertion: the new counter, only while the stored one is still the value
 * the assertion was checked against (of two parallel uses of one assertion, one wins).
 */
export async function recordPasskeyUse(db: Db, id: string, expectedCounter: number, newCounter: number, now: Date): Promise<boolean> {
  const rows = await db
    .update(passkeys)
    .set({ counter: newCounter, lastUsedAt: now })
    .where(and(eq(passkeys.id, id), eq(passkeys.counter, expectedCounter)))
    .returning({ id: passkeys.id });
  return rows.length === 1;
}

export async function insertWebauthnChallenge(
  db: Db,
  values: { userId: string; purpose: WebauthnChallengePurpose; challenge: string; expiresAt: Date },
): Promise<void> {
  await db.insert(webauthnChallenges).values(values);
}

/**
 * Takes a challenge in one statement: deleted and returned only if it belongs to this account and
 * purpose and has not expired, so of two uses exactly one gets it.
 */
export async function takeWebauthnChallenge(
  db: Db,
  where: { userId: string; purpose: WebauthnChallengePurpose; challenge: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .delete(webauthnChallenges)
    .where(
      and(
        eq(webauthnChallenges.challenge, where.challenge),
        eq(webauthnChallenges.userId, where.userId),
        eq(webauthnChallenges.purpose, where.purpose),
        gt(webauthnChallenges.expiresAt, where.now),
      ),
    )
    .returning({ id: webauthnChallenges.id });
  return rows.length === 1;
}

/** Forgets challenges that expired before `before` (the table holds only live ceremonies). */
export async function deleteStaleWebauthnChallenges(db: Db, before: Date): Promise<void> {
  await db.delete(webauthnChallenges).where(lt(webauthnChallenges.expiresAt, before));
}
