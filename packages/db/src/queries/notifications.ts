import { and, eq } from 'drizzle-orm';
import type { NotificationKind } from '@anc/domain';
import type { Db } from '../client.ts';
import { notifications, users } from '../schema/index.ts';

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
 * whose dedupe key the user already has is skipped: written once, whoever tries twice.
 */
export async function insertNotifications(tx: Db, rows: readonly NewNotification[]): Promise<number> {
  if (rows.length === 0) return 0;
  const written = await tx
    .insert(notifications)
    .values(rows.map((r) => ({ ...r, dedupeKey: r.dedupeKey ?? null })))
    .onConflictDoNothing()
    .returning({ id: notifications.id });
  return written.length;
}

/** The active staff accounts of an agency: who is told about work assigned to it. */
export async function activeStaffIds(tx: Db, agencyId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.agencyId, agencyId), eq(users.role, 'staff'), eq(users.active, true)));
  return rows.map((r) => r.id);
}
