import { and, count, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { DomainError, decodeCursor, encodeCursor, type NotificationKind } from '@anc/domain';
import type { Db } from '../client.ts';
import { isPerson, notifications, tasks, users } from '../schema/index.ts';
import { queueNotificationMail } from './mail.ts';

export type NotificationRow = typeof notifications.$inferSelect;

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  taskId: string | null;
  data: Record<string, unknown>;
  /** Set for notifications that must exist once per user (e.g. `overdue:<dueAt ISO>`). */
  dedupeKey?: string | null;
}

/**
 * Writes notifications inside the caller's transaction (so a failed change leaves none). A row
 * whose dedupe key the user already has is skipped: written once, whoever tries twice. Every
 * notification written here also queues its e-mail in the outbox, in the same transaction, for
 * the recipients who want e-mail (`queueNotificationMail`): this is the one door every
 * notification goes through.
 */
export async function insertNotifications(tx: Db, rows: readonly NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await tx
    .insert(notifications)
    .values(rows.map((r) => ({ ...r, dedupeKey: r.dedupeKey ?? null })))
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId, kind: notifications.kind, taskId: notifications.taskId, data: notifications.data });
  await queueNotificationMail(tx, written);
  return written.length;
}

/** The active staff accounts of an agency: who is told about work assigned to it. */
export async function activeStaffIds(tx: Db, agencyId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.role, 'staff'), eq(users.active, true), isPerson));
  return rows.map((r) => r.id);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A cursor this list handed out, or BAD_REQUEST (never silently the first page, never a SQL error). */
function validCursor(cursor: string): { at: Date; id: string } {
  const after = decodeCursor(cursor);
  const at = after ? new Date(after.sortKey) : null;
  if (!after || !at || Number.isNaN(at.getTime()) || !UUID.test(after.id)) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { cursor: ['invalid_cursor'] } });
  }
  return { at, id: after.id };
}

/**
 * One user's notifications, newest first, keyset on (created_at, id). The user is part of every
 * WHERE: nobody lists anyone else's. Ordered `desc nulls last` like the index (drizzle's `.desc()`).
 */
export async function listUserNotifications(
  db: Db,
  userId: string,
  input: { cursor?: string | undefined; limit: number; unreadOnly?: boolean | undefined },
): Promise<{ rows: NotificationRow[]; nextCursor: string | null }> {
  const after = input.cursor ? validCursor(input.cursor) : null;
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, userId),
        input.unreadOnly ? isNull(notifications.readAt) : undefined,
        after ? sql`(${notifications.createdAt}, ${notifications.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
}

/** How many notifications of this user are unread (the partial index `notifications_unread_idx`). */
export async function countUnreadNotifications(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/**
 * Marks unread notifications of this user as read: the given ids, or all of them. Ids of other
 * users' notifications match nothing (the user is in the WHERE), so they are never touched.
 * Returns the ids it changed.
 */
export async function markUserNotificationsRead(tx: Db, userId: string, ids: readonly string[] | undefined, at: Date): Promise<string[]> {
  const rows = await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt), ids ? inArray(notifications.id, [...ids]) : undefined))
    .returning({ id: notifications.id });
  return rows.map((r) => r.id);
}

export interface OverdueTaskClaim {
  id: string;
  reference: string;
  title: string;
  dueAt: Date;
  assigneeAgencyId: string;
  creatorId: string;
}

/**
 * Claims up to `limit` tasks that are overdue at `now` and not yet notified for their current due
 * date, by setting `overdue_notified_for = due_at`. Rows another process is claiming right now are
 * skipped (`FOR UPDATE SKIP LOCKED`), and the outer WHERE repeats the test, so a row claimed and
 * committed meanwhile is re-checked on its newest version and left out: every (task, due date) is
 * claimed once across every API process. Call inside the transaction that writes the notifications,
 * so a failure leaves neither. `version` and `updated_at` stay: this is the job's bookkeeping, not
 * an edit (it must not make a person's save fail as stale).
 */
export async function claimOverdueTasks(tx: Db, now: Date, limit: number): Promise<OverdueTaskClaim[]> {
  // The status test is written as the partial index `tasks_active_due_idx` states it (literals, not
  // parameters), so the planner can use that index for the candidates.
  const due = and(sql`${tasks.status} not in ('done', 'cancelled')`, lt(tasks.dueAt, now), sql`${tasks.overdueNotifiedFor} is distinct from ${tasks.dueAt}`);
  const candidates = tx
    .select({ id: tasks.id })
    .from(tasks)
    .where(due)
    .orderBy(tasks.dueAt, tasks.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  return tx
    .update(tasks)
    .set({ overdueNotifiedFor: sql`${tasks.dueAt}` })
    .where(and(inArray(tasks.id, candidates), due))
    .returning({
      id: tasks.id,
      reference: tasks.reference,
      title: tasks.title,
      dueAt: tasks.dueAt,
      assigneeAgencyId: tasks.assigneeAgencyId,
      creatorId: tasks.creatorId,
    });
}

/** Active staff of several agencies at once: agency id → user ids. */
export async function activeStaffByAgency(tx: Db, agencyIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (agencyIds.length === 0) return out;
  const rows = await tx
    .select({ id: users.id, agencyId: users.agencyId })
    .from(users)
    .where(and(inArray(users.agencyId, [...agencyIds]), eq(users.role, 'staff'), eq(users.active, true), isPerson));
  for (const r of rows) out.set(r.agencyId, [...(out.get(r.agencyId) ?? []), r.id]);
  return out;
}

/** Which of these user ids are active accounts. */
export async function activeUserIds(tx: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.active, true), isPerson));
  return new Set(rows.map((r) => r.id));
}
