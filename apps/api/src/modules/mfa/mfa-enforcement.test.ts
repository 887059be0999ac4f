// MFA_REQUIRED_ROLES (docs/API.md "MFA"): an account of such a role without a second factor may
// only enrol. Generated over the router like the access matrix: every procedure of the app router
// (routerProcedures) is called over HTTP with such an account's session; each answers FORBIDDEN
// `mfa_enrollment_required` except the ones written out below. The plain-HTTP routes behind a
// session cookie refuse it too. On PGlite, or PostgreSQL with ANC_TEST_PG_URL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpSecretFromText } from '@anc/auth';
import { TAXII_MEDIA_TYPE } from '../../taxii/taxii.routes.ts';
import { DEMO, signedIn, startTestServer, type TestServer } from '../../testing/http.ts';
import { totpCode } from '../../testing/mfa.ts';
import { routerProcedures } from '../../testing/procedures.ts';
import { rawCall } from '../../testing/raw.ts';

/** What such an account may still call, written out here (not read from the domain's list). */
const ALLOWED = [
  'auth.me',
  'auth.mfa.beginTotp',
  'auth.mfa.confirmTotp',
  'auth.mfa.passkeyAuthenticationOptions',
  'auth.mfa.passkeyRegistrationOptions',
  'auth.mfa.passkeys',
  'auth.mfa.registerPasskey',
  'auth.mfa.status',
  'auth.requestPasswordReset',
  'auth.resetPassword',
  'auth.setLocale',
  'auth.signIn',
  'auth.signOut',
  'auth.verifyMfa',
  'auth.verifyMfaPasskey',
];
const PROCEDURES = routerProcedures();
const REFUSED = { code: 'FORBIDDEN', reason: 'mfa_enrollment_required' };

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ env: { MFA_REQUIRED_ROLES: 'coordinator,admin', RATE_LIMIT_PER_MINUTE: '100000' } });
});
afterAll(() => s.close());

/** A fresh session of the coordinator (no second factor): a call that signs out or in ends only it. */
const coordinatorCookie = async () => (await signedIn(s.url, DEMO.coordinator)).jar.header();

describe('an account that must enrol', () => {
  it('every procedure but the enrolment ones answers FORBIDDEN mfa_enrollment_required', async () => {
    expect(PROCEDURES.length).toBeGreaterThan(50);
    const cookie = await coordinatorCookie();
    const answers: Record<string, { code: string; reason: string | null } | 'let through'> = {};
    for (const p of PROCEDURES) {
      if (p.type !== 'query' && p.type !== 'mutation') throw new Error(`${p.path}: ${p.type}`);
      // The allowed ones may end or replace the session they are called with: each gets its own.
      const answer = await rawCall(s.url, p.path, p.type, {}, { cookie: ALLOWED.includes(p.path) ? await coordinatorCookie() : cookie });
      answers[p.path] = answer.reason === 'mfa_enrollment_required' ? { code: answer.code, reason: answer.reason } : 'let through';
    }
    expect(answers).toEqual(Object.fromEntries(PROCEDURES.map((p) => [p.path, ALLOWED.includes(p.path) ? 'let through' : REFUSED])));
  }, 120_000);

  it('auth.me tells the portal, and the plain-HTTP routes refuse the session', async () => {
    const cookie = await coordinatorCookie();
    const me = await rawCall(s.url, 'auth.me', 'query', undefined, { cookie });
    expect((me.data as { mfaEnrollmentRequired?: boolean }).mfaEnrollmentRequired).toBe(true);
    const routes = ['/export/incidents.csv', '/taxii2/', '/taxii2/api/collections/', '/events/notifications'];
    const answers = await Promise.all(
      routes.map(async (path) => {
        const res = await fetch(`${s.url}${path}`, { headers: { cookie, accept: path.startsWith('/taxii2/') ? TAXII_MEDIA_TYPE : '*/*' } });
        const body = await res.text();
        return [path, res.status, body.includes('"mfa_enrollment_required"') ? 'mfa_enrollment_required' : body.slice(0, 200)];
      }),
    );
    expect(answers).toEqual(routes.map((path) => [path, 403, 'mfa_enrollment_required']));
  });

  it('a role not listed is not held back', async () => {
    const staff = await signedIn(s.url, DEMO.sedena);
    expect((await staff.trpc.auth.me.query()).mfaEnrollmentRequired).toBe(false);
    expect((await staff.trpc.incidents.list.query({ limit: 1 })).items).toBeInstanceOf(Array);
  });

  it('once enrolled, the same session may do everything its role may', async () => {
    const coordinator = await signedIn(s.url, DEMO.coordinator);
    const before = await rawCall(s.url, 'incidents.list', 'query', { limit: 1 }, { cookie: coordinator.jar.header() });
    expect({ code: before.code, reason: before.reason }).toEqual(REFUSED);
    const key = totpSecretFromText((await coordinator.trpc.auth.mfa.beginTotp.mutate()).secret);
    expect((await coordinator.trpc.auth.mfa.confirmTotp.mutate({ code: totpCode(key) })).recoveryCodes).toHaveLength(10);
    expect((await coordinator.trpc.auth.me.query()).mfaEnrollmentRequired).toBe(false);
    const after = await rawCall(s.url, 'incidents.list', 'query', { limit: 1 }, { cookie: coordinator.jar.header() });
    expect(after.code).toBe('OK');
  });
});
