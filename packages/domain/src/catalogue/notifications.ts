import type { NotificationKind } from '../notifications.ts';
import type { Bilingual } from './types.ts';

/** What the title of a notification names: the task, as its reader may see it. */
export interface NamedTask {
  reference: string;
  title: string;
}

const named = (task: NamedTask) => `${task.reference} · ${task.title}`;

/**
 * The titles of in-app notifications, one per kind of packages/domain/src/notifications.ts
 * (a kind without a title fails tsc), and the one said of a task its reader may no longer read
 * (no reference, no title: see `nameTaskFor` in naming.ts).
 */
export const NOTIFICATION_WORDS = {
  task_assigned: {
    'es-MX': (task) => `Nueva tarea para tu dependencia: ${named(task)}`,
    en: (task) => `New task for your agency: ${named(task)}`,
  },
  task_reassigned: {
    'es-MX': (task) => `Tarea reasignada a tu dependencia: ${named(task)}`,
    en: (task) => `Task reassigned to your agency: ${named(task)}`,
  },
  task_returned: {
    'es-MX': (task) => `La ANC devolvió la tarea con comentarios: ${named(task)}`,
    en: (task) => `The ANC returned the task with comments: ${named(task)}`,
  },
  task_reopened: {
    'es-MX': (task) => `La ANC reabrió la tarea: ${named(task)}`,
    en: (task) => `The ANC reopened the task: ${named(task)}`,
  },
  task_cancelled: {
    'es-MX': (task) => `La ANC canceló la tarea: ${named(task)}`,
    en: (task) => `The ANC cancelled the task: ${named(task)}`,
  },
  task_in_review: {
    'es-MX': (task) => `Tarea enviada a revisión: ${named(task)}`,
    en: (task) => `Task sent for review: ${named(task)}`,
  },
  task_overdue: {
    'es-MX': (task) => `Tarea vencida: ${named(task)}`,
    en: (task) => `Task overdue: ${named(task)}`,
  },
  hidden_task: {
    'es-MX': 'Una tarea que ya no está a cargo de tu dependencia',
    en: 'A task no longer assigned to your agency',
  },
} as const satisfies { readonly [K in NotificationKind]: Bilingual<(task: NamedTask) => string> } & { readonly hidden_task: Bilingual };
