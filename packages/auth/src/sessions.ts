import { deleteSession, deleteUserSessions, extendSession, getSessionWithUser, insertSession, touchSessionSeen, type Db } from '@anc/db';
import { SESSION_SEEN_INTERVAL_MS, sessionSeenIsDue } from '@anc/domain';
import { generateSessionToken, sessionIdFromToken } from './tokens.ts';

/** A session lives 12 hours from its last extension; it is extended once half of that is spent. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export interface SessionMeta {
  ip?: string | undefined;
  userAgent?: string | undefined;
}

export async function createSession(db: Db, userId: string, meta: SessionMeta, now = new Date()) {
  const token = generateSessionToken();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  await insertSession(db, {
    id: sessionIdFromToken(token),
    userId,
    expiresAt,
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, expiresAt };
}

export type ValidatedSession = NonNullable<Awaited<ReturnType<typeof validateSessionToken>>>;

/**
 * The session and its user for a cookie value, or null. An expired session, a deactivated user
 * or a deactivated agency ends the session. `extended` tells the caller to re-send the cookie.
 * `lastSeenAt` is moved here, at most once a minute (a conditional UPDATE only when it is due).
 */
export async function validateSessionToken(db: Db, token: string, now = new Date()) {
  if (!/^[a-z2-7]{32}$/.test(token)) return null;
  const id = sessionIdFromToken(token);
  const row = await getSessionWithUser(db, id);
  if (!row) return null;
  if (now >= row.session.expiresAt || !row.user.active || !row.agency.active) {
    await deleteSession(db, id);
    return null;
  }
  let expiresAt = row.session.expiresAt;
  let extended = false;
  if (expiresAt.getTime() - now.getTime() < SESSION_TTL_MS / 2) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await extendSession(db, id, expiresAt);
    extended = true;
  }
  let lastSeenAt = row.session.lastSeenAt;
  if (sessionSeenIsDue(lastSeenAt, now)) {
    if (await touchSessionSeen(db, id, now, new Date(now.getTime() - SESSION_SEEN_INTERVAL_MS))) lastSeenAt = now;
  }
  return { sessionId: id, publicId: row.session.publicId, lastSeenAt, expiresAt, extended, user: row.user, agency: row.agency };
}

export const invalidateSession = (db: Db, sessionId: string) => deleteSession(db, sessionId);

/** Sign-out everywhere: on deactivation and on password change (keeping the caller's own session). */
export const invalidateUserSessions = (db: Db, userId: string, exceptSessionId?: string) => deleteUserSessions(db, userId, exceptSessionId);
