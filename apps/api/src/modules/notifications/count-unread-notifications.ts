import { countUnreadNotifications as countUnread } from '@anc/db';
import type { UseCaseContext } from '../use-case.ts';

/** What the bell shows: how many of the caller's notifications are unread. */
export async function countUnreadNotifications(ctx: UseCaseContext) {
  return { count: await countUnread(ctx.db, ctx.actor.userId) };
}
