import { and, desc, eq, gt, lt, lte, ne, sql } from 'drizzle-orm';
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

/**
 * Moves `lastSeenAt` to `now` only if it is not newer than `seenBefore`: one conditional UPDATE, so
 * parallel requests of one session write it once, and a recent value is never written again.
 */
export async function touchSessionSeen(db: Db, sessionId: string, now: Date, seenBefore: Date): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), lte(sessions.lastSeenAt, seenBefore)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

/** A person's sessions that have not expired, the most recently seen first. */
export async function listUserSessions(db: Db, userId: string, now: Date) {
  return db
    .select({
      id: sessions.id,
      publicId: sessions.publicId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

/**
 * Ends one session of this person by its public id; the person is in the WHERE clause, so another
 * person's session is never touched. Returns the ended session's key, or undefined.
 */
export async function deleteUserSessionByPublicId(db: Db, userId: string, publicId: string): Promise<{ id: string } | undefined> {
  const [row] = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), eq(sessions.publicId, publicId)))
    .returning({ id: sessions.id });
  return row;
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
 * Takes one attempt from a throttle budget in one statement, before the password is verified:
 * the count is incremented and returned under the row's lock, so N parallel attempts get N
 * distinct counts and at most `limit` of them fit. A window older than `windowMs` starts again at 1.
 */
export async function takeThrottleAttempt(db: Db, scope: string, key: string, now: Date, windowMs: number): Promise<ThrottleRow> {
  const windowStart = new Date(now.getTime() - windowMs);
  const fresh = sql`${signInThrottles.windowStartedAt} < ${windowStart.toISOString()}::timestamptz`;
  const [row] = await db
    .insert(signInThrottles)
    .values({ scope, key, failures: 1, windowStartedAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: [signInThrottles.scope, signInThrottles.key],
      set: {
        failures: sql`case when ${fresh} then 1 else ${signInThrottles.failures} + 1 end`,
        windowStartedAt: sql`case when ${fresh} then ${now.toISOString()}::timestamptz else ${signInThrottles.windowStartedAt} end`,
      },
    })
    .returning();
  if (!row) throw new Error('upsert returned no row');
  return row;
}

/** Gives one attempt back (an attempt that turned out legitimate), never below zero. */
export async function refundThrottleAttempt(db: Db, scope: string, key: string): Promise<void> {
  await db
    .update(signInThrottles)
    .set({ failures: sql`greatest(${signInThrottles.failures} - 1, 0)` })
    .where(and(eq(signInThrottles.scope, scope), eq(signInThrottles.key, key)));
}

export async function clearThrottle(db: Db, scope: string, key: string): Promise<void> {
  await db.delete(signInThrottles).where(and(eq(signInThrottles.scope, scope), eq(signInThrottles.key, key)));
}
