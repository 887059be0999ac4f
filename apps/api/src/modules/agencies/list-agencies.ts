import { listAgencies as queryAgencies } from '@anc/db';
import type { AuthedContext } from '../../trpc/init.ts';
import { toAgencyDto } from './agency-dto.ts';

/** Every agency (signed-in users need them all to assign and share), ordered by code. */
export async function listAgencies(ctx: AuthedContext, input: { includeInactive: boolean }) {
  const rows = await queryAgencies(ctx.db, input);
  return { items: rows.map(toAgencyDto) };
}
