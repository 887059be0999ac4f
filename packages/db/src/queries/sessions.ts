import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { agencies, sessions, signInThrottles, users } from '../schema/index.ts';

export type SessionRow = typeof sessions.$inferSelect;

export async function insertSession(db: Db, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values);
}

/**
 * Every request looks its session up, so the statement is built once per database and prepared
 * (drizzle's SQL building was a noticeable share of each request's CPU under load).
 */
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();
function prepareSessionLookup(db: Db) {
  return db
    .select({
      session: sessions,
      user: users,
      agency: { id: agencies.id, code: agencies.code, name: agencies.name, nameEn: agencies.nameEn, kind: agencies.kind, active: agencies.active },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(eq(sessions.id, sql.placeholder('sessionId')))
    .prepare('session_with_user');
}

/** The session with its user and agency, or undefined. Expiry is judged by the caller. */
export async function getSessionWithUser(db: Db, sessionId: string) {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  const [row] = await lookup.execute({ sessionId });
  return row;
}

export async function extendSession(db: Db, sessionId: string, expiresAt: Date): Promise<void> {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, sessionId));
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Ends every session of a user, except optionally the one making the change. */
export async function deleteUserSessions(db: Db, userId: string, exceptSessionId?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), exceptSessionId ? ne(sessions.id, exceptSessionId) : undefined))
    .returning({ id: sessions.id });
  return rows.length;
}

export async function deleteAgencySessions(db: Db, agencyId: string): Promise<void> {
  await db.delete(sessions).where(sql`${sessions.userId} in (select ${users.id} from ${users} where ${users.agencyId} = ${agencyId})`);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export type ThrottleRow = typeof signInThrottles.$inferSelect;

export async function getThrottle(db: Db, scope: string, key: string): Promise<ThrottleRow | undefined> {
  const [row] = await db
    .select()
    .from(signInThrottles)
    .where(and(eq(signInThrottles.scope, scope), eq(signInThrottles.key, key)));
  return row;
}

/**
 * Counts one failure atomically (safe with several API processes): a window older than
 * `windowMs` starts again at 1; reaching `limit` locks the key for `lockMs`.
 */
export async function recordThrottleFailure(
  db: Db,
  scope: string,
  key: string,
  now: Date,
  { windowMs, limit, lockMs }: { windowMs: number; limit: number; lockMs: number },
): Promise<ThrottleRow> {
  const windowStart = new Date(now.getTime() - windowMs);
  const lockUntil = new Date(now.getTime() + lockMs);
  const fresh = sql`${signInThrottles.windowStartedAt} < ${windowStart.toISOString()}::timestamptz`;
  const failures = sql`case when ${fresh} then 1 else ${signInThrottles.failures} + 1 end`;
  const [row] = await db
    .insert(signInThrottles)
    .values({ scope, key, failures: 1, windowStartedAt: now, lockedUntil: limit <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: [signInThrottles.scope, signInThrottles.key],
      set: {
        failures,
        windowStartedAt: sql`case when ${fresh} then ${now.toISOString()}::timestamptz else ${signInThrottles.windowStartedAt} end`,
        lockedUntil: sql`case when ${failures} >= ${limit} then ${lockUntil.toISOString()}::timestamptz else ${signInThrottles.lockedUntil} end`,
      },
    })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/**
 * Takes one attempt from several throttle budgets in ONE statement (a multi-row upsert), before
 * the password is verified: each row's count is read and incremented under its row lock, so N
 * parallel attempts get N distinct counts and at most `limit` of them fit a budget. A window
 * older than `windowMs` starts again at 1. Keys are taken in a fixed order (scope, key) so two
 * statements never wait on each other in a cycle.
 */
export async function takeThrottleAttempts(
  db: Db,
  keys: readonly { scope: string; key: string }[],
  now: Date,
  windowMs: number,
): Promise<ThrottleRow[]> {
  const windowStart = new Date(now.getTime() - windowMs);
  const fresh = sql`${signInThrottles.windowStartedAt} < ${windowStart.toISOString()}::timestamptz`;
  const ordered = [...keys].sort((a, b) => (a.scope + '\u0000' + a.key < b.scope + '\u0000' + b.key ? -1 : 1));
  return db
    .insert(signInThrottles)
    .values(ordered.map(({ scope, key }) => ({ scope, key, failures: 1, windowStartedAt: now, lockedUntil: null })))
    .onConflictDoUpdate({
      target: [signInThrottles.scope, signInThrottles.key],
      set: {
        failures: sql`case when ${fresh} then 1 else ${signInThrottles.failures} + 1 end`,
        windowStartedAt: sql`case when ${fresh} then ${now.toISOString()}::timestamptz else ${signInThrottles.windowStartedAt} end`,
      },
    })
    .returning();
}

/** Gives back attempts taken by a request that turned out legitimate (a successful sign-in). */
export async function clearThrottles(db: Db, keys: readonly { scope: string; key: string }[]): Promise<void> {
  for (const { scope, key } of keys) await clearThrottle(db, scope, key);
}

export async function clearThrottle(db: Db, scope: string, key: string): Promise<void> {
  await db.delete(signInThrottles).where(and(eq(signInThrottles.scope, scope), eq(signInThrottles.key, key)));
}

export async function isThrottled(db: Db, scope: string, key: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ scope: signInThrottles.scope })
    .from(signInThrottles)
    .where(and(eq(signInThrottles.scope, scope), eq(signInThrottles.key, key), gt(signInThrottles.lockedUntil, now)));
  return row !== undefined;
}
