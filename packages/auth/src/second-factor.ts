import { consumeRecoveryCode, getUserTotp, recordTotpStep, type Db } from '@anc/db';
import { decryptSecret, looksLikeRecoveryCode, matchTotpCode, recoveryCodeHash } from './mfa.ts';

export type VerifiedFactor = 'totp' | 'recovery_code';

/**
 * Verifies a code typed as a second factor: a TOTP code of the account's confirmed authenticator
 * (its step recorded, so it is accepted once) or one of its unused recovery codes (marked used).
 * Null when neither. Run it inside the transaction that acts on the answer.
 */
export async function verifySecondFactorCode(
  db: Db,
  userId: string,
  code: string,
  encryptionKey: Uint8Array,
  now = new Date(),
): Promise<VerifiedFactor | null> {
  if (looksLikeRecoveryCode(code)) return (await consumeRecoveryCode(db, userId, recoveryCodeHash(code), now)) ? 'recovery_code' : null;
  const totp = await getUserTotp(db, userId);
  if (!totp?.confirmedAt) return null;
  const step = matchTotpCode(decryptSecret(encryptionKey, totp.secret, userId), code, now, totp.lastUsedStep);
  if (step === null) return null;
  // Conditional on the stored step: a parallel use of the same code loses here.
  return (await recordTotpStep(db, userId, step)) ? 'totp' : null;
}
