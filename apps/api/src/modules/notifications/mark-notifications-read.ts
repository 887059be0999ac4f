import { markUserNotificationsRead, writeAudit } from '@anc/db';
import type { MarkNotificationsReadInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

/**
 * Marks the caller's notifications read: the ids given, or every unread one. Ids that are not the
 * caller's (or already read) are passed over without a word, so the answer says nothing about
 * anybody else's inbox. One transaction with its audit row; nothing changed → nothing recorded.
 */
export async function markNotificationsRead(ctx: UseCaseContext, input: MarkNotificationsReadInput) {
  return ctx.db.transaction(async (tx) => {
    const at = new Date();
    const ids = await markUserNotificationsRead(tx, ctx.actor.userId, input.ids, at);
    if (ids.length > 0) {
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        action: 'notification.markRead',
        entityType: 'user',
        entityId: ctx.actor.userId,
        diff: { readAt: [null, at.toISOString()], notificationIds: ids, all: input.ids === undefined },
        origin: ctx.origin,
      });
    }
    return { updated: ids.length };
  });
}
