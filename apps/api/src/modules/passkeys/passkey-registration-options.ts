import { generateRegistrationOptions, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { deleteStaleWebauthnChallenges, getUserWithAgency, insertWebauthnChallenge, listUserPasskeys } from '@anc/db';
import { DomainError, knownTransports, MAX_PASSKEYS_PER_ACCOUNT, PASSKEY_CEREMONY_TIMEOUT_MS, PASSKEY_CHALLENGE_TTL_MS, type RelyingParty } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { RP_NAME } from './relying-party.ts';

/**
 * `auth.mfa.passkeyRegistrationOptions`: what the browser's `navigator.credentials.create()` needs.
 * The challenge is stored (5 minutes, taken once by `registerPasskey`); the account's passkeys are
 * excluded so one authenticator is not registered twice. Writes no audit row: nothing of the
 * account changes until a passkey is registered.
 */
export async function passkeyRegistrationOptions(ctx: UseCaseContext & { rp: RelyingParty }): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const me = await getUserWithAgency(ctx.db, ctx.actor.userId);
  if (!me) throw new DomainError('UNAUTHORIZED', 'not_signed_in');
  const existing = await listUserPasskeys(ctx.db, me.user.id);
  if (existing.length >= MAX_PASSKEYS_PER_ACCOUNT) throw new DomainError('CONFLICT', 'passkey_limit');
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID: ctx.rp.rpID,
    userName: me.user.email,
    userDisplayName: me.user.name,
    // The user handle: the account's id, never the e-mail (it is stored on the authenticator).
    userID: new TextEncoder().encode(me.user.id),
    timeout: PASSKEY_CEREMONY_TIMEOUT_MS,
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: knownTransports(p.transports) })),
    authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
  });
  const now = new Date();
  await ctx.db.transaction(async (tx) => {
    await deleteStaleWebauthnChallenges(tx, now);
    await insertWebauthnChallenge(tx, {
      userId: me.user.id,
      purpose: 'registration',
      challenge: options.challenge,
      expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_TTL_MS),
    });
  });
  return options;
}
