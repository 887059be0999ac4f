// The OIDC_* settings as env.ts reads them: all needed parts or none, https in production, and
// every provisioned domain also allowed.
import { describe, expect, it } from 'vitest';
import { loadEnv, TEST_MFA_ENCRYPTION_KEY, testEnv } from '../../../env.ts';

const OIDC = {
  OIDC_ISSUER: 'https://idp.example.gob.mx/realms/apf',
  OIDC_CLIENT_ID: 'portal-anc',
  OIDC_CLIENT_SECRET: 'secreto',
  OIDC_ALLOWED_DOMAINS: 'SEDENA.gob.mx, semar.gob.mx',
  OIDC_AUTO_PROVISION: 'semar.gob.mx=semar',
};
const problems = (overrides: Record<string, string>) => {
  try {
    testEnv(overrides);
    return [];
  } catch (err) {
    return String(err instanceof Error ? err.message : err)
      .split('\n')
      .slice(1)
      .map((l) => l.trim().split(':')[0]);
  }
};

describe('OIDC settings', () => {
  it('absent (or empty, as compose passes them): single sign-on is off', () => {
    expect([testEnv().oidc, testEnv({ OIDC_ISSUER: '', OIDC_CLIENT_ID: '', OIDC_ALLOWED_DOMAINS: '' }).oidc]).toEqual([null, null]);
  });

  it('parsed: domains in lower case, agency codes in upper case; the redirect URI follows PUBLIC_URL', () => {
    expect(testEnv({ ...OIDC, PUBLIC_URL: 'https://portal.anc.gob.mx/' }).oidc).toEqual({
      issuer: OIDC.OIDC_ISSUER,
      clientId: 'portal-anc',
      clientSecret: 'secreto',
      allowedDomains: ['sedena.gob.mx', 'semar.gob.mx'],
      autoProvision: { 'semar.gob.mx': 'SEMAR' },
      redirectBase: 'https://portal.anc.gob.mx',
    });
    // Without PUBLIC_URL or PUBLIC_ORIGIN (development, tests): the origin the browser used.
    expect(testEnv(OIDC).oidc?.redirectBase).toBeNull();
    // A public client: no secret.
    expect(testEnv({ ...OIDC, OIDC_CLIENT_SECRET: '' }).oidc?.clientSecret).toBeNull();
  });

  it('any one of them asks for the issuer, the client id and the allowed domains', () => {
    expect(problems({ OIDC_CLIENT_SECRET: 'x' })).toEqual(['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_ALLOWED_DOMAINS']);
    expect(problems({ ...OIDC, OIDC_ALLOWED_DOMAINS: ' , ' })).toContain('OIDC_ALLOWED_DOMAINS');
  });

  it('refuses malformed values and a provisioned domain that is not allowed', () => {
    expect(problems({ ...OIDC, OIDC_ISSUER: 'ftp://idp.example' })).toEqual(['OIDC_ISSUER']);
    expect(problems({ ...OIDC, OIDC_ALLOWED_DOMAINS: 'semar.gob.mx, no es dominio' })).toEqual(['OIDC_ALLOWED_DOMAINS.1']);
    expect(problems({ ...OIDC, OIDC_AUTO_PROVISION: 'sspc.gob.mx=SSPC' })).toEqual(['OIDC_AUTO_PROVISION']);
    expect(problems({ ...OIDC, OIDC_AUTO_PROVISION: 'semar.gob.mx' })).toEqual(['OIDC_AUTO_PROVISION']);
  });

  it('production takes an https issuer only', () => {
    const production = {
      ...OIDC,
      NODE_ENV: 'production',
      PUBLIC_ORIGIN: 'https://portal.anc.gob.mx',
      MFA_ENCRYPTION_KEY: TEST_MFA_ENCRYPTION_KEY,
      OIDC_ISSUER: 'http://idp.example.gob.mx',
    };
    expect(() => loadEnv(production)).toThrow(/OIDC_ISSUER: must be an https:\/\/ URL in production/);
    expect(loadEnv({ ...production, OIDC_ISSUER: 'https://idp.example.gob.mx' }).oidc?.redirectBase).toBe('https://portal.anc.gob.mx');
  });
});
