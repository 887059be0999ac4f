import { verifyAuditChain } from '@anc/db';
import type { AuditVerifyResult } from '@anc/domain';
import type { AuthedContext } from '../../trpc/init.ts';

/** Seals what is committed first, so the answer is about the log as it stands now. */
export async function verifyAudit(ctx: AuthedContext): Promise<AuditVerifyResult> {
  await ctx.sealer?.run();
  return verifyAuditChain(ctx.db);
}
