import { describe, expect, it } from 'vitest';
import { TOTP_POLICY } from '@anc/domain';
import {
  decryptSecret,
  encryptSecret,
  generateMfaEncryptionKey,
  generateRecoveryCodes,
  generateTotpSecret,
  looksLikeRecoveryCode,
  matchTotpCode,
  normaliseRecoveryCode,
  parseMfaEncryptionKey,
  recoveryCodeHash,
  totpCodeAt,
  totpKeyUri,
  totpSecretFromText,
  totpSecretText,
} from './mfa.ts';

const at = (seconds: number) => new Date(seconds * 1000);
const step = (seconds: number) => Math.floor(seconds / TOTP_POLICY.periodSeconds);

describe('TOTP codes (RFC 6238)', () => {
  // RFC 6238 appendix B, SHA-1 secret "12345678901234567890": 8-digit 94287082 at T=59 s; apps show its last 6.
  const rfcKey = new TextEncoder().encode('12345678901234567890');

  it('matches the RFC test vectors', () => {
    expect([totpCodeAt(rfcKey, step(59)), totpCodeAt(rfcKey, step(1_111_111_109)), totpCodeAt(rfcKey, step(1_234_567_890))]).toEqual([
      '287082',
      '081804',
      '005924',
    ]);
  });

  it('accepts the code of the step before, the current one and the next (answering the step); refuses two away', () => {
    const now = 1_700_000_000;
    const current = step(now);
    const codeAt = (offset: number) => totpCodeAt(rfcKey, current + offset);
    expect([-2, -1, 0, 1, 2].map((offset) => matchTotpCode(rfcKey, codeAt(offset), at(now), null))).toEqual([null, current - 1, current, current + 1, null]);
  });

  it('at the edges of a step: the first and last second of a step accept the neighbours', () => {
    const first = step(1_700_000_000) * 30;
    const last = first + 29;
    const current = step(first);
    expect(matchTotpCode(rfcKey, totpCodeAt(rfcKey, current - 1), at(first), null)).toBe(current - 1);
    expect(matchTotpCode(rfcKey, totpCodeAt(rfcKey, current + 1), at(last), null)).toBe(current + 1);
    expect(matchTotpCode(rfcKey, totpCodeAt(rfcKey, current - 2), at(first), null)).toBeNull();
    expect(matchTotpCode(rfcKey, totpCodeAt(rfcKey, current + 2), at(last), null)).toBeNull();
  });

  it('refuses a replay: a code of the last used step or an earlier one', () => {
    const now = 1_700_000_000;
    const current = step(now);
    const code = totpCodeAt(rfcKey, current);
    expect(matchTotpCode(rfcKey, code, at(now), current)).toBeNull();
    expect(matchTotpCode(rfcKey, totpCodeAt(rfcKey, current - 1), at(now), current - 1)).toBeNull();
    expect(matchTotpCode(rfcKey, code, at(now), current - 1)).toBe(current);
  });

  it('takes "123 456" as typed; refuses anything that is not six digits', () => {
    const now = 1_700_000_000;
    const code = totpCodeAt(rfcKey, step(now));
    expect(matchTotpCode(rfcKey, `${code.slice(0, 3)} ${code.slice(3)}`, at(now), null)).toBe(step(now));
    expect(['', '12345', '1234567', 'abcdef', `${code}0`].map((c) => matchTotpCode(rfcKey, c, at(now), null))).toEqual([null, null, null, null, null]);
  });

  it('a secret is 20 random bytes, given as base32 text an app takes and as an otpauth URI with issuer ANC', () => {
    const key = generateTotpSecret();
    expect(key.length).toBe(20);
    const text = totpSecretText(key);
    expect(text).toMatch(/^[A-Z2-7]{32}$/);
    expect(totpSecretFromText(text.toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual(key);
    const uri = new URL(totpKeyUri('enlace@sedena.gob.mx', key));
    expect({
      protocol: uri.protocol,
      host: uri.host,
      secret: uri.searchParams.get('secret'),
      issuer: uri.searchParams.get('issuer'),
      digits: uri.searchParams.get('digits'),
      period: uri.searchParams.get('period'),
    }).toEqual({
      protocol: 'otpauth:',
      host: 'totp',
      secret: text,
      issuer: 'ANC',
      digits: '6',
      period: '30',
    });
    expect(decodeURIComponent(uri.pathname)).toBe('/ANC:enlace@sedena.gob.mx');
  });
});

describe('the secret at rest (AES-256-GCM)', () => {
  const key = generateMfaEncryptionKey();
  const secret = generateTotpSecret();
  const owner = '6f1c1d2e-0000-4000-8000-000000000001';

  it('round-trips, with a fresh IV each time (the same secret never encrypts the same)', () => {
    const a = encryptSecret(key, secret, owner);
    const b = encryptSecret(key, secret, owner);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    expect([decryptSecret(key, a, owner), decryptSecret(key, b, owner)]).toEqual([secret, secret]);
  });

  it('detects tampering: a changed byte, another account, another key, a cut blob', () => {
    const stored = encryptSecret(key, secret, owner);
    const [v, iv, body = ''] = stored.split('.');
    const flipped = Buffer.from(body, 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => decryptSecret(key, `${v}.${iv}.${flipped.toString('base64url')}`, owner)).toThrow(/unable to authenticate data/);
    expect(() => decryptSecret(key, stored, '6f1c1d2e-0000-4000-8000-000000000002')).toThrow(/unable to authenticate data/);
    expect(() => decryptSecret(generateMfaEncryptionKey(), stored, owner)).toThrow(/unable to authenticate data/);
    expect(() => decryptSecret(key, stored.slice(0, -4), owner)).toThrow(/unable to authenticate data/);
    expect(() => decryptSecret(key, `v2.${iv}.${body}`, owner)).toThrow(/format/);
  });

  it('MFA_ENCRYPTION_KEY: 32 bytes as hex or base64, nothing else', () => {
    const raw = Buffer.from(generateMfaEncryptionKey());
    expect(parseMfaEncryptionKey(raw.toString('hex'))).toEqual(new Uint8Array(raw));
    expect(parseMfaEncryptionKey(` ${raw.toString('base64')}\n`)).toEqual(new Uint8Array(raw));
    expect(parseMfaEncryptionKey(raw.toString('base64url'))).toEqual(new Uint8Array(raw));
    expect([parseMfaEncryptionKey('short'), parseMfaEncryptionKey(raw.subarray(0, 31).toString('hex')), parseMfaEncryptionKey('')]).toEqual([null, null, null]);
  });
});

describe('recovery codes', () => {
  it('ten distinct codes of 80 bits, shown in groups of four', () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);
  });

  it('case, spaces and dashes do not matter; the hash is of the normalised code', () => {
    const [code = ''] = generateRecoveryCodes(1);
    const typed = ` ${code.toUpperCase().replace(/-/g, ' ')} `;
    expect(normaliseRecoveryCode(typed)).toBe(code.replace(/-/g, ''));
    expect(recoveryCodeHash(typed)).toBe(recoveryCodeHash(code));
    expect(recoveryCodeHash(code)).toMatch(/^[0-9a-f]{64}$/);
    expect([looksLikeRecoveryCode(code), looksLikeRecoveryCode('123456')]).toEqual([true, false]);
  });
});
