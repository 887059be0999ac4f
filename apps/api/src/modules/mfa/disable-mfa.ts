import { verifyPassword, verifySecondFactorCode } from '@anc/auth';
import { deleteRecoveryCodes, deleteUserTotp, getSecondFactorCounts, getUserWithAgency, writeAudit } from '@anc/db';
import { DomainError, type DisableMfaInput, type FieldErrors } from '@anc/domain';
import type { PendingSignInContext, SessionContext, UseCaseContext } from '../use-case.ts';
import { auditFailure, refundCodeAttempt, takeCodeAttempt } from './codes.ts';

/**
 * `auth.mfa.disable { password, code }`: turns the authenticator app off and drops the recovery
 * codes. Needs both the password and a current code (TOTP or a recovery code): a session left open
 * on a desk is not enough. Passkeys (their own section) stay as they are. Throttled; a refusal is
 * audited and names the wrong field(s).
 */
export async function disableMfa(ctx: UseCaseContext & Pick<SessionContext, 'request'> & Pick<PendingSignInContext, 'mfaKey'>, input: DisableMfaInput) {
  const userId = ctx.actor.userId;
  const me = await getUserWithAgency(ctx.db, userId);
  if (!me) throw new DomainError('UNAUTHORIZED', 'not_signed_in');
  const status = await getSecondFactorCounts(ctx.db, userId);
  if (!status.totp) throw new DomainError('UNPROCESSABLE', 'mfa_not_enabled');
  await takeCodeAttempt(ctx);
  const passwordOk = await verifyPassword(me.user.passwordHash, input.password);
  const result = await ctx.db
    .transaction(async (tx) => {
      // The code is only spent when the password was right too (else the transaction rolls back).
      const factor = await verifySecondFactorCode(tx, userId, input.code, ctx.mfaKey);
      if (!passwordOk || !factor) {
        const fieldErrors: FieldErrors = {};
        if (!passwordOk) fieldErrors.password = ['wrong_current_password'];
        if (!factor) fieldErrors.code = ['invalid_mfa_code'];
        throw new DomainError('BAD_REQUEST', passwordOk ? 'invalid_mfa_code' : 'wrong_current_password', { fieldErrors });
      }
      const totp = await deleteUserTotp(tx, userId);
      const codes = await deleteRecoveryCodes(tx, userId);
      await refundCodeAttempt(tx, ctx);
      await writeAudit(tx, {
        actorId: userId,
        action: 'mfa.disabled',
        entityType: 'user',
        entityId: userId,
        diff: { totp: [true, false], recoveryCodes: [codes, 0], removed: [null, { totp, factor }] },
        origin: ctx.origin,
      });
      return { ok: true as const };
    })
    .catch(async (error: unknown) => {
      if (error instanceof DomainError && error.code === 'BAD_REQUEST') await auditFailure(ctx, 'mfa.disableFailed');
      throw error;
    });
  ctx.sealer?.nudge();
  return result;
}
