import { describe, expect, it } from 'vitest';
import { ApplyPlaybookInput, PLAYBOOK_DUE_AFTER_HOURS_MAX, UpsertPlaybookInput, stepDueAt } from './playbooks.ts';

const step = { title: 'Aislar los equipos afectados', assignTo: 'reporting_agency' as const, dueAfterHours: 4 };
const valid = { rsitClass: 'malicious-code' as const, title: 'Ransomware', steps: [step] };

/** The message keys per field path of a refused input. */
function problems(input: unknown): Record<string, string[]> {
  const r = UpsertPlaybookInput.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.join('.')] ??= []).push(i.message);
  return out;
}

describe('UpsertPlaybookInput', () => {
  it('accepts a playbook and defaults a step description to empty, trimming titles', () => {
    const parsed = UpsertPlaybookInput.parse({ ...valid, title: '  Ransomware  ' });
    expect(parsed).toEqual({ rsitClass: 'malicious-code', title: 'Ransomware', steps: [{ ...step, description: '' }] });
  });

  it('needs at least one step and at most 20', () => {
    expect(problems({ ...valid, steps: [] })).toEqual({ steps: ['playbook_steps_required'] });
    expect(problems({ ...valid, steps: Array.from({ length: 21 }, () => step) })).toEqual({ steps: ['playbook_too_many_steps'] });
    expect(problems({ ...valid, steps: Array.from({ length: 20 }, () => step) })).toEqual({});
  });

  it('takes a due time in whole hours, from 1 to a year', () => {
    for (const bad of [0, -3, 1.5, Number.NaN])
      expect(problems({ ...valid, steps: [{ ...step, dueAfterHours: bad }] })).toEqual({ 'steps.0.dueAfterHours': ['due_after_hours_invalid'] });
    expect(problems({ ...valid, steps: [{ ...step, dueAfterHours: '4' }] })).toEqual({ 'steps.0.dueAfterHours': ['due_after_hours_invalid'] });
    expect(problems({ ...valid, steps: [{ ...step, dueAfterHours: PLAYBOOK_DUE_AFTER_HOURS_MAX + 1 }] })).toEqual({
      'steps.0.dueAfterHours': ['due_after_hours_too_long'],
    });
    expect(problems({ ...valid, steps: [{ ...step, dueAfterHours: PLAYBOOK_DUE_AFTER_HOURS_MAX }] })).toEqual({});
  });

  it('reports every field at once: titles by length, the class and the assignee from their lists', () => {
    expect(
      problems({
        rsitClass: 'ransomware',
        title: 'ab',
        steps: [
          { title: '   ', assignTo: 'sedena', dueAfterHours: 1 },
          { ...step, title: 'x'.repeat(201), description: 'y'.repeat(4001) },
        ],
      }),
    ).toEqual({
      rsitClass: ['invalid_option'],
      title: ['too_short'],
      'steps.0.title': ['too_short'],
      'steps.0.assignTo': ['invalid_option'],
      'steps.1.title': ['too_long'],
      'steps.1.description': ['too_long'],
    });
    expect(problems({ ...valid, title: 'x'.repeat(161) })).toEqual({ title: ['too_long'] });
  });

  it('needs the version read when it edits', () => {
    expect(problems({ ...valid, id: '4f2c1b8e-3a9d-4e6f-8b1c-2d3e4f5a6b7c' })).toEqual({ version: ['required'] });
    expect(problems({ ...valid, id: '4f2c1b8e-3a9d-4e6f-8b1c-2d3e4f5a6b7c', version: 3 })).toEqual({});
  });
});

describe('applying', () => {
  it('a step is due its hours after the playbook is applied', () => {
    expect(stepDueAt(new Date('2026-03-01T10:00:00.000Z'), 30).toISOString()).toBe('2026-03-02T16:00:00.000Z');
  });
  it('ApplyPlaybookInput takes the incident and playbook ids and an optional expected version', () => {
    expect(ApplyPlaybookInput.safeParse({ id: 'nope', playbookId: '4f2c1b8e-3a9d-4e6f-8b1c-2d3e4f5a6b7c' }).success).toBe(false);
    expect(ApplyPlaybookInput.parse({ id: '4f2c1b8e-3a9d-4e6f-8b1c-2d3e4f5a6b7c', playbookId: '4f2c1b8e-3a9d-4e6f-8b1c-2d3e4f5a6b7d' })).toEqual({
      id: '4f2c1b8e-3a9d-4e6f-8b1c-2d3e4f5a6b7c',
      playbookId: '4f2c1b8e-3a9d-4e6f-8b1c-2d3e4f5a6b7d',
    });
  });
});
