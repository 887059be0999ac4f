import { incidentReadFacts, listUserNotifications, taskReadFacts } from '@anc/db';
import type { ListNotificationsInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toNotificationDto } from './notification-dto.ts';

/**
 * The caller's own notifications, newest first; titles in the language of the request. Each task
 * or incident is named only if the caller may read it now (one query for the page's tasks, one
 * for its incidents).
 */
export async function listNotifications(ctx: UseCaseContext, input: ListNotificationsInput) {
  const { rows, nextCursor } = await listUserNotifications(ctx.db, ctx.actor.userId, input);
  const tasks = await taskReadFacts(
    ctx.db,
    rows.flatMap((r) => (r.taskId ? [r.taskId] : [])),
  );
  const incidents = await incidentReadFacts(
    ctx.db,
    ctx.actor.agencyId,
    rows.flatMap((r) => (r.incidentId ? [r.incidentId] : [])),
  );
  return { items: rows.map((r) => toNotificationDto(r, ctx.actor, { tasks, incidents }, ctx.locale)), nextCursor };
}
