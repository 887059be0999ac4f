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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]);

/** The known values among `value` (one or many), in the vocabulary's order; undefined when none. */
function pick<T extends string>(value: unknown, allowed: readonly T[]): T[] | undefined {
  const given = asList(value);
  const out = allowed.filter((a) => given.includes(a));
  return out.length ? out : undefined;
}

const text = (value: unknown, max: number) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, max) : undefined);
const uuid = (value: unknown) => {
  const v = text(value, 36);
  return v && UUID.test(v) ? v.toLowerCase() : undefined;
};

export function validateInitiativesSearch(search: Record<string, unknown>): InitiativesSearch {
  return {
    objective: ENCS_OBJECTIVES.find((o) => o === search.objective),
    axis: TRANSVERSAL_AXES.find((a) => a === search.axis),
    status: pick(search.status, INITIATIVE_STATUSES),
    leadAgencyId: uuid(search.leadAgencyId),
    agencyId: uuid(search.agencyId),
    q: text(search.q, 200),
  };
}

export const countInitiativeFilters = (search: InitiativesSearch): number => Object.values(search).filter((v) => v !== undefined).length;
export const hasInitiativeFilters = (search: InitiativesSearch): boolean => countInitiativeFilters(search) > 0;

/** The address's filters → `initiatives.list` filters (absent ones left out). */
export function toInitiativeFilters(search: InitiativesSearch): InitiativeFilters {
  const filters: InitiativeFilters = {
    objective: search.objective,
    axis: search.axis,
    status: search.status,
    leadAgencyId: search.leadAgencyId,
    agencyId: search.agencyId,
    q: search.q,
  };
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as InitiativeFilters;
}
