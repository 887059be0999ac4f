// Test set-up for the notification tests: tasks written straight into the table (the way the
// tasks API writes them) and lookups of the seeded demo agencies and accounts.
import { randomBytes } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { agencies, notifications, tasks, users, type Db } from '@anc/db';

export async function agencyId(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  if (!row) throw new Error(`no agency ${code}`);
  return row.id;
}

export async function userId(db: Db, email: string): Promise<string> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

/** A task row with a unique reference; `dueAt` may be in the past (an overdue task). */
export async function insertTask(
  db: Db,
  values: { assigneeAgencyId: string; creatorId: string; dueAt: Date; title?: string; status?: (typeof tasks.$inferInsert)['status'] },
) {
  const reference = `TSK-2026-${randomBytes(4).toString('hex')}`;
  const [row] = await db
    .insert(tasks)
    .values({ reference, title: values.title ?? `Aplicar el parche de seguridad ${reference}`, ...values })
    .returning();
  if (!row) throw new Error('task not written');
  return row;
}

/** The notifications of one user about one task. */
export async function notificationsOf(db: Db, user: string, task: string) {
  return db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, user), eq(notifications.taskId, task)));
}

export const HOUR = 3_600_000;
