import { activeStaffIds, insertNotifications, type Db } from '@anc/db';
import type { NotificationKind } from '@anc/domain';

/** The facts about a task a notification needs. */
export interface NotifiedTask {
  id: string;
  reference: string;
  title: string;
  assigneeAgencyId: string;
  creatorId: string;
}

/** Kinds that go to the assignee agency's staff; the rest (`task_in_review`) go to the creating coordinator. */
const TO_AGENCY: readonly NotificationKind[] = ['task_assigned', 'task_reassigned', 'task_returned', 'task_reopened', 'task_cancelled'];

/**
 * Tells the right people about a change to a task, inside the change's transaction (DESIGN/issue 4):
 * assigned, reassigned, returned, reopened, cancelled → the active staff of the assignee agency;
 * in review → the coordinator who created the task. The one who made the change is not told.
 */
export async function notifyTask(
  tx: Db,
  change: { kind: Exclude<NotificationKind, 'task_overdue'>; task: NotifiedTask; actorId: string; comment?: string | null },
): Promise<number> {
  const recipients = TO_AGENCY.includes(change.kind) ? await activeStaffIds(tx, change.task.assigneeAgencyId) : [change.task.creatorId];
  const data = { reference: change.task.reference, title: change.task.title, ...(change.comment ? { comment: change.comment } : {}) };
  return insertNotifications(
    tx,
    recipients.filter((id) => id !== change.actorId).map((userId) => ({ userId, kind: change.kind, taskId: change.task.id, data })),
  );
}
