import { activeStaffIds, activeUserIds, insertNotifications, type Db } from '@anc/db';
import { NOTIFICATION_AUDIENCE, notificationRecipients, type NotificationKind } from '@anc/domain';

/** The facts about a task a notification needs. */
export interface NotifiedTask {
  id: string;
  reference: string;
  title: string;
  assigneeAgencyId: string;
  creatorId: string;
}

/**
 * Tells the right people about a change to a task, inside the change's transaction; who they are
 * is the domain's rule (`notificationRecipients`).
 */
export async function notifyTask(
  tx: Db,
  change: { kind: Exclude<NotificationKind, 'task_overdue'>; task: NotifiedTask; actorId: string; comment?: string | null },
): Promise<number> {
  const audience = NOTIFICATION_AUDIENCE[change.kind];
  const recipients = notificationRecipients(change.kind, {
    agencyStaff: audience.agencyStaff ? await activeStaffIds(tx, change.task.assigneeAgencyId) : [],
    creatorId: change.task.creatorId,
    creatorActive: audience.creator ? (await activeUserIds(tx, [change.task.creatorId])).has(change.task.creatorId) : false,
    actorId: change.actorId,
  });
  const data = { reference: change.task.reference, title: change.task.title, ...(change.comment ? { comment: change.comment } : {}) };
  return insertNotifications(
    tx,
    recipients.map((userId) => ({ userId, kind: change.kind, taskId: change.task.id, data })),
  );
}
