import { generateAuthenticationOptions, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { deleteStaleWebauthnChallenges, insertWebauthnChallenge, listUserPasskeys } from '@anc/db';
import { DomainError, knownTransports, PASSKEY_CEREMONY_TIMEOUT_MS, PASSKEY_CHALLENGE_TTL_MS, type RelyingParty } from '@anc/domain';
import { requirePendingSignIn, type SecondFactorContext } from '../auth/complete-sign-in.ts';

/**
 * `auth.mfa.passkeyAuthenticationOptions`: the second step of a pending sign-in, by passkey. Public
 * (there is no session yet) but answers only to a browser holding a pending sign-in cookie, and
 * offers only that account's passkeys (allowCredentials). The challenge is stored for 5 minutes,
 * for `auth.verifyMfaPasskey` to take once. No audit row: nothing changes until it is answered.
 */
export async function passkeyAuthenticationOptions(ctx: SecondFactorContext & { rp: RelyingParty }): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const pending = await requirePendingSignIn(ctx);
  const keys = await listUserPasskeys(ctx.db, pending.userId);
  if (keys.length === 0) throw new DomainError('BAD_REQUEST', 'passkey_unknown');
  const options = await generateAuthenticationOptions({
    rpID: ctx.rp.rpID,
    allowCredentials: keys.map((k) => ({ id: k.credentialId, transports: knownTransports(k.transports) })),
    // A second factor after the password: the key's presence is the factor.
    userVerification: 'preferred',
    timeout: PASSKEY_CEREMONY_TIMEOUT_MS,
  });
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    await deleteStaleWebauthnChallenges(tx, now);
    await insertWebauthnChallenge(tx, {
      userId: pending.userId,
      purpose: 'authentication',
      challenge: options.challenge,
      expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS),
    });
  });
  return options;
}
