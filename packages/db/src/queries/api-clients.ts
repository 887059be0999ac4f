import { and, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { AgencyKind } from '@anc/domain';
import type { Db } from '../client.ts';
import { agencies, apiClients, users } from '../schema/index.ts';

export type ApiClientRow = typeof apiClients.$inferSelect;

export interface ApiClientAuth {
  id: string;
  name: string;
  agencyId: string;
  agencyKind: AgencyKind;
  principalUserId: string;
  scopes: string[];
  lastUsedAt: Date | null;
}

/**
 * The live client of a token hash: one lookup by the unique index on `token_hash`, refusing a
 * revoked or expired client and a deactivated agency or principal account.
 */
export async function findApiClientByTokenHash(db: Db, tokenHash: string, now: Date): Promise<ApiClientAuth | undefined> {
  const [row] = await db
    .select({
      id: apiClients.id,
      name: apiClients.name,
      agencyId: apiClients.agencyId,
      agencyKind: agencies.kind,
      principalUserId: apiClients.principalUserId,
      scopes: apiClients.scopes,
      lastUsedAt: apiClients.lastUsedAt,
    })
    .from(apiClients)
    .innerJoin(agencies, eq(agencies.id, apiClients.agencyId))
    .innerJoin(users, eq(users.id, apiClients.principalUserId))
    .where(
      and(
        eq(apiClients.tokenHash, tokenHash),
        isNull(apiClients.revokedAt),
        or(isNull(apiClients.expiresAt), gt(apiClients.expiresAt, now)),
        eq(agencies.active, true),
        eq(users.active, true),
      ),
    );
  return row;
}

/** Records a use, unless one was recorded less than a minute ago (a cheap, conditional write). */
export async function touchApiClientUse(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(apiClients)
    .set({ lastUsedAt: now })
    .where(
      and(eq(apiClients.id, id), or(isNull(apiClients.lastUsedAt), lt(apiClients.lastUsedAt, sql`${now.toISOString()}::timestamptz - interval '1 minute'`))),
    );
}

export async function insertApiClient(tx: Db, values: typeof apiClients.$inferInsert): Promise<ApiClientRow> {
  const [row] = await tx.insert(apiClients).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export interface ApiClientAgency {
  id: string;
  code: string;
  name: string;
  nameEn: string;
}
export interface ApiClientWithAgency {
  client: ApiClientRow;
  agency: ApiClientAgency;
}
const agencyColumns = { id: agencies.id, code: agencies.code, name: agencies.name, nameEn: agencies.nameEn };

export async function getApiClient(db: Db, id: string): Promise<ApiClientWithAgency | undefined> {
  const [row] = await db
    .select({ client: apiClients, agency: agencyColumns })
    .from(apiClients)
    .innerJoin(agencies, eq(agencies.id, apiClients.agencyId))
    .where(eq(apiClients.id, id));
  return row;
}

/** Newest first, optionally of one agency, each with its agency. */
export async function listApiClients(db: Db, filters: { agencyId?: string | undefined } = {}): Promise<ApiClientWithAgency[]> {
  return db
    .select({ client: apiClients, agency: agencyColumns })
    .from(apiClients)
    .innerJoin(agencies, eq(agencies.id, apiClients.agencyId))
    .where(filters.agencyId ? eq(apiClients.agencyId, filters.agencyId) : undefined)
    .orderBy(desc(apiClients.createdAt), desc(apiClients.id))
    .limit(500);
}

/** Marks the client revoked (once); returns the row as it is after, or undefined if there is none. */
export async function revokeApiClient(tx: Db, id: string, now: Date): Promise<ApiClientRow | undefined> {
  const [row] = await tx
    .update(apiClients)
    .set({ revokedAt: sql`coalesce(${apiClients.revokedAt}, ${now.toISOString()}::timestamptz)` })
    .where(eq(apiClients.id, id))
    .returning();
  return row;
}
