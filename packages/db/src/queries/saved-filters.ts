import { and, asc, count, eq } from 'drizzle-orm';
import type { SavedFilterList } from '@anc/domain';
import type { Db } from '../client.ts';
import { savedFilters } from '../schema/index.ts';

export type SavedFilterRow = typeof savedFilters.$inferSelect;

/** One person's saved filters of one list, by name. */
export async function listSavedFilters(db: Db, userId: string, list: SavedFilterList): Promise<SavedFilterRow[]> {
  return db
    .select()
    .from(savedFilters)
    .where(and(eq(savedFilters.userId, userId), eq(savedFilters.list, list)))
    .orderBy(asc(savedFilters.name), asc(savedFilters.id));
}

export async function countSavedFilters(db: Db, userId: string, list: SavedFilterList): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(savedFilters)
    .where(and(eq(savedFilters.userId, userId), eq(savedFilters.list, list)));
  return row?.n ?? 0;
}

/** The owner's filter of that name, locked (a save replaces it), or undefined. */
export async function getSavedFilterByName(db: Db, userId: string, list: SavedFilterList, name: string): Promise<SavedFilterRow | undefined> {
  const [row] = await db
    .select()
    .from(savedFilters)
    .where(and(eq(savedFilters.userId, userId), eq(savedFilters.list, list), eq(savedFilters.name, name)))
    .for('update');
  return row;
}

/**
 * Insert or replace by (user, list, name); the conflict path keeps the owner in its key, so it never
 * touches another person's row.
 */
export async function upsertSavedFilter(
  db: Db,
  values: { userId: string; list: SavedFilterList; name: string; query: Record<string, unknown> },
): Promise<SavedFilterRow> {
  const now = new Date();
  const [row] = await db
    .insert(savedFilters)
    .values({ ...values, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: [savedFilters.userId, savedFilters.list, savedFilters.name], set: { query: values.query, updatedAt: now } })
    .returning();
  if (!row) throw new Error('saved filter not written');
  return row;
}

/** Deletes the owner's filter; answers the row deleted, or undefined (absent or another person's). */
export async function deleteSavedFilter(db: Db, userId: string, id: string): Promise<SavedFilterRow | undefined> {
  const [row] = await db
    .delete(savedFilters)
    .where(and(eq(savedFilters.id, id), eq(savedFilters.userId, userId)))
    .returning();
  return row;
}
