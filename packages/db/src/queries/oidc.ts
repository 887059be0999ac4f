import { eq, lt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { oidcSignInAttempts } from '../schema/index.ts';

export type OidcSignInAttemptRow = typeof oidcSignInAttempts.$inferSelect;

/** Records a sign-in under way, and removes the ones that expired (so the table stays small). */
export async function insertOidcSignInAttempt(db: Db, values: typeof oidcSignInAttempts.$inferInsert, now: Date): Promise<void> {
  await db.delete(oidcSignInAttempts).where(lt(oidcSignInAttempts.expiresAt, now));
  await db.insert(oidcSignInAttempts).values(values);
}

/**
 * Takes the attempt in one statement (deleted, returned): of two callbacks with the same cookie
 * exactly one gets it. An expired row is taken too; the caller refuses it.
 */
export async function takeOidcSignInAttempt(db: Db, id: string): Promise<OidcSignInAttemptRow | undefined> {
  const [row] = await db.delete(oidcSignInAttempts).where(eq(oidcSignInAttempts.id, id)).returning();
  return row;
}
