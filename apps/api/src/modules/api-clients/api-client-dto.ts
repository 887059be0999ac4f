import type { ApiClientAgency, ApiClientRow } from '@anc/db';
import { apiClientStatus, type ApiClientDto, type ApiScope } from '@anc/domain';

/** What an admin sees of a client: never the token, never its hash. */
export const toApiClientDto = (c: ApiClientRow, agency: ApiClientAgency, now = Date.now()): ApiClientDto => ({
  id: c.id,
  name: c.name,
  agencyId: c.agencyId,
  agency: { code: agency.code, name: agency.name, nameEn: agency.nameEn },
  scopes: c.scopes as ApiScope[],
  prefix: c.tokenPrefix,
  createdAt: c.createdAt.toISOString(),
  expiresAt: c.expiresAt?.toISOString() ?? null,
  lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
  revokedAt: c.revokedAt?.toISOString() ?? null,
  status: apiClientStatus(c, now),
});

/** The fields of a client its audit rows record (the prefix, never the token nor its hash). */
export const apiClientAuditFields = (c: ApiClientRow) => ({
  name: c.name,
  agencyId: c.agencyId,
  principalUserId: c.principalUserId,
  scopes: c.scopes,
  prefix: c.tokenPrefix,
  expiresAt: c.expiresAt?.toISOString() ?? null,
  revokedAt: c.revokedAt?.toISOString() ?? null,
});
