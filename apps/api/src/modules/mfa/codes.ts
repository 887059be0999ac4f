// What the MFA settings share: the throttle around a typed code, and a fresh set of recovery codes.
import { generateRecoveryCodes, recoveryCodeHash, refundPasswordAttempt, takePasswordAttempt } from '@anc/auth';
import { replaceRecoveryCodes, writeAudit, type Db } from '@anc/db';
import { DomainError } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

/** One attempt of the caller's `secondFactor` budget (the one `auth.verifyMfa` spends). */
export const takeCodeAttempt = (ctx: UseCaseContext & { request: { ip: string } }) =>
  takePasswordAttempt(ctx.db, 'secondFactor', ctx.actor.userId, ctx.request.ip);
export const refundCodeAttempt = (tx: Db, ctx: UseCaseContext & { request: { ip: string } }) =>
  refundPasswordAttempt(tx, 'secondFactor', ctx.actor.userId, ctx.request.ip);

export const wrongCode = () => new DomainError('BAD_REQUEST', 'invalid_mfa_code', { fieldErrors: { code: ['invalid_mfa_code'] } });

/** Ten new recovery codes replace the account's others; answered once, stored hashed. */
export async function issueRecoveryCodes(tx: Db, userId: string, now: Date): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await replaceRecoveryCodes(tx, userId, codes.map(recoveryCodeHash), now);
  return codes;
}

/** A refused code or password is audited (as a wrong password is), outside the refused change. */
export async function auditFailure(ctx: UseCaseContext, action: 'mfa.totpConfirmFailed' | 'mfa.disableFailed' | 'mfa.recoveryCodesFailed'): Promise<void> {
  await ctx.db.transaction((tx) =>
    writeAudit(tx, { actorId: ctx.actor.userId, action, entityType: 'user', entityId: ctx.actor.userId, diff: {}, origin: ctx.origin }),
  );
  ctx.sealer?.nudge();
}
