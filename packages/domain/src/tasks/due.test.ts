import { describe, expect, it } from 'vitest';
import { TASK_STATUSES } from './status.ts';
import { TASK_DUE_SOON_MS, isTaskDueSoon, isTaskOverdue, taskDueSoonFrom, taskDueState } from './due.ts';

const due = new Date('2026-01-31T23:59:00.000Z');
const at = (ms: number) => new Date(due.getTime() + ms);

describe('task due rules', () => {
  it('is overdue only strictly after the due time (DESIGN: now > dueAt)', () => {
    expect(isTaskOverdue({ status: 'open', dueAt: due }, at(0))).toBe(false);
    expect(isTaskOverdue({ status: 'open', dueAt: due }, at(1))).toBe(true);
    expect(isTaskOverdue({ status: 'open', dueAt: due }, at(-1))).toBe(false);
  });

  it.each(TASK_STATUSES)('%s: overdue and due soon only while the work is owed', (status) => {
    const active = status !== 'done' && status !== 'cancelled';
    expect(isTaskOverdue({ status, dueAt: due }, at(60_000))).toBe(active);
    expect(isTaskDueSoon({ status, dueAt: due }, at(-60_000))).toBe(active);
    expect(taskDueState({ status, dueAt: due }, at(60_000))).toBe(active ? 'overdue' : 'none');
  });

  it('is due soon in the last 48 hours, boundaries included', () => {
    expect(isTaskDueSoon({ status: 'in_progress', dueAt: due }, at(-TASK_DUE_SOON_MS))).toBe(true);
    expect(isTaskDueSoon({ status: 'in_progress', dueAt: due }, at(-TASK_DUE_SOON_MS - 1))).toBe(false);
    expect(isTaskDueSoon({ status: 'in_progress', dueAt: due }, at(0))).toBe(true);
    expect(isTaskDueSoon({ status: 'in_progress', dueAt: due }, at(1))).toBe(false);
    expect(taskDueState({ status: 'blocked', dueAt: due }, at(-TASK_DUE_SOON_MS - 1))).toBe('on_track');
    expect(taskDueState({ status: 'blocked', dueAt: due }, at(-1))).toBe('due_soon');
  });

  it('gives the instant from which a task counts as due soon', () => {
    expect(taskDueSoonFrom(due).toISOString()).toBe('2026-01-29T23:59:00.000Z');
  });
});
