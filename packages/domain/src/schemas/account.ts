import { z } from 'zod';
import { DIGEST_OPTIONS } from '../account/preferences.ts';
import { Email, NewPassword, Str } from './common.ts';

export const RequestPasswordResetInput = z.object({ email: Email });
export type RequestPasswordResetInput = z.infer<typeof RequestPasswordResetInput>;

/**
 * The token of the e-mailed link (base64url of 32 bytes: 43 characters) and the new password, under
 * the same rule as changing a password (`NewPassword`; the common-password check runs on the server).
 */
export const ResetPasswordWithTokenInput = z.object({
  token: Str().min(1, { error: 'required' }).max(200, { error: 'reset_link_invalid' }),
  password: NewPassword,
});
export type ResetPasswordWithTokenInput = z.infer<typeof ResetPasswordWithTokenInput>;

export const UpdatePreferencesInput = z.object({
  emailNotifications: z.boolean(),
  digest: z.enum(DIGEST_OPTIONS, { error: 'invalid_option' }),
});
export type UpdatePreferencesInput = z.infer<typeof UpdatePreferencesInput>;
