import { and, asc, count, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, max, notInArray, sql } from 'drizzle-orm';
import { createdAtCursor, encodeCursor, type IncidentAudienceFacts, type NotificationKind, type NotifiedPerson, type ObligationKind } from '@anc/domain';
import type { Db } from '../client.ts';
import { incidentShares, incidents, isPerson, notifications, tasks, users } from '../schema/index.ts';
import { queueNotificationMail } from './mail.ts';

export type NotificationRow = typeof notifications.$inferSelect;

/** One notification to write: about a task (`taskId`) or an incident (`incidentId`), exactly one of them. */
export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  taskId?: string | null;
  incidentId?: string | null;
  /** About an advisory (schema/advisories.ts). */
  advisoryId?: string | null;
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
    .values(
      rows.map((r) => ({ ...r, taskId: r.taskId ?? null, incidentId: r.incidentId ?? null, advisoryId: r.advisoryId ?? null, dedupeKey: r.dedupeKey ?? null })),
    )
    .onConflictDoNothing()
    .returning({
      id: notifications.id,
      userId: notifications.userId,
      kind: notifications.kind,
      taskId: notifications.taskId,
      incidentId: notifications.incidentId,
      advisoryId: notifications.advisoryId,
      data: notifications.data,
    });
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

/**
 * One user's notifications, newest first, keyset on (created_at, id). The user is part of every
 * WHERE: nobody lists anyone else's. Ordered `desc nulls last` like the index (drizzle's `.desc()`).
 */
export async function listUserNotifications(
  db: Db,
  userId: string,
  input: { cursor?: string | undefined; limit: number; unreadOnly?: boolean | undefined },
): Promise<{ rows: NotificationRow[]; nextCursor: string | null }> {
  const after = input.cursor ? createdAtCursor(input.cursor) : null;
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
  const candidates = tx.select({ id: tasks.id }).from(tasks).where(due).orderBy(tasks.dueAt, tasks.id).limit(limit).for('update', { skipLocked: true });
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

const personColumns = { id: users.id, role: users.role, agencyId: users.agencyId };

/** Active staff (people, not API clients) of these agencies, with what the read rules need. */
export async function activeStaffOf(tx: Db, agencyIds: readonly string[]): Promise<NotifiedPerson[]> {
  if (agencyIds.length === 0) return [];
  return tx
    .select(personColumns)
    .from(users)
    .where(and(inArray(users.agencyId, [...agencyIds]), eq(users.role, 'staff'), eq(users.active, true), isPerson));
}

/** Active staff of every agency but these: who an incident shared with every agency reaches. */
export async function activeStaffExcept(tx: Db, agencyIds: readonly string[]): Promise<NotifiedPerson[]> {
  return tx
    .select(personColumns)
    .from(users)
    .where(and(agencyIds.length ? notInArray(users.agencyId, [...agencyIds]) : undefined, eq(users.role, 'staff'), eq(users.active, true), isPerson));
}

/** Every active coordinator. */
export async function activeCoordinators(tx: Db): Promise<NotifiedPerson[]> {
  return tx
    .select(personColumns)
    .from(users)
    .where(and(eq(users.role, 'coordinator'), eq(users.active, true), isPerson));
}

/** These accounts, when active. */
export async function activePeople(tx: Db, ids: readonly string[]): Promise<NotifiedPerson[]> {
  if (ids.length === 0) return [];
  return tx
    .select(personColumns)
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.active, true), isPerson));
}

/**
 * What the domain's `incidentReaders` needs about incidents, for every reader at once (TLP,
 * reporting agency, the agencies it is shared with by name, shared with all), read inside the
 * caller's transaction: who may read it *now*, after the change being announced.
 */
export async function incidentAudienceFacts(tx: Db, ids: readonly string[]): Promise<Map<string, IncidentAudienceFacts>> {
  const out = new Map<string, IncidentAudienceFacts>();
  if (ids.length === 0) return out;
  const rows = await tx
    .select({ id: incidents.id, agencyId: incidents.agencyId, tlp: incidents.tlp, status: incidents.status, sharedWithAllAt: incidents.sharedWithAllAt })
    .from(incidents)
    .where(inArray(incidents.id, [...ids]));
  const shares = await tx
    .select({ incidentId: incidentShares.incidentId, agencyId: incidentShares.agencyId })
    .from(incidentShares)
    .where(inArray(incidentShares.incidentId, [...ids]));
  for (const r of rows) {
    out.set(r.id, {
      agencyId: r.agencyId,
      tlp: r.tlp,
      status: r.status,
      sharedAgencyIds: shares.filter((s) => s.incidentId === r.id).map((s) => s.agencyId),
      sharedWithAll: r.sharedWithAllAt !== null,
    });
  }
  return out;
}

export interface ObligationReminderClaim {
  id: string;
  reference: string;
  title: string;
  agencyId: string;
  obligation: ObligationKind;
  dueAt: Date;
}

/**
 * Claims up to `limit` incidents whose next obligation (the stored `next_obligation_*` columns,
 * null once everything is filed or the clocks stopped) is in `state` at `now` and not yet reminded
 * for its due date, by setting `due_soon_reminded_for` / `overdue_reminded_for = next_obligation_due_at`.
 * Like `claimOverdueTasks`: rows another process holds are skipped and the outer WHERE re-checks
 * the newest version, so every (incident, obligation due date, state) is claimed once across every
 * API process; `version` and `updated_at` stay (bookkeeping, not an edit). Due soon means
 * `soon_at <= now <= due_at` (the domain's `nextObligationState`): an obligation first seen when
 * already overdue gets only the overdue reminder.
 */
export async function claimObligationReminders(tx: Db, state: 'due_soon' | 'overdue', now: Date, limit: number): Promise<ObligationReminderClaim[]> {
  const mark = state === 'overdue' ? incidents.overdueRemindedFor : incidents.dueSoonRemindedFor;
  const inState =
    state === 'overdue' ? lt(incidents.nextObligationDueAt, now) : and(lte(incidents.nextObligationSoonAt, now), gte(incidents.nextObligationDueAt, now));
  const due = and(isNotNull(incidents.nextObligationDueAt), inState, sql`${mark} is distinct from ${incidents.nextObligationDueAt}`);
  const candidates = tx
    .select({ id: incidents.id })
    .from(incidents)
    .where(due)
    .orderBy(incidents.nextObligationDueAt, incidents.id)
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await tx
    .update(incidents)
    .set(state === 'overdue' ? { overdueRemindedFor: sql`${incidents.nextObligationDueAt}` } : { dueSoonRemindedFor: sql`${incidents.nextObligationDueAt}` })
    .where(and(inArray(incidents.id, candidates), due))
    .returning({
      id: incidents.id,
      reference: incidents.reference,
      title: incidents.title,
      agencyId: incidents.agencyId,
      obligation: incidents.nextObligationKind,
      dueAt: incidents.nextObligationDueAt,
    });
  return rows.flatMap((r) => (r.obligation && r.dueAt ? [{ ...r, obligation: r.obligation, dueAt: r.dueAt }] : []));
}

/** What the live bell says about one notification: which one, never what it is about. */
export interface NotificationMark {
  id: string;
  seq: number;
}

/**
 * This user's notifications with a sequence number above `afterSeq`, in sequence order (the
 * index on (user_id, seq)): what a reconnecting event stream missed.
 */
export async function notificationsAfterSeq(db: Db, userId: string, afterSeq: number, limit: number): Promise<NotificationMark[]> {
  return db
    .select({ id: notifications.id, seq: notifications.seq })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), gt(notifications.seq, afterSeq)))
    .orderBy(asc(notifications.seq))
    .limit(limit);
}

/** Of these sequence numbers, the ones that are this user's notifications (a NOTIFY names them). */
export async function notificationsBySeq(db: Db, userId: string, seqs: readonly number[]): Promise<NotificationMark[]> {
  if (seqs.length === 0) return [];
  return db
    .select({ id: notifications.id, seq: notifications.seq })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), inArray(notifications.seq, [...seqs])))
    .orderBy(asc(notifications.seq));
}

/** The highest sequence number of this user's notifications, 0 when there is none. */
export async function latestNotificationSeq(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ seq: max(notifications.seq) })
    .from(notifications)
    .where(eq(notifications.userId, userId));
  return Number(row?.seq ?? 0);
}
