// Second factors (docs/API.md "MFA"): the TOTP time window, what counts as a factor, and who
// must enrol before doing anything else. Pure: the codes themselves are computed in packages/auth.
import { z } from 'zod';
import type { Role } from '../roles.ts';
import { ROLES } from '../roles.ts';
import { Id, Str } from '../schemas/common.ts';

/** RFC 6238 as every authenticator app speaks it: 30-second steps, 6 digits, SHA-1. */
export const TOTP_POLICY = { periodSeconds: 30, digits: 6, skewSteps: 1, issuer: 'ANC' } as const;

/** The time step a moment falls in (RFC 6238 T = floor(unix seconds / period)). */
export function totpStep(now: Date): number {
  return Math.floor(now.getTime() / 1000 / TOTP_POLICY.periodSeconds);
}

/**
 * The steps whose code is accepted now: the current one and one either side (a clock a little
 * off, a code typed as it changed), and only those after the last step whose code was used, so a
 * code is accepted once and no earlier code is accepted after a later one (no replay).
 */
export function totpCandidateSteps(now: Date, lastUsedStep: number | null): number[] {
  const current = totpStep(now);
  const steps: number[] = [];
  for (let offset = -TOTP_POLICY.skewSteps; offset <= TOTP_POLICY.skewSteps; offset++) steps.push(current + offset);
  return steps.filter((step) => lastUsedStep === null || step > lastUsedStep);
}

/** How many recovery codes an account gets: shown once, each usable once. */
export const RECOVERY_CODE_COUNT = 10;

/**
 * The second factors of an account by kind (`auth.mfa.status`), as packages/db
 * `getSecondFactorCounts` counts them.
 */
export interface SecondFactorStatus {
  totp: boolean;
  passkeys: number;
  recoveryCodesLeft: number;
}

/** Recovery codes are a way back in with a factor, not a factor of their own. */
export function accountHasSecondFactor(status: Pick<SecondFactorStatus, 'totp' | 'passkeys'>): boolean {
  return status.totp || status.passkeys > 0;
}

/** `MFA_REQUIRED_ROLES`: such an account without a factor may only enrol. */
export function mfaEnrollmentRequired(role: Role, status: Pick<SecondFactorStatus, 'totp' | 'passkeys'>, requiredRoles: readonly Role[]): boolean {
  return requiredRoles.includes(role) && !accountHasSecondFactor(status);
}

/** The default of `MFA_REQUIRED_ROLES`: coordinators and admins in production, nobody elsewhere. */
export function defaultMfaRequiredRoles(production: boolean): Role[] {
  return production ? ['coordinator', 'admin'] : [];
}

/** Parses `MFA_REQUIRED_ROLES` (comma list); an unknown role is an error, not ignored. */
export function parseMfaRequiredRoles(value: string): Role[] | { unknown: string[] } {
  const names = value
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  const unknown = names.filter((n) => !(ROLES as readonly string[]).includes(n));
  if (unknown.length) return { unknown };
  return [...new Set(names)] as Role[];
}

/**
 * What an account that must enrol may still call: who am I, sign out, the language, enrolment
 * itself — and the procedures anyone may call. Every other procedure answers FORBIDDEN
 * `mfa_enrollment_required` (apps/api/src/trpc/init.ts). A passkey is a way to enrol too.
 */
export const MFA_ENROLLMENT_ALLOWED: readonly string[] = [
  'auth.me',
  'auth.signOut',
  'auth.setLocale',
  'auth.mfa.status',
  'auth.mfa.beginTotp',
  'auth.mfa.confirmTotp',
  'auth.mfa.passkeys',
  'auth.mfa.passkeyRegistrationOptions',
  'auth.mfa.registerPasskey',
  // public procedures (anyone)
  'auth.signIn',
  'auth.verifyMfa',
  'auth.verifyMfaPasskey',
  'auth.mfa.passkeyAuthenticationOptions',
  'auth.requestPasswordReset',
  'auth.resetPassword',
];

export function mayCallWhileEnrolling(path: string): boolean {
  return MFA_ENROLLMENT_ALLOWED.includes(path);
}

/** A TOTP code (6 digits; spaces allowed as apps show "123 456") or a recovery code. */
export const SecondFactorCode = Str().trim().min(1, { error: 'required' }).max(64, { error: 'too_long' });

export const VerifyMfaInput = z.object({ code: SecondFactorCode });
export type VerifyMfaInput = z.infer<typeof VerifyMfaInput>;

export const TotpCodeInput = z.object({ code: SecondFactorCode });
export type TotpCodeInput = z.infer<typeof TotpCodeInput>;

export const DisableMfaInput = z.object({
  password: Str().min(1, { error: 'required' }).max(1024, { error: 'too_long' }),
  code: SecondFactorCode,
});
export type DisableMfaInput = z.infer<typeof DisableMfaInput>;

/** Regenerating recovery codes takes a current code (TOTP or a recovery code): the person holds a factor now. */
export const RegenerateRecoveryCodesInput = z.object({ code: SecondFactorCode });
export type RegenerateRecoveryCodesInput = z.infer<typeof RegenerateRecoveryCodesInput>;

export const ResetMfaInput = z.object({ userId: Id });
export type ResetMfaInput = z.infer<typeof ResetMfaInput>;

export const MfaStatusOutput = z.object({ totp: z.boolean(), passkeys: z.number().int(), recoveryCodesLeft: z.number().int() });
export type MfaStatusOutput = z.infer<typeof MfaStatusOutput>;

export const BeginTotpOutput = z.object({ secret: z.string(), otpauthUri: z.string() });
export const RecoveryCodesOutput = z.object({ recoveryCodes: z.array(z.string()) });
