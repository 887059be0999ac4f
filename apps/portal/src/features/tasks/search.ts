/**
 * The task page's view and filters as they live in the address (bookmarkable, survive a reload,
 * the per-agency summary links to them), and the same filters as `tasks.list` takes them.
 */
import {
  SORT_DIRECTIONS,
  TASK_PRIORITIES,
  TASK_SORT_KEYS,
  TASK_STATUSES,
  effectiveSort,
  type SortDirection,
  type TaskFilters,
  type TaskListView,
  type TaskPriority,
  type TaskSortKey,
  type TaskStatus,
} from '@anc/domain';
import { definedOnly, isTrue, pickAll, text, uuid } from '../../lib/search-params.ts';

export const TASK_VIEWS = ['board', 'list'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

/** Overdue and due soon exclude each other (a task past its due time is no longer "due soon"). */
export const TASK_DUE_FILTERS = ['overdue', 'due_soon'] as const;
export type TaskDueFilter = (typeof TASK_DUE_FILTERS)[number];

export interface TasksSearch {
  /** Board (columns by status) or list; absent = the role's default. */
  view?: TaskView;
  status?: TaskStatus[];
  priority?: TaskPriority[];
  /** The assignee agency (coordinators and admins only; staff always see their own). */
  agencyId?: string;
  due?: TaskDueFilter;
  /** Only the tasks assigned to me by name. */
  mine?: true;
  incidentId?: string;
  initiativeId?: string;
  q?: string;
  /** The list's sorted column and direction (not filters); absent: newest first. */
  sort?: TaskSortKey;
  dir?: SortDirection;
}

/** Keys of the address that are not filters: the view and the sort. */
const NOT_FILTERS = new Set(['view', 'sort', 'dir']);

export function validateTasksSearch(search: Record<string, unknown>): TasksSearch {
  const incidentId = uuid(search.incidentId);
  return {
    view: TASK_VIEWS.find((v) => v === search.view),
    status: pickAll(search.status, TASK_STATUSES),
    priority: pickAll(search.priority, TASK_PRIORITIES),
    agencyId: uuid(search.agencyId),
    // The old boolean spellings (`overdue=true`, `dueSoon=true`) are read too.
    due: TASK_DUE_FILTERS.find((d) => d === search.due) ?? (isTrue(search.overdue) ? 'overdue' : isTrue(search.dueSoon) ? 'due_soon' : undefined),
    mine: isTrue(search.mine) ? true : undefined,
    incidentId,
    // A task links to one or the other; an address naming both keeps the incident.
    initiativeId: incidentId ? undefined : uuid(search.initiativeId),
    q: text(search.q, 200),
    sort: TASK_SORT_KEYS.find((k) => k === search.sort),
    dir: SORT_DIRECTIONS.find((d) => d === search.dir),
  };
}

/** The list's sort as the address holds it (newest first when absent). */
export const taskSortOf = (search: TasksSearch) => effectiveSort({ sort: search.sort, dir: search.dir }, 'created');

/** The address's filters and sort as a saved filter stores them (`tasks.list`'s own shape). */
export const toTaskListView = (search: TasksSearch, options: { withAgency: boolean }): TaskListView =>
  definedOnly<TaskListView>({ ...toTaskFilters(search, options), sort: search.sort, dir: search.dir });

/** A saved filter back into the address (keeps the current view). */
export function tasksSearchFromView(view: Record<string, unknown>, current: TasksSearch): TasksSearch {
  return validateTasksSearch({
    ...view,
    agencyId: view.assigneeAgencyId,
    due: view.overdue ? 'overdue' : view.dueSoon ? 'due_soon' : undefined,
    view: current.view,
  });
}

/** Whether anything narrows the tasks shown (the view is not a filter). */
export const hasTaskFilters = (search: TasksSearch): boolean => Object.entries(search).some(([key, value]) => !NOT_FILTERS.has(key) && value !== undefined);

/** How many filters are set, for the folded filter button on a phone. */
export const countTaskFilters = (search: TasksSearch): number =>
  Object.entries(search).filter(([key, value]) => !NOT_FILTERS.has(key) && value !== undefined).length;

/** The address's filters → `tasks.list` filters. Staff never send an agency (theirs is implied). */
export function toTaskFilters(search: TasksSearch, options: { withAgency: boolean }): TaskFilters {
  return definedOnly<TaskFilters>({
    status: search.status,
    priority: search.priority,
    assigneeAgencyId: options.withAgency ? search.agencyId : undefined,
    mine: search.mine,
    overdue: search.due === 'overdue' ? true : undefined,
    dueSoon: search.due === 'due_soon' ? true : undefined,
    incidentId: search.incidentId,
    initiativeId: search.initiativeId,
    q: search.q,
  });
}

/** The board's columns, in the order work flows; cancelled tasks sit folded below them. */
export const BOARD_COLUMNS = ['open', 'in_progress', 'blocked', 'in_review', 'done'] as const satisfies readonly TaskStatus[];

/** Still owed: what "open" means in the per-agency summary. */
export const OPEN_STATUSES = ['open', 'in_progress', 'blocked', 'in_review'] as const satisfies readonly TaskStatus[];

/** `/tareas/nueva?incidentId=…|initiativeId=…&assigneeAgencyId=…`: what the create form starts from (one link at most). */
export interface NewTaskSearch {
  incidentId?: string;
  initiativeId?: string;
  assigneeAgencyId?: string;
}

export const validateNewTaskSearch = (search: Record<string, unknown>): NewTaskSearch => {
  const incidentId = uuid(search.incidentId);
  return {
    incidentId,
    initiativeId: incidentId ? undefined : uuid(search.initiativeId),
    assigneeAgencyId: uuid(search.assigneeAgencyId),
  };
};
