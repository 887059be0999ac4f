import { getUserWithAgency, updateUser, writeAudit } from '@anc/db';
import { DomainError, type SessionUser, type UpdatePreferencesInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toSessionUser } from '../users/user-dto.ts';

/** The caller's own notification preferences (issue 12 point 4); answers the session user as `auth.me` does. */
export async function updatePreferences(ctx: UseCaseContext, input: UpdatePreferencesInput): Promise<{ user: SessionUser }> {
  return ctx.db.transaction(async (tx) => {
    const before = await getUserWithAgency(tx, ctx.actor.userId);
    if (!before) throw new DomainError('NOT_FOUND', 'not_found');
    const after = await updateUser(tx, ctx.actor.userId, { emailNotifications: input.emailNotifications, digest: input.digest });
    if (!after) throw new DomainError('NOT_FOUND', 'not_found');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'user.updatePreferences',
      entityType: 'user',
      entityId: ctx.actor.userId,
      diff: {
        emailNotifications: [before.user.emailNotifications, after.emailNotifications],
        digest: [before.user.digest, after.digest],
      },
      origin: ctx.origin,
    });
    return { user: toSessionUser(after, before.agency) };
  });
}
