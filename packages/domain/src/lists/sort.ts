import { z } from 'zod';

/**
 * Sortable columns of the incidents and tasks lists. Every sort is a keyset walk on
 * (sort key, id) in one direction, served by an index per key (packages/db/src/schema/incidents.ts
 * and tasks.ts); the cursor carries the sort's name, the key of the last row and its id
 * (`encodeSortCursor`), so a cursor of one sort is refused by another.
 */
export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

/** reported = filed (created_at); deadline = the next legal obligation still owed (none: last). */
export const INCIDENT_SORT_KEYS = ['reported', 'severity', 'status', 'deadline', 'reference'] as const;
export type IncidentSortKey = (typeof INCIDENT_SORT_KEYS)[number];

/** created = assigned (created_at); due = the task's due date. */
export const TASK_SORT_KEYS = ['created', 'priority', 'status', 'due', 'reference'] as const;
export type TaskSortKey = (typeof TASK_SORT_KEYS)[number];

export const SortDirectionValue = z.enum(SORT_DIRECTIONS, { error: 'invalid_option' });

/** `sort` and `dir` of `incidents.list`; left out: newest first (reported, desc). */
export const IncidentSort = z.object({
  sort: z.enum(INCIDENT_SORT_KEYS, { error: 'invalid_option' }).optional(),
  dir: SortDirectionValue.optional(),
});
export type IncidentSort = z.infer<typeof IncidentSort>;

/** `sort` and `dir` of `tasks.list`; left out: newest first (created, desc). */
export const TaskSort = z.object({
  sort: z.enum(TASK_SORT_KEYS, { error: 'invalid_option' }).optional(),
  dir: SortDirectionValue.optional(),
});
export type TaskSort = z.infer<typeof TaskSort>;

/**
 * The direction a column sorts in when first clicked: filed dates newest first, severity and
 * priority highest first; status in workflow order, deadlines soonest first, references in order.
 */
export function defaultDirectionOf(key: IncidentSortKey | TaskSortKey): SortDirection {
  return key === 'severity' || key === 'priority' || key === 'reported' || key === 'created' ? 'desc' : 'asc';
}

/** The sort a list reads: the given one, else newest first. */
export function effectiveSort<K extends IncidentSortKey | TaskSortKey>(
  input: { sort?: K | undefined; dir?: SortDirection | undefined },
  fallback: K,
): { sort: K; dir: SortDirection } {
  const sort = input.sort ?? fallback;
  return { sort, dir: input.dir ?? defaultDirectionOf(sort) };
}

/** The cursor's sort key: `<sort>.<dir>:<value of the last row>`. */
export const sortCursorKey = (sort: string, dir: SortDirection, value: string) => `${sort}.${dir}:${value}`;

/** The value of a cursor's sort key when it was made for this sort, else null. */
export function sortCursorValue(sortKey: string, sort: string, dir: SortDirection): string | null {
  const prefix = `${sort}.${dir}:`;
  return sortKey.startsWith(prefix) ? sortKey.slice(prefix.length) : null;
}
