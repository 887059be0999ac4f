import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase64urlNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { getRandomValues } from 'node:crypto';

/** 32 random bytes, base64url (43 characters): what the reset e-mail's link carries. */
export function generatePasswordResetToken(): string {
  const bytes = new Uint8Array(32);
  getRandomValues(bytes);
  return encodeBase64urlNoPadding(bytes);
}

/** What the database holds: SHA-256 of the token, hex (as for sessions: a leaked table yields no usable link). */
export function passwordResetTokenHash(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
