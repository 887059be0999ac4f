import { deleteUserSessions, getApiClient, revokeApiClient as markRevoked, updateUser, writeAudit } from '@anc/db';
import { DomainError, type ApiClientDto, type RevokeApiClientInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { toApiClientDto } from './api-client-dto.ts';

/**
 * `apiClients.revoke`: effective at once, since every request looks its token up
 * (packages/auth/src/api-tokens.ts); the principal account is deactivated as well. Idempotent: a
 * second revocation answers the same client and writes nothing.
 */
export async function revokeApiClient(ctx: UseCaseContext, { id }: RevokeApiClientInput): Promise<ApiClientDto> {
  return ctx.db.transaction(async (tx) => {
    const current = await getApiClient(tx, id);
    if (!current) throw new DomainError('NOT_FOUND', 'not_found');
    if (current.client.revokedAt) return toApiClientDto(current.client, current.agency);
    const now = new Date();
    const after = await markRevoked(tx, id, now);
    if (!after) throw new DomainError('NOT_FOUND', 'not_found');
    await updateUser(tx, after.principalUserId, { active: false });
    await deleteUserSessions(tx, after.principalUserId);
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'apiClient.revoke',
      entityType: 'api_client',
      entityId: id,
      diff: { revokedAt: [null, after.revokedAt?.toISOString() ?? now.toISOString()] },
      origin: ctx.origin,
    });
    return toApiClientDto(after, current.agency);
  });
}
