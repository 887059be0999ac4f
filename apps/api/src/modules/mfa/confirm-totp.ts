import { decryptSecret, matchTotpCode } from '@anc/auth';
import { confirmTotp as confirmStoredTotp, getUserTotp, writeAudit } from '@anc/db';
import { DomainError, type TotpCodeInput } from '@anc/domain';
import type { PendingSignInContext, SessionContext, UseCaseContext } from '../use-case.ts';
import { auditFailure, issueRecoveryCodes, refundCodeAttempt, takeCodeAttempt, wrongCode } from './codes.ts';

/**
 * `auth.mfa.confirmTotp { code }`: the app shows the code of the secret `beginTotp` gave; from now
 * on the account signs in in two steps. Answers ten recovery codes, shown this once. The code's
 * step is recorded (it cannot sign in again); attempts are throttled like `auth.verifyMfa`.
 */
export async function confirmTotp(ctx: UseCaseContext & Pick<SessionContext, 'request'> & Pick<PendingSignInContext, 'mfaKey'>, { code }: TotpCodeInput) {
  const userId = ctx.actor.userId;
  const row = await getUserTotp(ctx.db, userId);
  if (row?.confirmedAt) throw new DomainError('CONFLICT', 'totp_already_enabled');
  if (!row) throw new DomainError('UNPROCESSABLE', 'totp_not_started');
  await takeCodeAttempt(ctx);
  const now = new Date();
  const step = matchTotpCode(decryptSecret(ctx.mfaKey, row.secret, userId), code, now, null);
  if (step === null) {
    await auditFailure(ctx, 'mfa.totpConfirmFailed');
    throw wrongCode();
  }
  const recoveryCodes = await ctx.db.transaction(async (tx) => {
    // Conditional on the row still unconfirmed: a parallel confirmation loses here.
    if (!(await confirmStoredTotp(tx, userId, step, now))) throw new DomainError('CONFLICT', 'totp_already_enabled');
    const codes = await issueRecoveryCodes(tx, userId, now);
    await refundCodeAttempt(tx, ctx);
    await writeAudit(tx, {
      actorId: userId,
      action: 'mfa.totpEnabled',
      entityType: 'user',
      entityId: userId,
      diff: { recoveryCodes: [null, codes.length] },
      origin: ctx.origin,
    });
    return codes;
  });
  ctx.sealer?.nudge();
  return { recoveryCodes };
}
