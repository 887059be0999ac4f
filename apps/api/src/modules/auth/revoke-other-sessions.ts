import { deleteUserSessions, writeAudit } from '@anc/db';
import type { UseCaseContext } from '../use-case.ts';

/** "Close all others": ends every session of the caller except the one making the call. */
export async function revokeOtherSessions(ctx: UseCaseContext & { sessionId: string }) {
  return ctx.db.transaction(async (tx) => {
    const revoked = await deleteUserSessions(tx, ctx.actor.userId, ctx.sessionId);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'auth.otherSessionsRevoked',
      entityType: 'user',
      entityId: ctx.actor.userId,
      diff: { revoked },
      origin: ctx.origin,
    });
    return { revoked };
  });
}
