import { verifyAuthenticationResponse } from '@simplewebauthn/server';
import { getUserPasskeyByCredentialId, recordPasskeyUse, takeWebauthnChallenge, type Db } from '@anc/db';
import {
  challengeOfClientData,
  knownTransports,
  passkeyCounterAcceptable,
  type RelyingParty,
  type SignInOutput,
  type VerifyMfaPasskeyInput,
} from '@anc/domain';
import { completeSecondFactor, requirePendingSignIn, type SecondFactorContext } from '../auth/complete-sign-in.ts';

/**
 * `auth.verifyMfaPasskey { response }`: completes a pending sign-in with one of the account's
 * passkeys, like `auth.verifyMfa` does with a code (same throttle, same audit rows, same session).
 * The answer must sign a challenge this account's pending sign-in was given (taken once, whatever
 * the outcome), from this deployment's origin, with a counter that grew.
 */
export async function verifyMfaPasskey(ctx: SecondFactorContext & { rp: RelyingParty }, { response }: VerifyMfaPasskeyInput): Promise<SignInOutput> {
  const pending = await requirePendingSignIn(ctx);
  const verify = async (tx: Db): Promise<string | null> => {
    const now = new Date();
    const challenge = challengeOfClientData(response.response.clientDataJSON);
    if (!challenge) return null;
    if (!(await takeWebauthnChallenge(tx, { userId: pending.userId, purpose: 'authentication', challenge, now }))) return null;
    const key = await getUserPasskeyByCredentialId(tx, pending.userId, response.id);
    if (!key) return null;
    let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
    try {
      result = await verifyAuthenticationResponse({
        response,
        expectedChallenge: challenge,
        expectedOrigin: ctx.rp.origins,
        expectedRPID: ctx.rp.rpID,
        credential: {
          id: key.credentialId,
          publicKey: Buffer.from(key.publicKey, 'base64url'),
          counter: key.counter,
          transports: knownTransports(key.transports),
        },
        requireUserVerification: false,
      });
    } catch {
      return null;
    }
    const { newCounter } = result.authenticationInfo;
    if (!result.verified || !passkeyCounterAcceptable(key.counter, newCounter)) return null;
    // Conditional on the counter checked: of two parallel uses of one assertion, one wins.
    return (await recordPasskeyUse(tx, key.id, key.counter, newCounter, now)) ? 'passkey' : null;
  };
  return completeSecondFactor(ctx, pending, verify, 'passkey_not_accepted');
}
