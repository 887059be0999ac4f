import { z } from 'zod';
import { Id, ListInput } from './schemas/common.ts';
import { isHiddenName, type HiddenName } from './naming.ts';
import type { Locale } from './roles.ts';
import { words, type NamedTask } from './catalogue/index.ts';

/**
 * In-app notifications (issue 4). Who is told what:
 * - assigned / reassigned → the active staff of the assignee agency;
 * - returned, reopened, cancelled → the active staff of the assignee agency;
 * - in review → the coordinator who created the task;
 * - overdue → the active staff of the assignee agency and the creating coordinator, once per due date.
 * The one who made the change is never told about it.
 */
export const NOTIFICATION_KINDS = [
  'task_assigned',
  'task_reassigned',
  'task_returned',
  'task_reopened',
  'task_cancelled',
  'task_in_review',
  'task_overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Who is told about each kind (the table in the comment above, as data). */
export const NOTIFICATION_AUDIENCE = {
  task_assigned: { agencyStaff: true, creator: false },
  task_reassigned: { agencyStaff: true, creator: false },
  task_returned: { agencyStaff: true, creator: false },
  task_reopened: { agencyStaff: true, creator: false },
  task_cancelled: { agencyStaff: true, creator: false },
  task_in_review: { agencyStaff: false, creator: true },
  task_overdue: { agencyStaff: true, creator: true },
} as const satisfies Record<NotificationKind, { agencyStaff: boolean; creator: boolean }>;

/**
 * The people a notification of this kind goes to: the assignee agency's active staff and/or the
 * creating coordinator (when still active), each once, never the one who made the change.
 */
export function notificationRecipients(
  kind: NotificationKind,
  people: { agencyStaff: readonly string[]; creatorId: string; creatorActive: boolean; actorId: string | null },
): string[] {
  const audience = NOTIFICATION_AUDIENCE[kind];
  const to = new Set<string>(audience.agencyStaff ? people.agencyStaff : []);
  if (audience.creator && people.creatorActive) to.add(people.creatorId);
  if (people.actorId) to.delete(people.actorId);
  return [...to];
}

export const ListNotificationsInput = ListInput.extend({ unreadOnly: z.boolean().optional() });
export type ListNotificationsInput = z.infer<typeof ListNotificationsInput>;

/** No ids = mark every unread notification of the caller as read. */
export const MarkNotificationsReadInput = z.object({ ids: z.array(Id).min(1).max(100, { error: 'too_many' }).optional() }).default({});
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInput>;

/**
 * What a notification says, in the reader's language, from its kind and the task it is about
 * (the words: packages/domain/src/catalogue/notifications.ts). A task its reader may no longer
 * read (reassigned away from their agency) is not named: no reference, no title.
 */
export function notificationTitle(kind: NotificationKind, task: NamedTask | HiddenName, locale: Locale): string {
  const w = words(locale).notifications;
  return isHiddenName(task) ? w.hidden_task : w[kind](task);
}
