import { verifyRegistrationResponse, type VerifiedRegistrationResponse } from '@simplewebauthn/server';
import { countUserPasskeys, insertPasskey, passkeyCredentialExists, takeWebauthnChallenge, writeAudit } from '@anc/db';
import {
  challengeOfClientData,
  DomainError,
  knownTransports,
  MAX_PASSKEYS_PER_ACCOUNT,
  type PasskeySummary,
  type RegisterPasskeyInput,
  type RelyingParty,
} from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toPasskeySummary } from './passkey-dto.ts';

/**
 * `auth.mfa.registerPasskey`: the browser's answer to `passkeyRegistrationOptions`. Its challenge
 * must be one this account was given, unexpired and not used before (taken here, whatever the
 * outcome); the attestation is verified against this deployment's RP ID and origin. A refusal is
 * audited (`passkey.registerFailed`), a success writes the passkey and its audit row together.
 */
export async function registerPasskey(ctx: UseCaseContext & { rp: RelyingParty }, input: RegisterPasskeyInput): Promise<PasskeySummary> {
  const userId = ctx.actor.userId;
  const now = new Date();
  const refuse = async (reason: 'passkey_invalid' | 'passkey_challenge_invalid') => {
    await ctx.db.transaction((tx) =>
      writeAudit(tx, {
        actorId: userId,
        action: 'passkey.registerFailed',
        entityType: 'user',
        entityId: userId,
        diff: { reason: [null, reason] },
        origin: ctx.origin,
      }),
    );
    ctx.sealer?.nudge();
    return new DomainError('BAD_REQUEST', reason);
  };
  const challenge = challengeOfClientData(input.response.response.clientDataJSON);
  if (!challenge) throw await refuse('passkey_invalid');
  if (!(await takeWebauthnChallenge(ctx.db, { userId, purpose: 'registration', challenge, now }))) throw await refuse('passkey_challenge_invalid');

  let verification: VerifiedRegistrationResponse;
  try {
    verification = await verifyRegistrationResponse({
      // The schema keeps transports as text; the library reads only the ones it knows.
      response: { ...input.response, response: { ...input.response.response, transports: knownTransports(input.response.response.transports) } },
      expectedChallenge: challenge,
      expectedOrigin: ctx.rp.origins,
      expectedRPID: ctx.rp.rpID,
      // A second factor after the password: presence is enough, as the options ask ('preferred').
      requireUserVerification: false,
    });
  } catch {
    throw await refuse('passkey_invalid');
  }
  if (!verification.verified) throw await refuse('passkey_invalid');
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;

  const row = await ctx.db.transaction(async (tx) => {
    if ((await countUserPasskeys(tx, userId)) >= MAX_PASSKEYS_PER_ACCOUNT) throw new DomainError('CONFLICT', 'passkey_limit');
    if (await passkeyCredentialExists(tx, credential.id)) throw new DomainError('CONFLICT', 'passkey_already_registered');
    const created = await insertPasskey(tx, {
      userId,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString('base64url'),
      counter: credential.counter,
      transports: knownTransports(credential.transports),
      deviceType: credentialDeviceType,
      backedUp: credentialBackedUp,
      name: input.name,
      createdAt: now,
    });
    await writeAudit(tx, {
      actorId: userId,
      action: 'passkey.register',
      entityType: 'passkey',
      entityId: created.id,
      diff: { name: [null, created.name], userId: [null, userId] },
      origin: ctx.origin,
    });
    return created;
  });
  return toPasskeySummary(row);
}
