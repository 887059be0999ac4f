import { getUserPasskey, renameUserPasskey, writeAudit } from '@anc/db';
import { DomainError, type PasskeySummary, type RenamePasskeyInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toPasskeySummary } from './passkey-dto.ts';

/** `auth.mfa.renamePasskey`: the caller's own passkey; another account's id is NOT_FOUND. */
export async function renamePasskey(ctx: UseCaseContext, { id, name }: RenamePasskeyInput): Promise<PasskeySummary> {
  return ctx.db.transaction(async (tx) => {
    const before = await getUserPasskey(tx, ctx.actor.userId, id);
    if (!before) throw new DomainError('NOT_FOUND', 'not_found');
    if (before.name === name) return toPasskeySummary(before);
    const after = await renameUserPasskey(tx, ctx.actor.userId, id, name);
    if (!after) throw new DomainError('NOT_FOUND', 'not_found');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'passkey.rename',
      entityType: 'passkey',
      entityId: id,
      diff: { name: [before.name, after.name] },
      origin: ctx.origin,
    });
    return toPasskeySummary(after);
  });
}
