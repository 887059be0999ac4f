import type { NotificationRow } from '@anc/db';
import { notificationTitle, type Locale } from '@anc/domain';

export interface NotificationDto {
  id: string;
  kind: NotificationRow['kind'];
  /** Composed in the reader's language from the facts stored with the notification. */
  title: string;
  /** The portal page of the task it is about. */
  link: string | null;
  taskId: string | null;
  createdAt: string;
  readAt: string | null;
  /** The coordinator's comment, for a returned task (and any change made with one). */
  comment?: string;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export function toNotificationDto(row: NotificationRow, locale: Locale): NotificationDto {
  const comment = row.data.comment;
  return {
    id: row.id,
    kind: row.kind,
    title: notificationTitle(row.kind, { reference: text(row.data.reference), title: text(row.data.title) }, locale),
    link: row.taskId ? `/tareas/${row.taskId}` : null,
    taskId: row.taskId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
    ...(typeof comment === 'string' && comment ? { comment } : {}),
  };
}
