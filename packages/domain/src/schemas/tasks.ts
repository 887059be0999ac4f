import { z } from 'zod';
import { TaskSort } from '../lists/sort.ts';
import { Id, ListInput, optionalText, text } from './common.ts';
import { COMMENT_MAX, FUTURE_TOLERANCE_MS, Instant } from './incidents.ts';
import { TASK_PRIORITIES, TASK_STATUSES } from '../tasks/status.ts';
import type { MessageKey } from '../catalogue/validation.ts';

export const TASK_TITLE_MAX = 200;
export const TASK_DESCRIPTION_MAX = 10_000;

export const TaskTitle = text(3, TASK_TITLE_MAX);
export const TaskDescription = optionalText(TASK_DESCRIPTION_MAX);
export const TaskPriorityValue = z.enum(TASK_PRIORITIES, { error: 'invalid_option' });
export const TaskStatusValue = z.enum(TASK_STATUSES, { error: 'invalid_option' });

/** A due date must lie ahead when it is set (clock skew of a few minutes tolerated). */
export function dueAtProblem(dueAt: string, now: number = Date.now()): MessageKey | null {
  if (!Instant.safeParse(dueAt).success) return null; // the format error is reported by Instant itself
  return Date.parse(dueAt) < now - FUTURE_TOLERANCE_MS ? 'due_in_past' : null;
}

/**
 * A due date that lies ahead. Checked on the field itself (not on the whole object) so that it is
 * reported together with every other field's problem, not only once the rest is valid.
 */
export const FutureDueAt = Instant.refine((s) => dueAtProblem(s) === null, { error: 'due_in_past' });

/** `tasks.create`: a coordinator assigns work to an agency, optionally to one of its staff, optionally linked. */
export const CreateTaskInput = z
  .object({
    title: TaskTitle,
    description: TaskDescription.default(''),
    priority: TaskPriorityValue.default('normal'),
    dueAt: FutureDueAt,
    assigneeAgencyId: Id,
    assigneeUserId: Id.nullable().optional(),
    incidentId: Id.nullable().optional(),
    initiativeId: Id.nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.incidentId && v.initiativeId) ctx.addIssue({ code: 'custom', path: ['initiativeId'], message: 'task_one_link_only' });
  });
export type CreateTaskInput = z.input<typeof CreateTaskInput>;
export type CreateTaskData = z.output<typeof CreateTaskInput>;

/**
 * `tasks.update` (coordinators): any subset; changing `assigneeAgencyId` reassigns the task (the
 * assignee user is cleared unless a user of the new agency is given). A new due date may not lie in the past.
 */
export const UpdateTaskInput = z.object({
  id: Id,
  version: z.number().int().min(0),
  title: TaskTitle.optional(),
  description: TaskDescription.optional(),
  priority: TaskPriorityValue.optional(),
  dueAt: FutureDueAt.optional(),
  assigneeAgencyId: Id.optional(),
  assigneeUserId: Id.nullable().optional(),
});
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

export const TaskIdInput = z.object({ id: Id });
export type TaskIdInput = z.infer<typeof TaskIdInput>;

/** One `comment` field carries the comment (return, reopen) or the reason (block, cancel) a step needs. */
export const TransitionTaskInput = z.object({
  id: Id,
  version: z.number().int().min(0),
  to: TaskStatusValue,
  comment: optionalText(COMMENT_MAX).optional(),
});
export type TransitionTaskInput = z.infer<typeof TransitionTaskInput>;

export const CommentTaskInput = z.object({ id: Id, body: text(1, COMMENT_MAX) });
export type CommentTaskInput = z.infer<typeof CommentTaskInput>;

const boolParam = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: 'invalid_option' }));

/** Filters of `tasks.list` (docs/API.md plus `priority`, `dueSoon` and `q`); staff always get their own agency's. */
export const TaskFilters = z.object({
  status: z.array(TaskStatusValue).max(TASK_STATUSES.length).optional(),
  priority: z.array(TaskPriorityValue).max(TASK_PRIORITIES.length).optional(),
  assigneeAgencyId: Id.optional(),
  /** Only tasks assigned to the caller by name. */
  mine: boolParam.optional(),
  overdue: boolParam.optional(),
  dueSoon: boolParam.optional(),
  incidentId: Id.optional(),
  initiativeId: Id.optional(),
  q: optionalText(200).optional(),
});
export type TaskFilters = z.infer<typeof TaskFilters>;

export const ListTasksInput = ListInput.extend(TaskFilters.shape).extend(TaskSort.shape);
export type ListTasksInput = z.infer<typeof ListTasksInput>;

/** The staff a coordinator may name as assignee of a task for this agency. */
export const AssignableUsersInput = z.object({ agencyId: Id });
export type AssignableUsersInput = z.infer<typeof AssignableUsersInput>;

const TASK_ARRAY_FILTERS = ['status', 'priority'] as const;

/** Filters ↔ query string, for the URL of the coordinator's list. */
export function taskFiltersToSearchParams(filters: TaskFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.set(key, String(value));
  }
  return params;
}

export function taskFiltersFromSearchParams(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    out[key] = (TASK_ARRAY_FILTERS as readonly string[]).includes(key) ? all : all[0];
  }
  return out;
}
