import {
  AuthConfigOutput,
  ChangePasswordInput,
  MeOutput,
  RequestPasswordResetInput,
  ResetPasswordWithTokenInput,
  RevokeSessionInput,
  SessionListOutput,
  SetLocaleInput,
  SignInInput,
  SignInOutput,
  UpdatePreferencesInput,
  VerifyMfaInput,
} from '@anc/domain';
import { mfaKeyOf } from '../../mfa-key.ts';
import { procedureFor, publicProcedure, router } from '../../trpc/init.ts';
import { changePassword } from './change-password.ts';
import { getMe } from './get-me.ts';
import { listSessions } from './list-sessions.ts';
import { requestPasswordReset } from './request-password-reset.ts';
import { resetPasswordWithToken } from './reset-password-with-token.ts';
import { revokeOtherSessions } from './revoke-other-sessions.ts';
import { revokeSession } from './revoke-session.ts';
import { setLocale } from './set-locale.ts';
import { signIn } from './sign-in.ts';
import { signOut } from './sign-out.ts';
import { updatePreferences } from './update-preferences.ts';
import { verifyMfa } from './verify-mfa.ts';
import { mfaRouter } from '../mfa/mfa.router.ts';
import { verifyMfaPasskeyProcedure } from '../passkeys/passkeys.router.ts';

export const authRouter = router({
  signIn: publicProcedure
    .input(SignInInput)
    .output(SignInOutput)
    .mutation(({ ctx, input }) => signIn(ctx, input)),
  // The second step of a sign-in that owes a second factor: reads the pending cookie (docs/API.md "MFA").
  verifyMfa: publicProcedure
    .input(VerifyMfaInput)
    .output(SignInOutput)
    .mutation(({ ctx, input }) => verifyMfa({ ...ctx, mfaKey: mfaKeyOf(ctx.env) }, input)),
  verifyMfaPasskey: verifyMfaPasskeyProcedure,
  signOut: procedureFor('auth.signOut').mutation(({ ctx }) => signOut(ctx)),
  me: publicProcedure.output(MeOutput).query(({ ctx }) => getMe(ctx)),
  // What the sign-in page offers (single sign-on only when configured); answers anyone.
  config: publicProcedure.output(AuthConfigOutput).query(({ ctx }) => ({ oidc: ctx.env.oidc !== null })),
  setLocale: procedureFor('auth.setLocale')
    .input(SetLocaleInput)
    .mutation(({ ctx, input }) => setLocale(ctx, input)),
  changePassword: procedureFor('auth.changePassword')
    .input(ChangePasswordInput)
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
  updatePreferences: procedureFor('auth.updatePreferences')
    .input(UpdatePreferencesInput)
    .mutation(({ ctx, input }) => updatePreferences(ctx, input)),
  // Anyone may ask for a reset link and use one (docs/API.md "People reached outside the portal").
  requestPasswordReset: publicProcedure
    .input(RequestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset({ ...ctx, publicUrl: ctx.env.publicUrl }, input)),
  // The caller's own sessions (docs/API.md "Sessions of my own").
  sessions: router({
    list: procedureFor('auth.sessions.list')
      .output(SessionListOutput)
      .query(({ ctx }) => listSessions(ctx)),
    revoke: procedureFor('auth.sessions.revoke')
      .input(RevokeSessionInput)
      .mutation(({ ctx, input }) => revokeSession(ctx, input)),
    revokeOthers: procedureFor('auth.sessions.revokeOthers').mutation(({ ctx }) => revokeOtherSessions(ctx)),
  }),
  resetPassword: publicProcedure.input(ResetPasswordWithTokenInput).mutation(({ ctx, input }) => resetPasswordWithToken(ctx, input)),
  mfa: mfaRouter,
});
