import { CreateApiClientInput, ListApiClientsInput, RevokeApiClientInput } from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { createApiClient } from './create-api-client.ts';
import { listApiClients } from './list-api-clients.ts';
import { revokeApiClient } from './revoke-api-client.ts';

/** docs/API.md "Callers that are not a browser": admins issue, list and revoke API clients. */
export const apiClientsRouter = router({
  create: procedureFor('apiClients.create')
    .input(CreateApiClientInput)
    .mutation(({ ctx, input }) => createApiClient(ctx, input)),
  list: procedureFor('apiClients.list')
    .input(ListApiClientsInput)
    .query(({ ctx, input }) => listApiClients(ctx, input)),
  revoke: procedureFor('apiClients.revoke')
    .input(RevokeApiClientInput)
    .mutation(({ ctx, input }) => revokeApiClient(ctx, input)),
});
