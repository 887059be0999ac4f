import { invalidateSession } from '@anc/auth';
import { writeAudit } from '@anc/db';
import type { AuthedContext } from '../../trpc/init.ts';
import { auditOrigin } from '../audit/origin.ts';

export async function signOut(ctx: AuthedContext) {
  await ctx.db.transaction(async (tx) => {
    await invalidateSession(tx, ctx.sessionId);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'auth.signOut',
      entityType: 'user',
      entityId: ctx.actor.userId,
      diff: {},
      origin: auditOrigin(ctx),
    });
  });
  ctx.cookies.clearSession();
  return { ok: true as const };
}
