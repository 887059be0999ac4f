import { deleteUserPasskey, writeAudit } from '@anc/db';
import { DomainError, type RemovePasskeyInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

/** `auth.mfa.removePasskey`: the caller's own passkey; another account's id is NOT_FOUND. */
export async function removePasskey(ctx: UseCaseContext, { id }: RemovePasskeyInput): Promise<{ ok: true }> {
  return ctx.db.transaction(async (tx) => {
    const removed = await deleteUserPasskey(tx, ctx.actor.userId, id);
    if (!removed) throw new DomainError('NOT_FOUND', 'not_found');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'passkey.remove',
      entityType: 'passkey',
      entityId: id,
      diff: { name: [removed.name, null], userId: [ctx.actor.userId, null] },
      origin: ctx.origin,
    });
    return { ok: true as const };
  });
}
