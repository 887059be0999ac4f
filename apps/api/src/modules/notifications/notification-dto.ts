import type { NotificationRow } from '@anc/db';
import {
  isHiddenName,
  nameIncidentFor,
  nameTaskFor,
  notificationSubject,
  notificationTitle,
  storedNotificationTitle,
  type Actor,
  type IncidentReadFacts,
  type Locale,
  type NameFor,
  type NotificationSubject,
  type TaskReadFacts,
} from '@anc/domain';

export interface NotificationDto {
  id: string;
  kind: NotificationRow['kind'];
  /** What it is about: the page `link` opens (a task or an incident). */
  about: NotificationSubject;
  /** Composed in the reader's language from the facts stored with the notification. */
  title: string;
  /** The portal page of the task or incident it is about; null when the reader may no longer read it. */
  link: string | null;
  taskId: string | null;
  incidentId: string | null;
  advisoryId: string | null;
  createdAt: string;
  readAt: string | null;
  /** The comment or note it carries (a returned task, a coordinator's note the reader reads). */
  comment?: string;
}

/** The current read facts of the tasks and incidents a page of notifications is about. */
export interface NotificationSubjectFacts {
  tasks: ReadonlyMap<string, TaskReadFacts>;
  incidents: ReadonlyMap<string, IncidentReadFacts>;
}

/**
 * One notification as its reader may see it *now* (issue 10, defect 11; issue 12): the task or
 * incident is named (reference, title, link, comment) only while `nameTaskFor` / `nameIncidentFor`
 * say the reader may read it — after a reassignment away from their agency, an unshare or a raise
 * to TLP:RED it is "a task no longer assigned to your agency" / "an incident you can no longer
 * read". `facts` are read at the time of the answer, not what was stored when it was written.
 */
export function toNotificationDto(
  row: NotificationRow,
  reader: Pick<Actor, 'role' | 'agencyId'>,
  facts: NotificationSubjectFacts,
  locale: Locale,
): NotificationDto {
  const about = notificationSubject(row.kind);
  const base = { id: row.id, kind: row.kind, about, createdAt: row.createdAt.toISOString(), readAt: row.readAt ? row.readAt.toISOString() : null };
  // An advisory's audience never changes once published: its readers stay its readers (domain advisories/status.ts).
  const name: NameFor | null =
    about === 'advisory'
      ? null
      : about === 'task'
        ? row.taskId
          ? nameTaskFor(reader, facts.tasks.get(row.taskId))
          : null
        : nameIncidentFor(reader, row.incidentId ? facts.incidents.get(row.incidentId) : undefined);
  if (name && isHiddenName(name))
    return { ...base, title: notificationTitle(row.kind, name, locale), link: null, taskId: null, incidentId: null, advisoryId: null };
  const title = storedNotificationTitle(row, locale);
  const comment = row.data.comment;
  const link =
    about === 'advisory'
      ? row.advisoryId
        ? `/alertas/${row.advisoryId}`
        : null
      : about === 'task'
        ? row.taskId
          ? `/tareas/${row.taskId}`
          : null
        : row.incidentId
          ? `/incidentes/${row.incidentId}`
          : null;
  return {
    ...base,
    title,
    link,
    taskId: row.taskId,
    incidentId: row.incidentId,
    advisoryId: row.advisoryId,
    ...(typeof comment === 'string' && comment ? { comment } : {}),
  };
}
