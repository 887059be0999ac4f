// Bearer tokens of API clients (docs/API.md "Callers that are not a browser"). A token is 32
// random bytes in base32 after a visible `anc_`; the database keeps only its SHA-256, so a request
// costs one indexed lookup of that hash and never a password hash (argon2 per request would cap
// the throughput at a few requests per second).
import { getRandomValues } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { findApiClientByTokenHash, touchApiClientUse, type Db } from '@anc/db';
import { API_TOKEN_PATTERN, API_TOKEN_PREFIX_LENGTH, type Actor, type ApiScope } from '@anc/domain';
import { sessionIdFromToken } from './tokens.ts';

export interface NewApiToken {
  /** Shown once to the admin who creates the client, never stored. */
  token: string;
  /** What a person sees of it afterwards. */
  prefix: string;
  /** What the database stores. */
  hash: string;
}

export function generateApiToken(): NewApiToken {
  const bytes = new Uint8Array(32);
  getRandomValues(bytes);
  const token = `anc_${encodeBase32LowerCaseNoPadding(bytes)}`;
  return { token, prefix: token.slice(0, API_TOKEN_PREFIX_LENGTH), hash: hashApiToken(token) };
}

/** SHA-256 of the token, hex (the same digest as session tokens). */
export const hashApiToken = (token: string): string => sessionIdFromToken(token);

/** `lastUsedAt` is written at most this often per client, so a busy client does not write per request. */
export const API_CLIENT_TOUCH_INTERVAL_MS = 60_000;

/**
 * The actor an `Authorization: Bearer` token stands for, or null for a malformed, unknown, revoked
 * or expired token, or one whose agency or principal account was deactivated. Looked up on every
 * request, so a revocation holds at once on every API process.
 */
export async function authenticateApiToken(db: Db, token: string, now = new Date()): Promise<Actor | null> {
  if (!API_TOKEN_PATTERN.test(token)) return null;
  const found = await findApiClientByTokenHash(db, hashApiToken(token), now);
  if (!found) return null;
  if (!found.lastUsedAt || now.getTime() - found.lastUsedAt.getTime() >= API_CLIENT_TOUCH_INTERVAL_MS) await touchApiClientUse(db, found.id, now);
  return {
    userId: found.principalUserId,
    role: 'staff',
    agencyId: found.agencyId,
    agencyKind: found.agencyKind,
    locale: 'es-MX',
    client: { id: found.id, name: found.name, scopes: found.scopes as ApiScope[] },
  };
}

/** The token of an `Authorization` header value (`Bearer <token>`), or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
