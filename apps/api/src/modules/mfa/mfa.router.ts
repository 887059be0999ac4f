// `auth.mfa.*` (shared/API.md "MFA"): one's own second factors. The passkeys branch adds its
// procedures beside these.
import { MfaStatusOutput } from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { passkeyProcedures } from '../passkeys/passkeys.router.ts';
import { getMfaStatus } from './get-mfa-status.ts';

export const mfaRouter = router({
  status: procedureFor('auth.mfa.status')
    .output(MfaStatusOutput)
    .query(({ ctx }) => getMfaStatus(ctx)),
  ...passkeyProcedures,
});
