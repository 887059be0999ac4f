import { verifySecondFactorCode } from '@anc/auth';
import type { SignInOutput, VerifyMfaInput } from '@anc/domain';
import type { PendingSignInContext } from '../use-case.ts';
import { completeSecondFactor, requirePendingSignIn, type SecondFactorContext } from './complete-sign-in.ts';

/** `auth.verifyMfa { code }`: a TOTP code of the account's authenticator or one of its recovery codes. */
export async function verifyMfa(ctx: SecondFactorContext & Pick<PendingSignInContext, 'mfaKey'>, { code }: VerifyMfaInput): Promise<SignInOutput> {
  const pending = await requirePendingSignIn(ctx);
  return completeSecondFactor(ctx, pending, (tx) => verifySecondFactorCode(tx, pending.userId, code, ctx.mfaKey));
}
