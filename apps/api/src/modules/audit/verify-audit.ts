import { verifyAuditChain } from '@anc/db';
import type { AuditVerifyResult } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

/** Seals what is committed first, so the answer is about the log as it stands now. */
export async function verifyAudit(ctx: UseCaseContext): Promise<AuditVerifyResult> {
  await ctx.sealer?.run();
  return verifyAuditChain(ctx.db);
}
