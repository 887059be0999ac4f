// A person's saved views of the incidents and tasks lists (packages/domain/src/lists/saved-filters.ts).
// Own only: every query has the caller in its WHERE clause, and another person's id answers NOT_FOUND.
import {
  countSavedFilters,
  deleteSavedFilter,
  getSavedFilterByName,
  listSavedFilters as listRows,
  upsertSavedFilter,
  writeAudit,
  type SavedFilterRow,
} from '@anc/db';
import {
  DomainError,
  SAVED_FILTERS_MAX_PER_LIST,
  parseSavedQuery,
  type ListSavedFiltersInput,
  type RemoveSavedFilterInput,
  type SaveSavedFilterInput,
  type SavedFilter,
} from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';

function toSavedFilter(row: SavedFilterRow): SavedFilter | null {
  const query = parseSavedQuery(row.list, row.query);
  if (!query) return null;
  return { id: row.id, list: row.list, name: row.name, query, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export async function listSavedFilters(ctx: UseCaseContext, input: ListSavedFiltersInput): Promise<{ items: SavedFilter[] }> {
  const rows = await listRows(ctx.db, ctx.actor.userId, input.list);
  return { items: rows.map(toSavedFilter).filter((f): f is SavedFilter => f !== null) };
}

/** Saves under a name; the same name again replaces that filter. At most `SAVED_FILTERS_MAX_PER_LIST` a list. */
export async function saveSavedFilter(ctx: UseCaseContext, input: SaveSavedFilterInput): Promise<SavedFilter> {
  const row = await ctx.db.transaction(async (tx) => {
    const existing = await getSavedFilterByName(tx, ctx.actor.userId, input.list, input.name);
    if (!existing && (await countSavedFilters(tx, ctx.actor.userId, input.list)) >= SAVED_FILTERS_MAX_PER_LIST) {
      throw new DomainError('UNPROCESSABLE', 'saved_filters_limit');
    }
    const saved = await upsertSavedFilter(tx, { userId: ctx.actor.userId, list: input.list, name: input.name, query: input.query });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'saved_filter.save',
      entityType: 'saved_filter',
      entityId: saved.id,
      diff: { name: [existing?.name ?? null, saved.name], query: [existing?.query ?? null, saved.query] },
      origin: ctx.origin,
    });
    return saved;
  });
  const out = toSavedFilter(row);
  if (!out) throw new Error('saved filter does not read back');
  return out;
}

export async function removeSavedFilter(ctx: UseCaseContext, input: RemoveSavedFilterInput): Promise<{ ok: true }> {
  await ctx.db.transaction(async (tx) => {
    const removed = await deleteSavedFilter(tx, ctx.actor.userId, input.id);
    if (!removed) throw new DomainError('NOT_FOUND', 'not_found');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'saved_filter.remove',
      entityType: 'saved_filter',
      entityId: removed.id,
      diff: { name: [removed.name, null] },
      origin: ctx.origin,
    });
  });
  return { ok: true };
}
