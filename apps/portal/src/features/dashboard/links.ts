/**
 * Where each number of the Panel leads: the filtered list whose length is that number (the API's
 * dashboard tests hold the same equalities). Staff links carry their own agency, because their
 * lists also hold what other agencies shared with them, which the Panel does not count.
 */
import type { EncsObjective, IncidentStatus } from '@anc/domain';
import type { IncidentsSearch } from '../incidents/search.ts';
import type { InitiativesSearch } from '../initiatives/search.ts';
import type { TasksSearch } from '../tasks/search.ts';

export interface PanelScope {
  scope: 'national' | 'agency';
  agency: { id: string } | null;
  window: { firstDay: string };
}

const own = (s: PanelScope) => (s.scope === 'agency' && s.agency ? { agencyId: s.agency.id } : {});

/** Incidents filed in the window (its first Mexico City day onwards), optionally one status or severity. */
export function incidentsInWindow(s: PanelScope, narrow: { status?: IncidentStatus; severity?: number } = {}): IncidentsSearch {
  return {
    ...own(s),
    from: s.window.firstDay,
    ...(narrow.status ? { status: [narrow.status] } : {}),
    ...(narrow.severity !== undefined ? { severity: [narrow.severity] } : {}),
  };
}

/** Open incidents with a legal deadline overdue or due soon (any filing date). */
export const incidentsByDeadline = (s: PanelScope, obligation: 'overdue' | 'due_soon'): IncidentsSearch => ({ ...own(s), obligation });

/** Overdue tasks as a list; one agency's for the national picture (staff always see their own). */
export function overdueTasks(s: PanelScope, agencyId?: string): TasksSearch {
  return { view: 'list', due: 'overdue', ...(s.scope === 'national' && agencyId ? { agencyId } : {}) };
}

/** The registry for one objective; for staff, what their agency leads or takes part in. */
export const planObjective = (s: PanelScope, objective: EncsObjective): InitiativesSearch => ({ ...own(s), objective });
