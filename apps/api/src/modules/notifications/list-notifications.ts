import { listUserNotifications, taskReadFacts } from '@anc/db';
import type { ListNotificationsInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toNotificationDto } from './notification-dto.ts';

/**
 * The caller's own notifications, newest first; titles in the language of the request. Each task
 * is named only if the caller may read it now (one query for the page's tasks).
 */
export async function listNotifications(ctx: UseCaseContext, input: ListNotificationsInput) {
  const { rows, nextCursor } = await listUserNotifications(ctx.db, ctx.actor.userId, input);
  const facts = await taskReadFacts(ctx.db, rows.flatMap((r) => (r.taskId ? [r.taskId] : [])));
  return { items: rows.map((r) => toNotificationDto(r, ctx.actor, facts, ctx.locale)), nextCursor };
}
