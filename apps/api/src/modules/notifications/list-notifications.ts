import { listUserNotifications } from '@anc/db';
import type { ListNotificationsInput } from '@anc/domain';
import type { AuthedContext } from '../../trpc/init.ts';
import { toNotificationDto } from './notification-dto.ts';

/** The caller's own notifications, newest first; titles in the language of the request. */
export async function listNotifications(ctx: AuthedContext, input: ListNotificationsInput) {
  const { rows, nextCursor } = await listUserNotifications(ctx.db, ctx.actor.userId, input);
  return { items: rows.map((r) => toNotificationDto(r, ctx.locale)), nextCursor };
}
