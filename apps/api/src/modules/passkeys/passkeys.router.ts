import { PasskeyList, PasskeySummary, RegisterPasskeyInput, RemovePasskeyInput, RenamePasskeyInput, SignInOutput, VerifyMfaPasskeyInput } from '@anc/domain';
import { procedureFor, publicProcedure } from '../../trpc/init.ts';
import { passkeyAuthenticationOptions } from './passkey-authentication-options.ts';
import { listPasskeys } from './list-passkeys.ts';
import { passkeyRegistrationOptions } from './passkey-registration-options.ts';
import { registerPasskey } from './register-passkey.ts';
import { relyingParty } from './relying-party.ts';
import { removePasskey } from './remove-passkey.ts';
import { renamePasskey } from './rename-passkey.ts';
import { verifyMfaPasskey } from './verify-mfa-passkey.ts';

/** The passkey procedures of `auth.mfa` (docs/API.md "MFA"); every one acts on the caller's own passkeys. */
export const passkeyProcedures = {
  // The second step of a pending sign-in (no session yet): reads the pending cookie.
  passkeyAuthenticationOptions: publicProcedure.mutation(({ ctx }) =>
    passkeyAuthenticationOptions({ ...ctx, rp: relyingParty(ctx.env, ctx.request.selfOrigin) }),
  ),
  passkeyRegistrationOptions: procedureFor('auth.mfa.passkeyRegistrationOptions').mutation(({ ctx }) =>
    passkeyRegistrationOptions({ ...ctx, rp: relyingParty(ctx.env, ctx.request.selfOrigin) }),
  ),
  registerPasskey: procedureFor('auth.mfa.registerPasskey')
    .input(RegisterPasskeyInput)
    .output(PasskeySummary)
    .mutation(({ ctx, input }) => registerPasskey({ ...ctx, rp: relyingParty(ctx.env, ctx.request.selfOrigin) }, input)),
  passkeys: procedureFor('auth.mfa.passkeys')
    .output(PasskeyList)
    .query(({ ctx }) => listPasskeys(ctx)),
  renamePasskey: procedureFor('auth.mfa.renamePasskey')
    .input(RenamePasskeyInput)
    .output(PasskeySummary)
    .mutation(({ ctx, input }) => renamePasskey(ctx, input)),
  removePasskey: procedureFor('auth.mfa.removePasskey')
    .input(RemovePasskeyInput)
    .mutation(({ ctx, input }) => removePasskey(ctx, input)),
};

/** `auth.verifyMfaPasskey`: beside `auth.verifyMfa`, completes a pending sign-in with a passkey. */
export const verifyMfaPasskeyProcedure = publicProcedure
  .input(VerifyMfaPasskeyInput)
  .output(SignInOutput)
  .mutation(({ ctx, input }) => verifyMfaPasskey({ ...ctx, rp: relyingParty(ctx.env, ctx.request.selfOrigin) }, input));
