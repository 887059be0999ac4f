import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { AgencyKind, Sector } from '@anc/domain';
import type { Db } from '../client.ts';
import { agencies, isPerson, users } from '../schema/index.ts';

export type AgencyRow = typeof agencies.$inferSelect;

export async function listAgencies(db: Db, { includeInactive }: { includeInactive: boolean }) {
  const userCounts = db
    .select({ agencyId: users.agencyId, n: count().as('n') })
    .from(users)
    .where(and(eq(users.active, true), isPerson))
    .groupBy(users.agencyId)
    .as('user_counts');
  const rows = await db
    .select({ agency: agencies, userCount: sql<number>`coalesce(${userCounts.n}, 0)::int` })
    .from(agencies)
    .leftJoin(userCounts, eq(userCounts.agencyId, agencies.id))
    .where(includeInactive ? undefined : eq(agencies.active, true))
    .orderBy(asc(agencies.code));
  return rows.map((r) => ({ ...r.agency, userCount: Number(r.userCount) }));
}

/** Every agency's code and names (active or not): words a password must not be made of. */
export async function agencyWords(db: Db): Promise<string[]> {
  const rows = await db.select({ code: agencies.code, name: agencies.name, nameEn: agencies.nameEn }).from(agencies);
  return rows.flatMap((r) => [r.code, r.name, r.nameEn]);
}

export async function getAgency(db: Db, id: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.id, id));
  return row;
}

export async function getAgencyByCode(db: Db, code: string): Promise<AgencyRow | undefined> {
  const [row] = await db.select().from(agencies).where(eq(agencies.code, code));
  return row;
}

export interface AgencyValues {
  code: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
  sector: Sector | null;
}

export async function insertAgency(db: Db, values: AgencyValues): Promise<AgencyRow> {
  const [row] = await db.insert(agencies).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateAgency(db: Db, id: string, patch: Partial<AgencyValues> & { active?: boolean }): Promise<AgencyRow | undefined> {
  const [row] = await db
    .update(agencies)
    .set({ ...patch, version: sql`${agencies.version} + 1`, updatedAt: new Date() })
    .where(eq(agencies.id, id))
    .returning();
  return row;
}
