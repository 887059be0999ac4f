// API clients for tests, made in the test database the way the admin procedure makes them
// (packages/auth/src/api-tokens.test.ts): a principal account of kind 'api_client' and the
// client row holding the SHA-256 of a fresh token. Returns the token, shown once.
import { and, asc, eq } from 'drizzle-orm';
import { generateApiToken } from '@anc/auth';
import { auditEvents, insertApiClient, insertUser, revokeApiClient, users, type Db } from '@anc/db';
import type { TestServer } from './http.ts';
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

/**
 * The client's `apiClient.call` audit rows once there are at least `n`, oldest first. A call's row
 * is queued when its response completes, which can be just after the caller has the answer, and
 * written in a batch (apps/api/src/http/call-audit.ts): the queue is flushed while waiting.
 */
export async function apiCallRows(s: TestServer, clientId: string, n: number) {
  const read = () =>
    s.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'apiClient.call'), eq(auditEvents.entityId, clientId)))
      .orderBy(asc(auditEvents.id));
  for (let i = 0; i < 250; i++) {
    await s.server.callAudit.flush();
    const rows = await read();
    if (rows.length >= n) return rows;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return read();
}
