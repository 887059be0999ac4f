import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { agencies, isPerson, notifications, users } from '../schema/index.ts';
import type { NotificationRow } from './notifications.ts';

export interface DigestRecipient {
  id: string;
  email: string;
  name: string;
  locale: 'es-MX' | 'en';
  role: 'staff' | 'coordinator' | 'admin';
  agencyId: string;
  /** Where the previous digest's window ended (null: the first digest). */
  previousDigestAt: Date | null;
}

/**
 * Claims up to `limit` people due a daily digest at `dueAt` (e-mail on, digest `daily`, active,
 * of an active agency, and no digest since `dueAt`) by setting `last_digest_at = now`. Rows
 * another process is claiming are skipped (`FOR UPDATE SKIP LOCKED`; a row another process
 * claimed and committed meanwhile is re-checked on its newest version and left out), so each
 * person is claimed once a day across every API process. Call inside the
 * transaction that queues the mails. Bookkeeping, not an edit: `version` and `updated_at` stay.
 */
export async function claimDigestRecipients(tx: Db, dueAt: Date, now: Date, limit: number): Promise<DigestRecipient[]> {
  const due = and(
    eq(users.digest, 'daily'),
    eq(users.emailNotifications, true),
    eq(users.active, true),
    isPerson,
    sql`(${users.lastDigestAt} is null or ${users.lastDigestAt} < ${dueAt.toISOString()}::timestamptz)`,
    sql`exists (select 1 from ${agencies} where ${agencies.id} = ${users.agencyId} and ${agencies.active})`,
  );
  // Locked here (skipping rows another process holds), so the update below cannot race; the
  // previous `last_digest_at` is what the window of this digest starts from.
  const claimed = await tx
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      role: users.role,
      agencyId: users.agencyId,
      previousDigestAt: users.lastDigestAt,
    })
    .from(users)
    .where(due)
    .orderBy(users.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  if (claimed.length === 0) return [];
  await tx
    .update(users)
    .set({ lastDigestAt: now })
    .where(
      inArray(
        users.id,
        claimed.map((r) => r.id),
      ),
    );
  return claimed;
}

/** One user's notifications created after `after` and up to `upTo`, oldest first. */
export async function notificationsBetween(db: Db, userId: string, after: Date, upTo: Date): Promise<NotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gt(notifications.createdAt, after), lte(notifications.createdAt, upTo)))
    .orderBy(asc(notifications.createdAt), asc(notifications.id));
}
