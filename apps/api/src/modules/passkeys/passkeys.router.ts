import { PasskeyList, PasskeySummary, RegisterPasskeyInput, RemovePasskeyInput, RenamePasskeyInput } from '@anc/domain';
import { procedureFor } from '../../trpc/init.ts';
import { listPasskeys } from './list-passkeys.ts';
import { passkeyRegistrationOptions } from './passkey-registration-options.ts';
import { registerPasskey } from './register-passkey.ts';
import { relyingParty } from './relying-party.ts';
import { removePasskey } from './remove-passkey.ts';
import { renamePasskey } from './rename-passkey.ts';

/** The passkey procedures of `auth.mfa` (shared/API.md "MFA"); every one acts on the caller's own passkeys. */
export const passkeyProcedures = {
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
