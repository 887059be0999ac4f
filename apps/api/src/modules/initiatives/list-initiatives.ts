import { listInitiativeSummaries } from '@anc/db';
import { mexicoCityDate, type ListInitiativesInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toInitiativeSummary } from './initiative-dto.ts';

export async function listInitiatives(ctx: UseCaseContext, input: ListInitiativesInput) {
  const { rows, nextCursor } = await listInitiativeSummaries(ctx.db, input, mexicoCityDate(new Date()));
  return { items: rows.map(toInitiativeSummary), nextCursor };
}
