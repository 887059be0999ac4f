// The TOTP encryption key of a start without MFA_ENCRYPTION_KEY (apps/api/src/mfa-key.ts).
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';
import { MFA_KEY_FILE, withMfaKey } from './mfa-key.ts';

const dir = mkdtempSync(join(tmpdir(), 'anc-mfa-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const envAt = (pgliteDir: string, extra: Record<string, string> = {}) => loadEnv({ NODE_ENV: 'development', PGLITE_DIR: pgliteDir, ...extra });

describe('the MFA encryption key', () => {
  it('the embedded start generates one in its data folder (mode 600) and reuses it', () => {
    const first = withMfaKey(envAt(join(dir, 'a', 'pglite'))).mfaEncryptionKey;
    const file = join(dir, 'a', MFA_KEY_FILE);
    expect(first).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(Buffer.from(first));
    expect(withMfaKey(envAt(join(dir, 'a', 'pglite'))).mfaEncryptionKey).toEqual(first);
  });

  it('MFA_ENCRYPTION_KEY wins; an in-memory database gets a key of its own per start', () => {
    const hex = 'ab'.repeat(32);
    expect(Buffer.from(withMfaKey(envAt(join(dir, 'b', 'pglite'), { MFA_ENCRYPTION_KEY: hex })).mfaEncryptionKey).toString('hex')).toBe(hex);
    expect(withMfaKey(envAt('memory')).mfaEncryptionKey).not.toEqual(withMfaKey(envAt('memory')).mfaEncryptionKey);
  });

  it('a damaged key file stops the start rather than making a new key', () => {
    writeFileSync(join(dir, MFA_KEY_FILE), 'not a key\n');
    expect(() => withMfaKey(envAt(join(dir, 'pglite')))).toThrow(/does not hold a 32-byte key/);
  });

  it('a malformed MFA_ENCRYPTION_KEY or MFA_REQUIRED_ROLES is refused at start, saying what to set', () => {
    expect(() => envAt('memory', { MFA_ENCRYPTION_KEY: 'short' })).toThrow(/MFA_ENCRYPTION_KEY: 32 bytes/);
    expect(() => envAt('memory', { MFA_REQUIRED_ROLES: 'admin,jefe' })).toThrow(/unknown role\(s\): jefe/);
    expect(envAt('memory', { MFA_REQUIRED_ROLES: '' }).mfaRequiredRoles).toEqual([]);
    expect(
      loadEnv({ NODE_ENV: 'production', PGLITE_DIR: 'memory', PUBLIC_ORIGIN: 'https://p.example', MFA_ENCRYPTION_KEY: 'ab'.repeat(32) }).mfaRequiredRoles,
    ).toEqual(['coordinator', 'admin']);
  });
});
