/**
 * The list's filters as they live in the address (bookmarkable, survive a reload), and the
 * same filters as the API and the CSV export take them.
 */
import {
  INCIDENT_STATUSES,
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
import { isDay, mxDayEnd, mxDayStart } from './time.ts';

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
  };
}

export const hasFilters = (search: IncidentsSearch): boolean => Object.values(search).some((v) => v !== undefined);

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
