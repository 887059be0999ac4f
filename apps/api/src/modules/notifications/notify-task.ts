import { activePeople, activeStaffOf, insertNotifications, type Db } from '@anc/db';
import {
  NOTIFICATION_AUDIENCE,
  notificationRecipients,
  taskReaders,
  type NotificationParty,
  type NotifiedPerson,
  type TaskNotificationKind,
} from '@anc/domain';

/** The facts about a task a notification needs. */
export interface NotifiedTask {
  id: string;
  reference: string;
  title: string;
  assigneeAgencyId: string;
  creatorId: string;
}

/** The task parties of the audience table, read only for the parties this kind tells. */
async function taskPeople(tx: Db, kind: TaskNotificationKind, task: NotifiedTask): Promise<Partial<Record<NotificationParty, NotifiedPerson[]>>> {
  const to: readonly NotificationParty[] = NOTIFICATION_AUDIENCE[kind].to;
  return {
    assigneeStaff: to.includes('assigneeStaff') ? await activeStaffOf(tx, [task.assigneeAgencyId]) : [],
    taskCreator: to.includes('taskCreator') ? await activePeople(tx, [task.creatorId]) : [],
  };
}

/**
 * Tells the right people about a change to a task, inside the change's transaction; who they are
 * is the domain's rule (`notificationRecipients`, NOTIFICATION_AUDIENCE).
 */
export async function notifyTask(
  tx: Db,
  change: { kind: Exclude<TaskNotificationKind, 'task_overdue'>; task: NotifiedTask; actorId: string; comment?: string | null },
): Promise<number> {
  const recipients = notificationRecipients(change.kind, {
    people: await taskPeople(tx, change.kind, change.task),
    actorId: change.actorId,
    reads: taskReaders(change.task),
  });
  const data = { reference: change.task.reference, title: change.task.title, ...(change.comment ? { comment: change.comment } : {}) };
  return insertNotifications(
    tx,
    recipients.map((userId) => ({ userId, kind: change.kind, taskId: change.task.id, data })),
  );
}
