import { isClosedTaskStatus, type TaskStatus } from './status.ts';

/** A task is "due soon" in the last 48 hours before its due time (DESIGN: Task; issue 4). */
export const TASK_DUE_SOON_MS = 48 * 60 * 60 * 1000;

export const TASK_DUE_STATES = ['none', 'on_track', 'due_soon', 'overdue'] as const;
export type TaskDueState = (typeof TASK_DUE_STATES)[number];

/** Overdue: `now > dueAt` and the task is neither done nor cancelled (DESIGN: Task). */
export function isTaskOverdue(task: { status: TaskStatus; dueAt: Date }, now: Date = new Date()): boolean {
  return !isClosedTaskStatus(task.status) && now.getTime() > task.dueAt.getTime();
}

export function isTaskDueSoon(task: { status: TaskStatus; dueAt: Date }, now: Date = new Date()): boolean {
  const left = task.dueAt.getTime() - now.getTime();
  return !isClosedTaskStatus(task.status) && left >= 0 && left <= TASK_DUE_SOON_MS;
}

/** One word for badges and filters: closed tasks have no due state. */
export function taskDueState(task: { status: TaskStatus; dueAt: Date }, now: Date = new Date()): TaskDueState {
  if (isClosedTaskStatus(task.status)) return 'none';
  if (isTaskOverdue(task, now)) return 'overdue';
  if (isTaskDueSoon(task, now)) return 'due_soon';
  return 'on_track';
}

/** The instant from which a task counts as due soon (stored/queried by the API like the incident clocks). */
export const taskDueSoonFrom = (dueAt: Date) => new Date(dueAt.getTime() - TASK_DUE_SOON_MS);
