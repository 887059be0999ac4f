import { listAgencies as queryAgencies } from '@anc/db';
import type { UseCaseContext } from '../use-case.ts';
import { toAgencyDto } from './agency-dto.ts';

/** Every agency (signed-in users need them all to assign and share), ordered by code. */
export async function listAgencies(ctx: UseCaseContext, input: { includeInactive: boolean }) {
  const rows = await queryAgencies(ctx.db, input);
  return { items: rows.map(toAgencyDto) };
}
