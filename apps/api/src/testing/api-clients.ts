// API clients for tests, written straight into the test database the way packages/auth's
// api-tokens.test.ts does (a principal account of kind `api_client` and the client row holding the
// token's SHA-256), so a test can call the plain-HTTP routes with `Authorization: Bearer`.
import { randomUUID } from 'node:crypto';
import { generateApiToken } from '@anc/auth';
import { insertApiClient, insertUser, revokeApiClient, type Db } from '@anc/db';
import type { ApiScope } from '@anc/domain';
import { DEMO } from './http.ts';
import { agencyIdOf, userIdOf } from './incidents.ts';

export interface TestApiClient {
  id: string;
  token: string;
  /** The `Authorization` header of its requests. */
  authorization: string;
  revoke(): Promise<void>;
}

/** A client of the agency `agencyCode` (a demo agency) with `scopes`, created by the demo admin. */
export async function createTestApiClient(
  db: Db,
  agencyCode: string,
  { scopes, expiresAt = null }: { scopes: ApiScope[]; expiresAt?: Date | null },
): Promise<TestApiClient> {
  const agencyId = await agencyIdOf(db, agencyCode);
  const name = `SOC ${agencyCode} ${randomUUID().slice(0, 8)}`;
  const principal = await insertUser(db, {
    email: `${randomUUID()}@integraciones.anc.invalid`,
    name,
    role: 'staff',
    kind: 'api_client',
    agencyId,
    passwordHash: '!',
    locale: 'es-MX',
  });
  const token = generateApiToken();
  const row = await insertApiClient(db, {
    agencyId,
    principalUserId: principal.id,
    name,
    tokenPrefix: token.prefix,
    tokenHash: token.hash,
    scopes,
    expiresAt,
    createdBy: await userIdOf(db, DEMO.admin),
  });
  return {
    id: row.id,
    token: token.token,
    authorization: `Bearer ${token.token}`,
    revoke: async () => {
      await revokeApiClient(db, row.id, new Date());
    },
  };
}
