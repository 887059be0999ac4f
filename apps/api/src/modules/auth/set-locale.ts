import { updateUser, writeAudit } from '@anc/db';
import { DomainError, type Locale } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

/** The user's language, remembered on the account so every device opens in it. */
export async function setLocale(ctx: UseCaseContext, { locale }: { locale: Locale }) {
  return ctx.db.transaction(async (tx) => {
    const after = await updateUser(tx, ctx.actor.userId, { locale });
    if (!after) throw new DomainError('NOT_FOUND', 'not_found');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'user.setLocale',
      entityType: 'user',
      entityId: ctx.actor.userId,
      diff: { locale: [ctx.actor.locale, locale] },
      origin: ctx.origin,
    });
    return { locale };
  });
}
