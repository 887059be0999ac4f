import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { getRandomValues } from 'node:crypto';

/** 20 random bytes, base32: what the client holds (Lucia's current session design). */
export function generateSessionToken(): string {
  const bytes = new Uint8Array(20);
  getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

/** What the database holds: SHA-256 of the token, hex. A leaked table yields no usable token. */
export function sessionIdFromToken(token: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}
