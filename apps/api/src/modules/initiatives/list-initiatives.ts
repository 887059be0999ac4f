import { listInitiativeSummaries } from '@anc/db';
import { mexicoCityDate, type ListInitiativesInput } from '@anc/domain';
import type { AuthedContext } from '../../trpc/init.ts';
import { toInitiativeSummary } from './initiative-dto.ts';

export async function listInitiatives(ctx: AuthedContext, input: ListInitiativesInput) {
  const { rows, nextCursor } = await listInitiativeSummaries(ctx.db, input, mexicoCityDate(new Date()));
  return { items: rows.map(toInitiativeSummary), nextCursor };
}
