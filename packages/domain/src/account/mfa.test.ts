import { describe, expect, it } from 'vitest';
import { ROLES } from '../roles.ts';
import {
  accountHasSecondFactor,
  defaultMfaRequiredRoles,
  mayCallWhileEnrolling,
  mfaEnrollmentRequired,
  parseMfaRequiredRoles,
  totpCandidateSteps,
  totpStep,
  VerifyMfaInput,
} from './mfa.ts';

const at = (seconds: number) => new Date(seconds * 1000);

describe('the TOTP window', () => {
  it('steps are 30 seconds from the Unix epoch (RFC 6238 T)', () => {
    expect([totpStep(at(0)), totpStep(at(29.999)), totpStep(at(30)), totpStep(at(59)), totpStep(at(1_111_111_109))]).toEqual([0, 0, 1, 1, 37_037_036]);
  });

  it('accepts the current step and one either side, nothing further', () => {
    expect(totpCandidateSteps(at(300), null)).toEqual([9, 10, 11]);
  });

  it('never a step at or before the last one used (no replay, no going back)', () => {
    expect(totpCandidateSteps(at(300), 9)).toEqual([10, 11]);
    expect(totpCandidateSteps(at(300), 10)).toEqual([11]);
    expect(totpCandidateSteps(at(300), 11)).toEqual([]);
  });
});

describe('what counts as a second factor', () => {
  it('a confirmed authenticator or a passkey; recovery codes alone do not', () => {
    expect([
      accountHasSecondFactor({ totp: false, passkeys: 0 }),
      accountHasSecondFactor({ totp: true, passkeys: 0 }),
      accountHasSecondFactor({ totp: false, passkeys: 2 }),
    ]).toEqual([false, true, true]);
  });

  it('enrolment is required of a listed role without a factor, of nobody else', () => {
    const none = { totp: false, passkeys: 0 };
    expect(ROLES.map((role) => [role, mfaEnrollmentRequired(role, none, ['coordinator', 'admin'])])).toEqual([
      ['staff', false],
      ['coordinator', true],
      ['admin', true],
    ]);
    expect(mfaEnrollmentRequired('admin', { totp: true, passkeys: 0 }, ['admin'])).toBe(false);
    expect(mfaEnrollmentRequired('admin', none, [])).toBe(false);
  });

  it('MFA_REQUIRED_ROLES: coordinators and admins by default in production only; a list is parsed, an unknown role named', () => {
    expect([defaultMfaRequiredRoles(true), defaultMfaRequiredRoles(false)]).toEqual([['coordinator', 'admin'], []]);
    expect(parseMfaRequiredRoles(' staff, admin,admin ,')).toEqual(['staff', 'admin']);
    expect(parseMfaRequiredRoles('')).toEqual([]);
    expect(parseMfaRequiredRoles('admin,root')).toEqual({ unknown: ['root'] });
  });

  it('while enrolling: who am I, sign out, language, enrolment and the public procedures only', () => {
    expect(
      ['auth.me', 'auth.signOut', 'auth.setLocale', 'auth.mfa.beginTotp', 'auth.mfa.confirmTotp', 'auth.mfa.status', 'auth.verifyMfa'].every(
        mayCallWhileEnrolling,
      ),
    ).toBe(true);
    expect(
      ['incidents.list', 'auth.changePassword', 'auth.mfa.disable', 'auth.mfa.regenerateRecoveryCodes', 'admin.users.resetMfa'].some(mayCallWhileEnrolling),
    ).toBe(false);
  });

  it('a code is required, trimmed and bounded', () => {
    expect(VerifyMfaInput.safeParse({ code: ' 123456 ' })).toEqual({ success: true, data: { code: '123456' } });
    expect(VerifyMfaInput.safeParse({ code: '' }).success).toBe(false);
    expect(VerifyMfaInput.safeParse({ code: 'x'.repeat(65) }).success).toBe(false);
  });
});
