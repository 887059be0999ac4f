import { verifySecondFactorCode } from '@anc/auth';
import { getSecondFactorCounts, writeAudit } from '@anc/db';
import { DomainError, type RegenerateRecoveryCodesInput } from '@anc/domain';
import type { PendingSignInContext, SessionContext, UseCaseContext } from '../use-case.ts';
import { auditFailure, issueRecoveryCodes, refundCodeAttempt, takeCodeAttempt, wrongCode } from './codes.ts';

/**
 * `auth.mfa.regenerateRecoveryCodes { code }`: ten new codes replace every old one (used or not).
 * Needs a current code of the authenticator (or a recovery code): whoever regenerates holds the
 * factor now, not only an open session. Throttled like `auth.verifyMfa`.
 */
export async function regenerateRecoveryCodes(
  ctx: UseCaseContext & Pick<SessionContext, 'request'> & Pick<PendingSignInContext, 'mfaKey'>,
  { code }: RegenerateRecoveryCodesInput,
) {
  const userId = ctx.actor.userId;
  if (!(await getSecondFactorCounts(ctx.db, userId)).totp) throw new DomainError('UNPROCESSABLE', 'mfa_not_enabled');
  await takeCodeAttempt(ctx);
  const now = new Date();
  const recoveryCodes = await ctx.db.transaction(async (tx) => {
    const factor = await verifySecondFactorCode(tx, userId, code, ctx.mfaKey, now);
    if (!factor) return null;
    const codes = await issueRecoveryCodes(tx, userId, now);
    await refundCodeAttempt(tx, ctx);
    await writeAudit(tx, {
      actorId: userId,
      action: 'mfa.recoveryCodesRegenerated',
      entityType: 'user',
      entityId: userId,
      diff: { recoveryCodes: [null, codes.length], factor: [null, factor] },
      origin: ctx.origin,
    });
    return codes;
  });
  if (!recoveryCodes) {
    await auditFailure(ctx, 'mfa.recoveryCodesFailed');
    throw wrongCode();
  }
  ctx.sealer?.nudge();
  return { recoveryCodes };
}
