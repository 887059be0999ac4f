import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldErrorsFromIssues } from '../messages.ts';
import {
  CreateTaskInput,
  ListTasksInput,
  TransitionTaskInput,
  UpdateTaskInput,
  taskFiltersFromSearchParams,
  taskFiltersToSearchParams,
  TaskFilters,
} from './tasks.ts';

const ID = '4b0d7f0e-4d7e-4f55-9f0e-0d2b1c3a4e5f';
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();
const valid = { title: 'Aplicar parche CVE-2026-1234', dueAt: inDays(3), assigneeAgencyId: ID };

const errorsOf = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? {} : fieldErrorsFromIssues(r.error.issues, 'en');
};

describe('task schemas', () => {
  it('fills defaults on create', () => {
    expect(CreateTaskInput.parse(valid)).toMatchObject({ description: '', priority: 'normal' });
  });

  it('refuses a due date in the past, field by field, in the reader’s language', () => {
    const r = CreateTaskInput.safeParse({ ...valid, dueAt: inDays(-1) });
    expect(r.success).toBe(false);
    expect(fieldErrorsFromIssues(r.error?.issues ?? [], 'es-MX')).toEqual({ dueAt: ['La fecha límite ya pasó; elige una fecha futura.'] });
    // a few minutes of clock skew are tolerated
    expect(CreateTaskInput.safeParse({ ...valid, dueAt: new Date(Date.now() - 60_000).toISOString() }).success).toBe(true);
  });

  it('names every bad field at once', () => {
    const errors = errorsOf(CreateTaskInput, { title: 'x', priority: 'whenever', dueAt: '31/01/2027', assigneeAgencyId: 'sedena' });
    expect(Object.keys(errors).sort()).toEqual(['assigneeAgencyId', 'dueAt', 'priority', 'title']);
    // a past due date is reported with the other problems, not only once they are fixed
    expect(errorsOf(CreateTaskInput, { title: 'x', dueAt: inDays(-1), assigneeAgencyId: ID })).toEqual({
      title: ['It is too short.'],
      dueAt: ['The due date has already passed; choose a future date.'],
    });
  });

  it('links a task to an incident or an initiative, not both', () => {
    expect(errorsOf(CreateTaskInput, { ...valid, incidentId: ID, initiativeId: ID })).toEqual({
      initiativeId: ['A task links to an incident or to an initiative, not both.'],
    });
    expect(CreateTaskInput.safeParse({ ...valid, incidentId: ID, initiativeId: null }).success).toBe(true);
  });

  it('refuses a past due date on update but accepts an edit without one', () => {
    expect(UpdateTaskInput.safeParse({ id: ID, version: 1, priority: 'urgent' }).success).toBe(true);
    expect(Object.keys(errorsOf(UpdateTaskInput, { id: ID, version: 1, dueAt: inDays(-2) }))).toEqual(['dueAt']);
  });

  it('keeps transition comments within bounds and the status within the machine', () => {
    expect(Object.keys(errorsOf(TransitionTaskInput, { id: ID, version: 1, to: 'archived' }))).toEqual(['to']);
    expect(Object.keys(errorsOf(TransitionTaskInput, { id: ID, version: 1, to: 'done', comment: 'x'.repeat(10_001) }))).toEqual(['comment']);
  });

  it('round-trips filters through the URL', () => {
    const filters = TaskFilters.parse({ status: ['open', 'blocked'], priority: ['urgent'], overdue: true, assigneeAgencyId: ID, q: 'parche' });
    const back = TaskFilters.parse(taskFiltersFromSearchParams(taskFiltersToSearchParams(filters)));
    expect(back).toEqual(filters);
    expect(ListTasksInput.parse({}).limit).toBe(25);
  });
});
