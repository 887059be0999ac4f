import { describe, expect, it } from 'vitest';
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { challengeOfClientData, knownTransports, passkeyCounterAcceptable, relyingPartyFor } from './passkeys.ts';
import { PasskeyName, RegisterPasskeyInput } from '../schemas/passkeys.ts';

const b64u = (s: string) => encodeBase64urlNoPadding(new TextEncoder().encode(s));

describe('relyingPartyFor', () => {
  it('binds passkeys to the host name of PUBLIC_URL and accepts ceremonies from its origin', () => {
    expect(relyingPartyFor('https://portal.anc.gob.mx/')).toEqual({ rpID: 'portal.anc.gob.mx', origins: ['https://portal.anc.gob.mx'] });
    expect(relyingPartyFor('http://localhost:3000')).toEqual({ rpID: 'localhost', origins: ['http://localhost:3000'] });
  });

  it('adds other PUBLIC_ORIGIN entries of the same host or a subdomain, and only those', () => {
    const rp = relyingPartyFor('https://anc.gob.mx', [
      'https://anc.gob.mx',
      'https://portal.anc.gob.mx',
      'https://evil-anc.gob.mx',
      'https://otro.example',
      'no es url',
    ]);
    expect(rp).toEqual({ rpID: 'anc.gob.mx', origins: ['https://anc.gob.mx', 'https://portal.anc.gob.mx'] });
  });
});

describe('challengeOfClientData', () => {
  it('reads the challenge of a clientDataJSON', () => {
    expect(challengeOfClientData(b64u(JSON.stringify({ type: 'webauthn.create', challenge: 'abc_-123', origin: 'https://x' })))).toBe('abc_-123');
  });

  it('answers null for text that is not base64url JSON with a challenge', () => {
    for (const bad of [
      '',
      '!!!',
      b64u('no json'),
      b64u('null'),
      b64u('{"challenge":5}'),
      b64u('{"challenge":""}'),
      b64u(JSON.stringify({ challenge: 'x'.repeat(600) })),
    ]) {
      expect(challengeOfClientData(bad)).toBeNull();
    }
  });
});

describe('passkeyCounterAcceptable', () => {
  it('accepts a growing counter, or an authenticator that keeps none (0 and 0)', () => {
    expect([passkeyCounterAcceptable(0, 0), passkeyCounterAcceptable(0, 1), passkeyCounterAcceptable(5, 6)]).toEqual([true, true, true]);
  });

  it('refuses a counter that stays or goes back (a cloned key)', () => {
    expect([passkeyCounterAcceptable(5, 5), passkeyCounterAcceptable(5, 4), passkeyCounterAcceptable(5, 0)]).toEqual([false, false, false]);
  });
});

describe('passkey schemas', () => {
  it('keeps the known transports once each', () => {
    expect(knownTransports(['usb', 'nfc', 'usb', 'quantum'])).toEqual(['usb', 'nfc']);
    expect(knownTransports(undefined)).toEqual([]);
  });

  it('trims names and bounds them to 1–64 characters', () => {
    expect(PasskeyName.parse('  Teléfono  ')).toBe('Teléfono');
    expect(PasskeyName.safeParse('   ').success).toBe(false);
    expect(PasskeyName.safeParse('x'.repeat(65)).success).toBe(false);
  });

  it('refuses a response that is not base64url where WebAuthn puts base64url', () => {
    const valid = { id: 'abc', rawId: 'abc', type: 'public-key', response: { clientDataJSON: 'abc', attestationObject: 'abc' }, clientExtensionResults: {} };
    expect(RegisterPasskeyInput.safeParse({ name: 'Llave', response: valid }).success).toBe(true);
    expect(RegisterPasskeyInput.safeParse({ name: 'Llave', response: { ...valid, rawId: 'a+b/c=' } }).success).toBe(false);
    expect(RegisterPasskeyInput.safeParse({ name: 'Llave', response: { ...valid, type: 'password' } }).success).toBe(false);
  });
});
