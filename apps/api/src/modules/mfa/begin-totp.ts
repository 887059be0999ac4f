import { encryptSecret, generateTotpSecret, totpKeyUri, totpSecretText } from '@anc/auth';
import { getUserTotp, getUserWithAgency, upsertPendingTotp, writeAudit } from '@anc/db';
import { DomainError } from '@anc/domain';
import type { PendingSignInContext, UseCaseContext } from '../use-case.ts';

/**
 * `auth.mfa.beginTotp`: a new secret for the caller's authenticator app, stored encrypted and
 * unconfirmed (no factor yet) until `confirmTotp` proves the app holds it. Begun again, it
 * replaces the unconfirmed one; an account whose authenticator is confirmed must disable it first.
 */
export async function beginTotp(ctx: UseCaseContext & Pick<PendingSignInContext, 'mfaKey'>) {
  const me = await getUserWithAgency(ctx.db, ctx.actor.userId);
  if (!me) throw new DomainError('UNAUTHORIZED', 'not_signed_in');
  const existing = await getUserTotp(ctx.db, me.user.id);
  if (existing?.confirmedAt) throw new DomainError('CONFLICT', 'totp_already_enabled');
  const key = generateTotpSecret();
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    await upsertPendingTotp(tx, me.user.id, encryptSecret(ctx.mfaKey, key, me.user.id), now);
    // The row says an enrolment began; the secret never enters the log.
    await writeAudit(tx, { actorId: me.user.id, action: 'mfa.totpBegin', entityType: 'user', entityId: me.user.id, diff: {}, origin: ctx.origin });
  });
  ctx.sealer?.nudge();
  return { secret: totpSecretText(key), otpauthUri: totpKeyUri(me.user.email, key) };
}
