import { and, eq, ilike, lt, or, sql, type SQL } from 'drizzle-orm';
import { decodeCursor, encodeCursor, type ListUsersInput, type Locale, type Role, type UserKind } from '@anc/domain';
import type { Db } from '../client.ts';
import { agencies, isPerson, users } from '../schema/index.ts';

export type UserRow = typeof users.$inferSelect;

const userWithAgency = {
  user: users,
  agency: { id: agencies.id, code: agencies.code, name: agencies.name, nameEn: agencies.nameEn, kind: agencies.kind, active: agencies.active },
};

export async function getUserWithAgency(db: Db, id: string) {
  const [row] = await db.select(userWithAgency).from(users).innerJoin(agencies, eq(agencies.id, users.agencyId)).where(eq(users.id, id));
  return row;
}

export async function getUserByEmail(db: Db, email: string) {
  const [row] = await db
    .select(userWithAgency)
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(eq(users.email, email), isPerson));
  return row;
}

/** Newest first, keyset on (created_at, id); every filter is served by an index of users. */
export async function listUsers(db: Db, input: ListUsersInput) {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const conditions: (SQL | undefined)[] = [
    isPerson,
    input.agencyId ? eq(users.agencyId, input.agencyId) : undefined,
    input.role ? eq(users.role, input.role) : undefined,
    input.includeInactive ? undefined : eq(users.active, true),
    input.q ? or(ilike(users.name, `%${escapeLike(input.q)}%`), ilike(users.email, `%${escapeLike(input.q)}%`)) : undefined,
  ];
  if (after) {
    const at = new Date(after.sortKey);
    conditions.push(or(lt(users.createdAt, at), and(eq(users.createdAt, at), lt(users.id, after.id))));
  }
  const rows = await db
    .select(userWithAgency)
    .from(users)
    .innerJoin(agencies, eq(agencies.id, users.agencyId))
    .where(and(...conditions))
    // Matches the indexes' `DESC NULLS LAST` (plain DESC means NULLS FIRST and could not use them).
    .orderBy(sql`${users.createdAt} desc nulls last`, sql`${users.id} desc nulls last`)
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.user.createdAt.toISOString(), last.user.id) : null,
  };
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface UserValues {
  email: string;
  name: string;
  role: Role;
  agencyId: string;
  passwordHash: string;
  locale: Locale;
  /** Defaults to a person; `api_client` for the principal of an API client. */
  kind?: UserKind;
}

export async function insertUser(db: Db, values: UserValues): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning();
  if (!row) throw new Error('insert returned no row');
  return row;
}

export async function updateUser(
  db: Db,
  id: string,
  patch: Partial<
    Pick<UserRow, 'name' | 'role' | 'agencyId' | 'active' | 'locale' | 'passwordHash' | 'passwordChangedAt' | 'lastSignInAt' | 'emailNotifications' | 'digest'>
  >,
): Promise<UserRow | undefined> {
  const [row] = await db
    .update(users)
    .set({ ...patch, version: sql`${users.version} + 1`, updatedAt: new Date() })
    .where(eq(users.id, id))
    .returning();
  return row;
}

/** Recorded on every sign-in; not a change of the account, so no version bump. */
export async function touchLastSignIn(db: Db, id: string, at: Date): Promise<void> {
  await db.update(users).set({ lastSignInAt: at }).where(eq(users.id, id));
}
