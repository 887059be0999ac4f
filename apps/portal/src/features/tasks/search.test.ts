import { ListTasksInput } from '@anc/domain';
import { describe, expect, it } from 'vitest';
import { countTaskFilters, hasTaskFilters, toTaskFilters, validateNewTaskSearch, validateTasksSearch } from './search.ts';

const AGENCY = '0b6f6f1e-5c9a-4f0e-9a57-1f2d3c4b5a69';
const INCIDENT = '5d2c1b0a-9e8f-4a7b-8c6d-5e4f3a2b1c0d';
const INITIATIVE = '7a6b5c4d-3e2f-4a1b-9c8d-7e6f5a4b3c2d';

describe('task filters in the address', () => {
  it('keeps the known values, in the vocabulary order, and drops the rest', () => {
    expect(
      validateTasksSearch({
        view: 'board',
        status: ['in_review', 'nope', 'open'],
        priority: 'urgent',
        agencyId: AGENCY.toUpperCase(),
        due: 'overdue',
        mine: 'true',
        incidentId: INCIDENT,
        q: '  parche  ',
      }),
    ).toEqual({
      view: 'board',
      status: ['open', 'in_review'],
      priority: ['urgent'],
      agencyId: AGENCY,
      due: 'overdue',
      mine: true,
      incidentId: INCIDENT,
      initiativeId: undefined,
      q: 'parche',
    });
  });

  it('ignores what it does not understand', () => {
    const search = validateTasksSearch({ view: 'kanban', status: 'closed', agencyId: 'SEDENA', due: 'later', mine: 'no', q: '   ' });
    expect(hasTaskFilters(search)).toBe(false);
    expect(search.view).toBeUndefined();
  });

  it('reads the boolean spellings of the due filters, and keeps one link only', () => {
    expect(validateTasksSearch({ dueSoon: 'true' }).due).toBe('due_soon');
    expect(validateTasksSearch({ overdue: true }).due).toBe('overdue');
    expect(validateTasksSearch({ initiativeId: INITIATIVE }).initiativeId).toBe(INITIATIVE);
    const both = validateTasksSearch({ incidentId: INCIDENT, initiativeId: INITIATIVE });
    expect([both.incidentId, both.initiativeId]).toEqual([INCIDENT, undefined]);
  });

  it('does not count the view as a filter', () => {
    expect(hasTaskFilters({ view: 'list' })).toBe(false);
    expect(countTaskFilters({ view: 'list', status: ['open'], due: 'due_soon' })).toBe(2);
  });

  it('turns the address into what tasks.list accepts', () => {
    const search = validateTasksSearch({ status: ['blocked'], agencyId: AGENCY, due: 'due_soon', mine: '1', q: 'TSK-2026-000004' });
    const coordinator = toTaskFilters(search, { withAgency: true });
    expect(coordinator).toEqual({ status: ['blocked'], assigneeAgencyId: AGENCY, dueSoon: true, mine: true, q: 'TSK-2026-000004' });
    expect(ListTasksInput.safeParse(coordinator).success).toBe(true);
    // Staff: their agency is implied, never sent.
    expect(toTaskFilters(search, { withAgency: false })).not.toHaveProperty('assigneeAgencyId');
    expect(toTaskFilters({}, { withAgency: true })).toEqual({});
  });

  it('reads the create form’s starting point', () => {
    expect(validateNewTaskSearch({ incidentId: INCIDENT, assigneeAgencyId: AGENCY, extra: 'x' })).toEqual({ incidentId: INCIDENT, assigneeAgencyId: AGENCY });
    expect(validateNewTaskSearch({ incidentId: 'INC-2026-000001' })).toEqual({ incidentId: undefined, assigneeAgencyId: undefined });
    // one link at most: an incident wins over an initiative, as the API refuses both
    expect(validateNewTaskSearch({ initiativeId: AGENCY })).toEqual({ initiativeId: AGENCY });
    expect(validateNewTaskSearch({ incidentId: INCIDENT, initiativeId: AGENCY })).toEqual({ incidentId: INCIDENT });
  });
});
