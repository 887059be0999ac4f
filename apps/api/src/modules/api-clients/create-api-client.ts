import { randomUUID } from 'node:crypto';
import { generateApiToken } from '@anc/auth';
import { getAgency, insertApiClient, insertUser, writeAudit, type Db } from '@anc/db';
import { DomainError, auditDiff, type CreateApiClientInput, type CreatedApiClientDto } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { apiClientAuditFields, toApiClientDto } from './api-client-dto.ts';

/**
 * Never verifiable as a password (no hash scheme produces it), so the principal account of a client
 * cannot sign in; the sign-in lookup finds people only besides (`isPerson`, packages/db/src/queries/users.ts).
 */
const NO_PASSWORD = '!';

/** A client acts as staff of its agency: the agency must exist, be active and not be the ANC itself. */
async function clientAgency(db: Db, agencyId: string) {
  const agency = await getAgency(db, agencyId);
  if (!agency) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { agencyId: ['invalid_option'] } });
  if (!agency.active) throw new DomainError('UNPROCESSABLE', 'agency_inactive', { fieldErrors: { agencyId: ['agency_inactive'] } });
  if (agency.kind === 'national_agency')
    throw new DomainError('UNPROCESSABLE', 'api_client_agency_is_anc', { fieldErrors: { agencyId: ['api_client_agency_is_anc'] } });
  return agency;
}

/**
 * `apiClients.create` (docs/API.md "Callers that are not a browser"): one transaction writes the
 * client's principal account, the client with the token's hash and prefix, and the audit row. The
 * token is in this answer and nowhere else.
 */
export async function createApiClient(ctx: UseCaseContext, input: CreateApiClientInput): Promise<CreatedApiClientDto> {
  const { token, prefix, hash } = generateApiToken();
  return ctx.db.transaction(async (tx) => {
    const agency = await clientAgency(tx, input.agencyId);
    const principal = await insertUser(tx, {
      kind: 'api_client',
      email: `client-${randomUUID()}@integraciones.anc.invalid`,
      name: input.name,
      role: 'staff',
      agencyId: agency.id,
      locale: 'es-MX',
      passwordHash: NO_PASSWORD,
    });
    const client = await insertApiClient(tx, {
      agencyId: agency.id,
      principalUserId: principal.id,
      name: input.name,
      tokenPrefix: prefix,
      tokenHash: hash,
      scopes: [...input.scopes],
      expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
      createdBy: ctx.actor.userId,
    });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'apiClient.create',
      entityType: 'api_client',
      entityId: client.id,
      diff: auditDiff(null, apiClientAuditFields(client)),
      origin: ctx.origin,
    });
    return { client: toApiClientDto(client, agency), token };
  });
}
