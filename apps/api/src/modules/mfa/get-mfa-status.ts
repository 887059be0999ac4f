import { getSecondFactorCounts } from '@anc/db';
import type { MfaStatusOutput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

/** `auth.mfa.status`: the caller's own factors by kind (passkeys counted by packages/db `getSecondFactorCounts`). */
export async function getMfaStatus(ctx: Pick<UseCaseContext, 'db' | 'actor'>): Promise<MfaStatusOutput> {
  return getSecondFactorCounts(ctx.db, ctx.actor.userId);
}
