/**
 * The list's filters as they live in the address (bookmarkable, survive a reload), and the
 * same filters as the API and the CSV export take them.
 */
import {
  INCIDENT_SORT_KEYS,
  INCIDENT_STATUSES,
  type IncidentListView,
  type IncidentSortKey,
  SORT_DIRECTIONS,
  type SortDirection,
  effectiveSort,
  type IncidentFilters,
  type IncidentStatus,
  OBLIGATION_FILTERS,
  RSIT_CLASSES,
  type RsitClass,
  SEVERITIES,
  TLP_LEVELS,
  type Tlp,
} from '@anc/domain';
import { definedOnly, isUuid, pickAll, text } from '../../lib/search-params.ts';
import { isDay, isoToMxWall, mxDayEnd, mxDayStart } from '../../lib/time.ts';

export type ObligationFilter = (typeof OBLIGATION_FILTERS)[number];

export interface IncidentsSearch {
  status?: IncidentStatus[];
  severity?: number[];
  tlp?: Tlp[];
  rsitClass?: RsitClass[];
  agencyId?: string;
  q?: string;
  /** Calendar days in Mexico City, "YYYY-MM-DD", both included. */
  from?: string;
  to?: string;
  obligation?: ObligationFilter;
  /** "Mis incidentes": the incidents the caller owns (packages/domain/src/incidents/owner.ts). */
  owner?: 'me';
  /** The sorted column and its direction (not filters); absent: newest first. */
  sort?: IncidentSortKey;
  dir?: SortDirection;
}

export function validateIncidentsSearch(search: Record<string, unknown>): IncidentsSearch {
  const agencyId = text(search.agencyId, 36);
  const from = isDay(search.from) ? search.from : undefined;
  const to = isDay(search.to) ? search.to : undefined;
  const obligation = OBLIGATION_FILTERS.find((o) => o === search.obligation);
  return {
    status: pickAll(search.status, INCIDENT_STATUSES),
    severity: pickAll(search.severity, SEVERITIES),
    tlp: pickAll(search.tlp, TLP_LEVELS),
    rsitClass: pickAll(search.rsitClass, RSIT_CLASSES),
    agencyId: agencyId && isUuid(agencyId) ? agencyId : undefined,
    q: text(search.q, 200),
    // A range given backwards is read the right way round.
    ...(from && to && from > to ? { from: to, to: from } : { from, to }),
    obligation,
    owner: search.owner === 'me' ? 'me' : undefined,
    sort: INCIDENT_SORT_KEYS.find((k) => k === search.sort),
    dir: SORT_DIRECTIONS.find((d) => d === search.dir),
  };
}

/** The filters of the address without its sort (the sort narrows nothing). */
export const withoutSort = ({ sort: _sort, dir: _dir, ...filters }: IncidentsSearch): IncidentsSearch => filters;

export const hasFilters = (search: IncidentsSearch): boolean => Object.values(withoutSort(search)).some((v) => v !== undefined);

/** The list's sort as the address holds it (newest first when absent). */
export const incidentSortOf = (search: IncidentsSearch) => effectiveSort({ sort: search.sort, dir: search.dir }, 'reported');

/** The address's filters and sort as a saved filter stores them (`incidents.list`'s own shape). */
export const toIncidentListView = (search: IncidentsSearch, options: { withAgency: boolean }): IncidentListView =>
  definedOnly<IncidentListView>({ ...toIncidentFilters(search, options), sort: search.sort, dir: search.dir });

/** An instant (less `back` ms) → its Mexico City day. */
const mxDayOf = (iso: unknown, back = 0) =>
  typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? isoToMxWall(new Date(Date.parse(iso) - back)).slice(0, 10) : undefined;

/** A saved filter back into the address: instants become Mexico City days again (`to` is exclusive). */
export function incidentsSearchFromView(view: Record<string, unknown>): IncidentsSearch {
  return validateIncidentsSearch({ ...view, from: mxDayOf(view.from), to: mxDayOf(view.to, 1) });
}

/** The address's filters → `incidents.list` / export filters (days become Mexico City instants). */
export function toIncidentFilters(search: IncidentsSearch, options: { withAgency: boolean }): IncidentFilters {
  return definedOnly<IncidentFilters>({
    status: search.status,
    severity: search.severity,
    tlp: search.tlp,
    rsitClass: search.rsitClass,
    agencyId: options.withAgency ? search.agencyId : undefined,
    q: search.q,
    from: search.from ? (mxDayStart(search.from) ?? undefined) : undefined,
    to: search.to ? (mxDayEnd(search.to) ?? undefined) : undefined,
    obligation: search.obligation,
    ownerId: search.owner,
  });
}
