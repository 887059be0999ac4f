// API clients for tests, made in the test database the way the admin procedure makes them
// (packages/auth/src/api-tokens.test.ts): a principal account of kind 'api_client' and the
// client row holding the SHA-256 of a fresh token. Returns the token, shown once.
import { eq } from 'drizzle-orm';
import { generateApiToken } from '@anc/auth';
import { insertApiClient, insertUser, revokeApiClient, users, type Db } from '@anc/db';
import type { ApiScope } from '@anc/domain';
import { agencyIdOf } from './incidents.ts';

let serial = 0;

export interface TestApiClient {
  id: string;
  principalUserId: string;
  agencyId: string;
  token: string;
}

export async function createTestApiClient(
  db: Db,
  options: { agencyCode: string; scopes: readonly ApiScope[]; expiresAt?: Date; revoked?: boolean },
): Promise<TestApiClient> {
  serial += 1;
  const agencyId = await agencyIdOf(db, options.agencyCode);
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  if (!admin) throw new Error('no admin to issue the client');
  const principal = await insertUser(db, {
    email: `soc-${serial}-${Date.now()}@integraciones.anc.invalid`,
    name: `SOC ${options.agencyCode} ${serial}`,
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
    name: `SOC ${options.agencyCode} ${serial}`,
    tokenPrefix: token.prefix,
    tokenHash: token.hash,
    scopes: [...options.scopes],
    expiresAt: options.expiresAt ?? null,
    createdBy: admin.id,
  });
  if (options.revoked) await revokeApiClient(db, row.id, new Date());
  return { id: row.id, principalUserId: principal.id, agencyId, token: token.token };
}
