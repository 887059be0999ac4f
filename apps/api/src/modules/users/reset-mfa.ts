import {
  deleteAllUserPasskeys,
  deleteRecoveryCodes,
  deleteUserPendingSignIns,
  deleteUserSessions,
  deleteUserTotp,
  getUserWithAgency,
  writeAudit,
} from '@anc/db';
import { DomainError, type ResetMfaInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

/**
 * `admin.users.resetMfa { userId }`: for a person who lost their authenticator and their recovery
 * codes. Removes every second factor of the account (authenticator app, recovery codes, passkeys),
 * its pending sign-ins and every session; audited. The person then signs in with the password
 * alone and, if their role requires it, enrols again before anything else.
 */
export async function resetMfa(ctx: UseCaseContext, { userId }: ResetMfaInput) {
  const target = await getUserWithAgency(ctx.db, userId);
  if (!target) throw new DomainError('NOT_FOUND', 'not_found');
  await ctx.db.transaction(async (tx) => {
    const totp = await deleteUserTotp(tx, userId);
    const recoveryCodes = await deleteRecoveryCodes(tx, userId);
    const passkeys = await deleteAllUserPasskeys(tx, userId);
    await deleteUserPendingSignIns(tx, userId);
    const sessionsEnded = await deleteUserSessions(tx, userId);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'user.resetMfa',
      entityType: 'user',
      entityId: userId,
      diff: { totp: [totp > 0, false], recoveryCodes: [recoveryCodes, 0], passkeys: [passkeys, 0], sessionsEnded: [null, sessionsEnded] },
      origin: ctx.origin,
    });
  });
  ctx.sealer?.nudge();
  return { ok: true as const };
}
