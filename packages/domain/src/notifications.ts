import { z } from 'zod';
import { Id, ListInput } from './schemas/common.ts';
import { isHiddenName, type HiddenName } from './naming.ts';

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
 * A notification about a task its reader may no longer read (reassigned away from their agency)
 * says only that: no reference, no title (see `nameTaskFor` in naming.ts).
 */
export const HIDDEN_TASK_NOTIFICATION_TITLE = {
  'es-MX': 'Una tarea que ya no está a cargo de tu dependencia',
  en: 'A task no longer assigned to your agency',
} as const;

/** What a notification says, in the reader's language, from its kind and the task it is about. */
export function notificationTitle(kind: NotificationKind, task: { reference: string; title: string } | HiddenName, locale: 'es-MX' | 'en'): string {
  if (isHiddenName(task)) return HIDDEN_TASK_NOTIFICATION_TITLE[locale];
  const t = `${task.reference} · ${task.title}`;
  const es: Record<NotificationKind, string> = {
    task_assigned: `Nueva tarea para tu dependencia: ${t}`,
    task_reassigned: `Tarea reasignada a tu dependencia: ${t}`,
    task_returned: `La ANC devolvió la tarea con comentarios: ${t}`,
    task_reopened: `La ANC reabrió la tarea: ${t}`,
    task_cancelled: `La ANC canceló la tarea: ${t}`,
    task_in_review: `Tarea enviada a revisión: ${t}`,
    task_overdue: `Tarea vencida: ${t}`,
  };
  const en: Record<NotificationKind, string> = {
    task_assigned: `New task for your agency: ${t}`,
    task_reassigned: `Task reassigned to your agency: ${t}`,
    task_returned: `The ANC returned the task with comments: ${t}`,
    task_reopened: `The ANC reopened the task: ${t}`,
    task_cancelled: `The ANC cancelled the task: ${t}`,
    task_in_review: `Task sent for review: ${t}`,
    task_overdue: `Task overdue: ${t}`,
  };
  return (locale === 'es-MX' ? es : en)[kind];
}
