import { z } from 'zod';
import { DIGEST_OPTIONS } from '../account/preferences.ts';
import { AGENCY_KINDS, LOCALES, ROLES } from '../roles.ts';
import { Email, NewPassword, Str } from './common.ts';

export const SignInInput = z.object({
  email: Email,
  // Never validated beyond presence: a sign-in must not reveal the password policy of an account.
  password: Str().min(1, { error: 'required' }).max(1024, { error: 'too_long' }),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const ChangePasswordInput = z.object({
  currentPassword: Str().min(1, { error: 'required' }).max(1024, { error: 'too_long' }),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export const SetLocaleInput = z.object({ locale: z.enum(LOCALES) });

export const SessionUser = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  locale: z.enum(LOCALES),
  agency: z.object({ id: z.string(), code: z.string(), name: z.string(), nameEn: z.string(), kind: z.enum(AGENCY_KINDS) }),
  /** How the person is told outside the portal (`auth.updatePreferences`). */
  preferences: z.object({ emailNotifications: z.boolean(), digest: z.enum(DIGEST_OPTIONS) }),
});
export type SessionUser = z.infer<typeof SessionUser>;

/**
 * `mfaEnrollmentRequired`: the account's role must have a second factor (MFA_REQUIRED_ROLES) and
 * it has none: the portal leads the person to enrolment, the API refuses everything else.
 */
export const MeOutput = z.object({ user: SessionUser.nullable(), mfaEnrollmentRequired: z.boolean().optional() });
export type MeOutput = z.infer<typeof MeOutput>;

/** `auth.signIn` and `auth.verifyMfa`: signed in, or (signIn only) a second factor is owed first. */
export const SignInOutput = z.union([
  z.object({ user: SessionUser, mfaRequired: z.literal(false).optional() }),
  z.object({ user: z.null(), mfaRequired: z.literal(true) }),
]);
export type SignInOutput = z.infer<typeof SignInOutput>;
