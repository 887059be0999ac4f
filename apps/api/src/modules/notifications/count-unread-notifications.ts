import { countUnreadNotifications as countUnread } from '@anc/db';
import type { AuthedContext } from '../../trpc/init.ts';

/** What the bell shows: how many of the caller's notifications are unread. */
export async function countUnreadNotifications(ctx: AuthedContext) {
  return { count: await countUnread(ctx.db, ctx.actor.userId) };
}
