import { deleteUserSessionByPublicId, writeAudit } from '@anc/db';
import { DomainError, type RevokeSessionInput } from '@anc/domain';
import type { SessionContext, UseCaseContext } from '../use-case.ts';

/**
 * Ends one of the caller's own sessions by its public id. Another person's session and an id that
 * exists nowhere answer the same NOT_FOUND (the person is in the DELETE's WHERE clause). Ending the
 * session making the call is signing out: its cookie is cleared too.
 */
export async function revokeSession(ctx: UseCaseContext & Pick<SessionContext, 'sessionId' | 'cookies'>, { id }: RevokeSessionInput) {
  const current = await ctx.db.transaction(async (tx) => {
    const ended = await deleteUserSessionByPublicId(tx, ctx.actor.userId, id);
    if (!ended) throw new DomainError('NOT_FOUND', 'not_found');
    const isCurrent = ended.id === ctx.sessionId;
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: isCurrent ? 'auth.signOut' : 'auth.sessionRevoked',
      entityType: 'user',
      entityId: ctx.actor.userId,
      diff: { session: id },
      origin: ctx.origin,
    });
    return isCurrent;
  });
  if (current) ctx.cookies.clearSession();
  return { ok: true as const, signedOut: current };
}
