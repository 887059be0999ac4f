import { invalidateSession } from '@anc/auth';
import { writeAudit } from '@anc/db';
import type { SessionContext, UseCaseContext } from '../use-case.ts';

export async function signOut(ctx: UseCaseContext & SessionContext & { sessionId: string }) {
  await ctx.db.transaction(async (tx) => {
    await invalidateSession(tx, ctx.sessionId);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'auth.signOut',
      entityType: 'user',
      entityId: ctx.actor.userId,
      diff: {},
      origin: ctx.origin,
    });
  });
  ctx.cookies.clearSession();
  return { ok: true as const };
}
