// `auth.mfa.*` (docs/API.md "MFA"): one's own second factors. The passkeys branch adds its
// procedures beside these.
import { BeginTotpOutput, DisableMfaInput, MfaStatusOutput, RecoveryCodesOutput, RegenerateRecoveryCodesInput, TotpCodeInput } from '@anc/domain';
import { mfaKeyOf } from '../../mfa-key.ts';
import { procedureFor, router } from '../../trpc/init.ts';
import { passkeyProcedures } from '../passkeys/passkeys.router.ts';
import { beginTotp } from './begin-totp.ts';
import { confirmTotp } from './confirm-totp.ts';
import { disableMfa } from './disable-mfa.ts';
import { getMfaStatus } from './get-mfa-status.ts';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes.ts';

export const mfaRouter = router({
  status: procedureFor('auth.mfa.status')
    .output(MfaStatusOutput)
    .query(({ ctx }) => getMfaStatus(ctx)),
  beginTotp: procedureFor('auth.mfa.beginTotp')
    .output(BeginTotpOutput)
    .mutation(({ ctx }) => beginTotp({ ...ctx, mfaKey: mfaKeyOf(ctx.env) })),
  confirmTotp: procedureFor('auth.mfa.confirmTotp')
    .input(TotpCodeInput)
    .output(RecoveryCodesOutput)
    .mutation(({ ctx, input }) => confirmTotp({ ...ctx, mfaKey: mfaKeyOf(ctx.env) }, input)),
  disable: procedureFor('auth.mfa.disable')
    .input(DisableMfaInput)
    .mutation(({ ctx, input }) => disableMfa({ ...ctx, mfaKey: mfaKeyOf(ctx.env) }, input)),
  regenerateRecoveryCodes: procedureFor('auth.mfa.regenerateRecoveryCodes')
    .input(RegenerateRecoveryCodesInput)
    .output(RecoveryCodesOutput)
    .mutation(({ ctx, input }) => regenerateRecoveryCodes({ ...ctx, mfaKey: mfaKeyOf(ctx.env) }, input)),
  ...passkeyProcedures,
});
