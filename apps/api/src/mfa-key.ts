// The key TOTP secrets are encrypted with (packages/auth/src/mfa.ts). Production sets
// MFA_ENCRYPTION_KEY (env.ts refuses to start without it). The embedded start keeps one in its
// data folder, beside the PGlite database (`.data/mfa-encryption.key`), generated on first start
// and reused, so `npm start` needs no setting; an in-memory database gets a key of its own that
// lives as long as the process (and the secrets with it).
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateMfaEncryptionKey, parseMfaEncryptionKey } from '@anc/auth';
import type { Env } from './env.ts';

export const MFA_KEY_FILE = 'mfa-encryption.key';

export function mfaKeyFile(env: Pick<Env, 'PGLITE_DIR'>): string | null {
  return env.PGLITE_DIR === 'memory' ? null : join(dirname(env.PGLITE_DIR), MFA_KEY_FILE);
}

/** The env with `mfaEncryptionKey` always set. */
export function withMfaKey(env: Env): Env & { mfaEncryptionKey: Uint8Array } {
  if (env.mfaEncryptionKey) return { ...env, mfaEncryptionKey: env.mfaEncryptionKey };
  if (env.NODE_ENV === 'production') throw new Error('MFA_ENCRYPTION_KEY is required when NODE_ENV=production');
  const file = mfaKeyFile(env);
  if (!file) return { ...env, mfaEncryptionKey: generateMfaEncryptionKey() };
  if (existsSync(file)) {
    const key = parseMfaEncryptionKey(readFileSync(file, 'utf8'));
    if (!key) throw new Error(`${file} does not hold a 32-byte key (hex or base64); restore it from a backup or set MFA_ENCRYPTION_KEY`);
    return { ...env, mfaEncryptionKey: key };
  }
  const key = generateMfaEncryptionKey();
  mkdirSync(dirname(file), { recursive: true });
  // Written whole, then renamed: two processes starting together never read half a key.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, `${Buffer.from(key).toString('base64')}\n`, { mode: 0o600 });
  if (existsSync(file)) return withMfaKey(env);
  renameSync(partial, file);
  chmodSync(file, 0o600);
  return { ...env, mfaEncryptionKey: key };
}

/** The key of an env that went through `withMfaKey` (createServer) or `testEnv`. */
export function mfaKeyOf(env: Env): Uint8Array {
  if (!env.mfaEncryptionKey) throw new Error('no MFA encryption key: the server resolves one at start (withMfaKey)');
  return env.mfaEncryptionKey;
}
