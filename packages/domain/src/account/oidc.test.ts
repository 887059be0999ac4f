import { describe, expect, it } from 'vitest';
import { amrAssertsSecondFactor, emailDomain, OidcAutoProvision, OidcDomainList, oidcGate, oidcIdentity, safeReturnPath } from './oidc.ts';

describe('amrAssertsSecondFactor', () => {
  it.each([
    [['mfa'], true],
    [['pwd', 'otp'], true],
    [['hwk'], true],
    [['sc'], true],
    [['swk', 'pin'], true],
    [['swk', 'fpt'], true],
    [['pwd', 'sms'], true],
    [['PWD', 'OTP'], true],
    [['pwd'], false],
    [['swk'], false],
    [['fpt'], false],
    [['pwd', 'kba'], false],
    [[], false],
  ] as const)('%j → %s', (amr, expected) => {
    expect(amrAssertsSecondFactor(amr)).toBe(expected);
  });

  it('an absent or malformed claim is one factor', () => {
    expect([undefined, null, 'mfa', { 0: 'mfa' }, [1, 2]].map(amrAssertsSecondFactor)).toEqual([false, false, false, false, false]);
  });
});

describe('the settings', () => {
  it('OIDC_ALLOWED_DOMAINS: trimmed, lower case; anything that is not a domain is refused', () => {
    expect(OidcDomainList.parse(' SEDENA.gob.mx, semar.gob.mx ,')).toEqual(['sedena.gob.mx', 'semar.gob.mx']);
    expect(OidcDomainList.safeParse('sedena.gob.mx, @semar.gob.mx').success).toBe(false);
    expect(OidcDomainList.safeParse('*.gob.mx').success).toBe(false);
  });

  it('OIDC_AUTO_PROVISION: domain=AGENCY_CODE pairs', () => {
    expect(OidcAutoProvision.parse('sedena.gob.mx=SEDENA, Semar.gob.mx = semar')).toEqual({ 'sedena.gob.mx': 'SEDENA', 'semar.gob.mx': 'SEMAR' });
    expect(OidcAutoProvision.safeParse('sedena.gob.mx').success).toBe(false);
    expect(OidcAutoProvision.safeParse('=SEDENA').success).toBe(false);
    expect(OidcAutoProvision.safeParse('sedena.gob.mx=SEDENA,sedena.gob.mx=SEMAR').success).toBe(false);
  });
});

describe('oidcIdentity and oidcGate', () => {
  const allowed = ['sedena.gob.mx'];
  const gate = (claims: Record<string, unknown>) => oidcGate(oidcIdentity(claims), allowed);

  it('a verified address of an allowed domain passes, in lower case', () => {
    expect(gate({ email: ' Enlace@SEDENA.gob.mx ', email_verified: true })).toEqual({ ok: true, email: 'enlace@sedena.gob.mx', domain: 'sedena.gob.mx' });
  });

  it('email_verified must be the JSON true', () => {
    expect([false, 'true', 1, undefined].map((v) => gate({ email: 'enlace@sedena.gob.mx', email_verified: v }))).toEqual(
      Array.from({ length: 4 }, () => ({ ok: false, reason: 'email_unverified' })),
    );
  });

  it('no e-mail, or a domain not listed (a subdomain neither)', () => {
    expect([
      gate({ email_verified: true }),
      gate({ email: 'x@evil.example', email_verified: true }),
      gate({ email: 'x@mail.sedena.gob.mx', email_verified: true }),
    ]).toEqual([
      { ok: false, reason: 'email_missing' },
      { ok: false, reason: 'domain_not_allowed' },
      { ok: false, reason: 'domain_not_allowed' },
    ]);
  });

  it('the name from name, else given and family names; amr kept as strings only', () => {
    expect(oidcIdentity({ given_name: 'Ana', family_name: 'Ruiz', amr: ['pwd', 3, 'otp'] })).toMatchObject({ name: 'Ana Ruiz', amr: ['pwd', 'otp'] });
    expect(oidcIdentity({ name: 'Ana Ruiz López' }).name).toBe('Ana Ruiz López');
    expect(oidcIdentity({}).name).toBeNull();
  });

  it('emailDomain takes what follows the last @', () => {
    expect([emailDomain('a@b@C.mx'), emailDomain('sin-arroba'), emailDomain('@x.mx')]).toEqual(['c.mx', null, null]);
  });
});

describe('safeReturnPath', () => {
  it('keeps a path of the portal, nothing else', () => {
    expect(
      ['/incidentes?estado=abierto', '/', 'https://evil.example', '//evil.example', '/\\evil.example', 'incidentes', '/a\nb', 42, '/' + 'x'.repeat(600)].map(
        safeReturnPath,
      ),
    ).toEqual(['/incidentes?estado=abierto', '/', '/', '/', '/', '/', '/', '/', '/']);
  });
});
