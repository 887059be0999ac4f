// Second factors (docs/API.md "MFA"): TOTP codes (RFC 6238 through @oslojs/otp's HOTP, so the
// matched time step is known and recorded), the secret's encryption at rest, recovery codes.
import { createCipheriv, createDecipheriv, getRandomValues } from 'node:crypto';
import { sha256 } from '@oslojs/crypto/sha2';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { RECOVERY_CODE_COUNT, TOTP_POLICY, totpCandidateSteps } from '@anc/domain';

/** A new TOTP secret: 20 random bytes (160 bits, RFC 4226's recommendation). */
export function generateTotpSecret(): Uint8Array {
  const key = new Uint8Array(20);
  getRandomValues(key);
  return key;
}

/** The secret as an authenticator app's manual entry takes it: base32, upper case, no padding. */
export const totpSecretText = (key: Uint8Array): string => encodeBase32UpperCaseNoPadding(key);

export const totpSecretFromText = (text: string): Uint8Array => decodeBase32IgnorePadding(text.replace(/\s+/g, '').toUpperCase());

/** `otpauth://totp/ANC:<account>?secret=…&issuer=ANC&…` for the QR code. */
export function totpKeyUri(accountName: string, key: Uint8Array): string {
  return createTOTPKeyURI(TOTP_POLICY.issuer, accountName, key, TOTP_POLICY.periodSeconds, TOTP_POLICY.digits);
}

/** The code of one time step. */
export function totpCodeAt(key: Uint8Array, step: number): string {
  return generateHOTP(key, BigInt(step), TOTP_POLICY.digits);
}

const TOTP_SHAPE = /^\d{6}$/;
/** "123 456" and "123-456" are "123456". */
export const normaliseTotpCode = (code: string): string => code.replace(/[\s-]/g, '');

/**
 * The step whose code this is, among the steps accepted now (`totpCandidateSteps`: ±1 step, and
 * only after the last used one), or null. Every candidate is compared in constant time.
 */
export function matchTotpCode(key: Uint8Array, code: string, now: Date, lastUsedStep: number | null): number | null {
  const typed = normaliseTotpCode(code);
  if (!TOTP_SHAPE.test(typed)) return null;
  let matched: number | null = null;
  for (const step of totpCandidateSteps(now, lastUsedStep)) {
    if (constantTimeEqual(totpCodeAt(key, step), typed) && matched === null) matched = step;
  }
  return matched;
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

// ---------------------------------------------------------------------------------------------
// Encryption at rest: AES-256-GCM, a random 96-bit IV per secret, the account id as additional
// data (a secret copied to another account's row does not decrypt). Stored as
// `v1.<iv base64url>.<ciphertext‖tag base64url>`.

/** `MFA_ENCRYPTION_KEY`: 32 bytes as 64 hex digits or base64 (44 characters with padding). */
export function parseMfaEncryptionKey(text: string): Uint8Array | null {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return new Uint8Array(Buffer.from(trimmed, 'hex'));
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const bytes = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    return bytes.length === 32 ? new Uint8Array(bytes) : null;
  }
  return null;
}

export function generateMfaEncryptionKey(): Uint8Array {
  const key = new Uint8Array(32);
  getRandomValues(key);
  return key;
}

export function encryptSecret(key: Uint8Array, plaintext: Uint8Array, associatedData: string): string {
  const iv = new Uint8Array(12);
  getRandomValues(iv);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
  return `v1.${Buffer.from(iv).toString('base64url')}.${body.toString('base64url')}`;
}

/** The plaintext, or a thrown error when the blob was altered, is for another account or another key. */
export function decryptSecret(key: Uint8Array, stored: string, associatedData: string): Uint8Array {
  const [version, ivText, bodyText] = stored.split('.');
  if (version !== 'v1' || !ivText || !bodyText) throw new Error('unknown secret format');
  const iv = Buffer.from(ivText, 'base64url');
  const body = Buffer.from(bodyText, 'base64url');
  if (iv.length !== 12 || body.length < 17) throw new Error('truncated secret');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(body.subarray(body.length - 16));
  return new Uint8Array(Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]));
}

// ---------------------------------------------------------------------------------------------
// Recovery codes: 10 random bytes each (80 bits), base32, shown as `xxxx-xxxx-xxxx-xxxx`; stored
// as SHA-256 of the normalised code (enough for codes of this entropy: no dictionary to try).

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = new Uint8Array(10);
    getRandomValues(bytes);
    const text = encodeBase32LowerCaseNoPadding(bytes);
    return text.match(/.{4}/g)?.join('-') ?? text;
  });
}

/** Case, spaces and dashes do not matter. */
export const normaliseRecoveryCode = (code: string): string => code.toLowerCase().replace(/[^a-z2-7]/g, '');

export const looksLikeRecoveryCode = (code: string): boolean => normaliseRecoveryCode(code).length === 16;

export function recoveryCodeHash(code: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(normaliseRecoveryCode(code))));
}
