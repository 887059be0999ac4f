/**
 * The registry's filters as they live in the address (bookmarkable, survive a reload, the Panel
 * links to them), and the same filters as `initiatives.list` takes them.
 */
import {
  ENCS_OBJECTIVES,
  type EncsObjective,
  INITIATIVE_STATUSES,
  type InitiativeFilters,
  type InitiativeStatus,
  TRANSVERSAL_AXES,
  type TransversalAxis,
} from '@anc/domain';
import { definedOnly, pickAll, text, uuid } from '../../lib/search-params.ts';

export interface InitiativesSearch {
  objective?: EncsObjective;
  axis?: TransversalAxis;
  status?: InitiativeStatus[];
  /** The agency that leads it. */
  leadAgencyId?: string;
  /** An agency that leads it or takes part in it (the Panel's links for staff). */
  agencyId?: string;
  q?: string;
}

export function validateInitiativesSearch(search: Record<string, unknown>): InitiativesSearch {
  return {
    objective: ENCS_OBJECTIVES.find((o) => o === search.objective),
    axis: TRANSVERSAL_AXES.find((a) => a === search.axis),
    status: pickAll(search.status, INITIATIVE_STATUSES),
    leadAgencyId: uuid(search.leadAgencyId),
    agencyId: uuid(search.agencyId),
    q: text(search.q, 200),
  };
}

export const countInitiativeFilters = (search: InitiativesSearch): number => Object.values(search).filter((v) => v !== undefined).length;
export const hasInitiativeFilters = (search: InitiativesSearch): boolean => countInitiativeFilters(search) > 0;

/** The address's filters → `initiatives.list` filters (absent ones left out). */
export function toInitiativeFilters(search: InitiativesSearch): InitiativeFilters {
  return definedOnly<InitiativeFilters>({
    objective: search.objective,
    axis: search.axis,
    status: search.status,
    leadAgencyId: search.leadAgencyId,
    agencyId: search.agencyId,
    q: search.q,
  });
}
