import type { NotificationRow } from '@anc/db';
import { isHiddenName, nameTaskFor, notificationTitle, type Actor, type Locale, type TaskReadFacts } from '@anc/domain';

export interface NotificationDto {
  id: string;
  kind: NotificationRow['kind'];
  /** Composed in the reader's language from the facts stored with the notification. */
  title: string;
  /** The portal page of the task it is about; null when the reader may no longer read the task. */
  link: string | null;
  taskId: string | null;
  createdAt: string;
  readAt: string | null;
  /** The coordinator's comment, for a returned task (and any change made with one). */
  comment?: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * One notification as its reader may see it *now* (issue 10, defect 11): the task is named
 * (reference, title, link, comment) only while `nameTaskFor` says the reader may read it —
 * after a reassignment away from their agency it is "a task no longer assigned to your agency".
 * `facts` are the tasks' current read facts (`taskReadFacts`), not what was stored at the time.
 */
export function toNotificationDto(row: NotificationRow, reader: Pick<Actor, 'role' | 'agencyId'>, facts: ReadonlyMap<string, TaskReadFacts>, locale: Locale): NotificationDto {
  const base = { id: row.id, kind: row.kind, createdAt: row.createdAt.toISOString(), readAt: row.readAt ? row.readAt.toISOString() : null };
  const name = row.taskId ? nameTaskFor(reader, facts.get(row.taskId)) : null;
  if (name && isHiddenName(name)) return { ...base, title: notificationTitle(row.kind, name, locale), link: null, taskId: null };
  const comment = row.data.comment;
  return {
    ...base,
    title: notificationTitle(row.kind, { reference: text(row.data.reference), title: text(row.data.title) }, locale),
    link: row.taskId ? `/tareas/${row.taskId}` : null,
    taskId: row.taskId,
    ...(typeof comment === 'string' && comment ? { comment } : {}),
  };
}
