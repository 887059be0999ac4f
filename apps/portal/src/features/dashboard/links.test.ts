import { describe, expect, it } from 'vitest';
import { validateIncidentsSearch } from '../incidents/search.ts';
import { validateInitiativesSearch } from '../initiatives/search.ts';
import { validateTasksSearch } from '../tasks/search.ts';
import { incidentsByDeadline, incidentsInWindow, overdueTasks, planObjective } from './links.ts';

const SEDENA = '7d0f5a52-4b1c-4f0e-9a53-2c1a1b7e9f10';
const SEMAR = '0c7c4a4e-2f7e-4a39-8d4a-5d2b8f1e6a11';
const national = { scope: 'national', agency: null, window: { firstDay: '2026-08-23' } } as const;
const staff = { scope: 'agency', agency: { id: SEDENA }, window: { firstDay: '2026-08-23' } } as const;

describe('Panel links', () => {
  it('lead to the incidents of the window, by status or severity, in the list’s own vocabulary', () => {
    const links = [incidentsInWindow(national), incidentsInWindow(national, { status: 'triaged' }), incidentsInWindow(national, { severity: 0 })];
    expect(links).toEqual([{ from: '2026-08-23' }, { from: '2026-08-23', status: ['triaged'] }, { from: '2026-08-23', severity: [0] }]);
    // Each survives the list's own reading of the address unchanged.
    for (const link of links) expect(validateIncidentsSearch({ ...link })).toMatchObject(link);
  });

  it('carry the staff member’s agency, so shared incidents are not counted in', () => {
    expect(incidentsInWindow(staff, { status: 'submitted' })).toEqual({ agencyId: SEDENA, from: '2026-08-23', status: ['submitted'] });
    expect(incidentsByDeadline(staff, 'overdue')).toEqual({ agencyId: SEDENA, obligation: 'overdue' });
    expect(validateIncidentsSearch({ ...incidentsByDeadline(national, 'due_soon') })).toMatchObject({ obligation: 'due_soon' });
  });

  it('lead to overdue tasks, per agency only in the national picture', () => {
    expect(overdueTasks(national, SEMAR)).toEqual({ view: 'list', due: 'overdue', agencyId: SEMAR });
    expect(overdueTasks(staff, SEMAR)).toEqual({ view: 'list', due: 'overdue' });
    expect(validateTasksSearch({ ...overdueTasks(national, SEMAR) })).toMatchObject({ due: 'overdue', agencyId: SEMAR });
  });

  it('lead to the registry by objective, what the agency takes part in for staff', () => {
    expect(planObjective(national, 'public_security')).toEqual({ objective: 'public_security' });
    expect(validateInitiativesSearch({ ...planObjective(staff, 'public_security') })).toMatchObject({ objective: 'public_security', agencyId: SEDENA });
  });
});
