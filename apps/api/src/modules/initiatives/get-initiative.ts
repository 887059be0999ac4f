import type { InitiativeIdInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildInitiativeDetail } from './initiative-dto.ts';
import { initiativeOr404 } from './initiative-rules.ts';

/** Every signed-in role reads any initiative; an unknown id is NOT_FOUND. */
export async function getInitiative(ctx: UseCaseContext, input: InitiativeIdInput) {
  const row = await initiativeOr404(ctx.db, input.id);
  return buildInitiativeDetail(ctx.db, ctx.actor, row);
}
