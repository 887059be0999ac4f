import { listApiClients as queryApiClients } from '@anc/db';
import type { ApiClientDto, ListApiClientsInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toApiClientDto } from './api-client-dto.ts';

/** `apiClients.list`: newest first, optionally of one agency; never a token. */
export async function listApiClients(ctx: UseCaseContext, input: ListApiClientsInput): Promise<{ items: ApiClientDto[] }> {
  const rows = await queryApiClients(ctx.db, { agencyId: input.agencyId });
  const now = Date.now();
  return { items: rows.map((r) => toApiClientDto(r.client, r.agency, now)) };
}
