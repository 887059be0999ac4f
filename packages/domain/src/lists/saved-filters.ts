import { z } from 'zod';
import { Id, text } from '../schemas/common.ts';
import { IncidentFilters } from '../schemas/incidents.ts';
import { TaskFilters } from '../schemas/tasks.ts';
import { IncidentSort, TaskSort } from './sort.ts';

/**
 * A person's saved views of a list: a name and the list's filters plus its sort, validated by the
 * same schemas as the list itself, so applying one is just calling the list with it. Each person
 * sees and changes only their own (another's answers NOT_FOUND).
 */
export const SAVED_FILTER_LISTS = ['incidents', 'tasks'] as const;
export type SavedFilterList = (typeof SAVED_FILTER_LISTS)[number];
export const SAVED_FILTERS_MAX_PER_LIST = 50;
export const SAVED_FILTER_NAME_MAX = 80;

export const IncidentListView = IncidentFilters.extend(IncidentSort.shape).strict();
export type IncidentListView = z.infer<typeof IncidentListView>;
export const TaskListView = TaskFilters.extend(TaskSort.shape).strict();
export type TaskListView = z.infer<typeof TaskListView>;

const SavedFilterName = text(1, SAVED_FILTER_NAME_MAX);
const SavedFilterListValue = z.enum(SAVED_FILTER_LISTS, { error: 'invalid_option' });

/** Saving under a name the person already used for this list replaces that one. */
export const SaveSavedFilterInput = z.discriminatedUnion('list', [
  z.object({ list: z.literal('incidents'), name: SavedFilterName, query: IncidentListView }),
  z.object({ list: z.literal('tasks'), name: SavedFilterName, query: TaskListView }),
]);
export type SaveSavedFilterInput = z.infer<typeof SaveSavedFilterInput>;

export const ListSavedFiltersInput = z.object({ list: SavedFilterListValue });
export type ListSavedFiltersInput = z.infer<typeof ListSavedFiltersInput>;

export const RemoveSavedFilterInput = z.object({ id: Id });
export type RemoveSavedFilterInput = z.infer<typeof RemoveSavedFilterInput>;

export const SavedFilter = z.object({
  id: z.string(),
  list: SavedFilterListValue,
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SavedFilter = z.infer<typeof SavedFilter>;
export const SavedFilterList = z.object({ items: z.array(SavedFilter) });

/** A stored query read back: the list's schema again (a row written by an older release that no longer fits answers null). */
export function parseSavedQuery(list: SavedFilterList, query: unknown): IncidentListView | TaskListView | null {
  const parsed = (list === 'incidents' ? IncidentListView : TaskListView).safeParse(query);
  return parsed.success ? parsed.data : null;
}
