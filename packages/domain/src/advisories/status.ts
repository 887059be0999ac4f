import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';
import { TLP_LEVELS, type Tlp } from '../incidents/taxonomy.ts';
import { canReadIncident, type IncidentScopeFacts } from '../incidents/access.ts';

/**
 * Advisories (alertas): the ANC tells agencies what to do about a threat and tracks who did it
 * (docs/API.md "Coordination under the federal cybersecurity policy", bullet "Advisories").
 * draft → published → closed. Only coordinators move an advisory; a draft is read by coordinators
 * and admins only; a published or closed one by them and by staff of the agencies it addresses.
 */
export const ADVISORY_STATUSES = ['draft', 'published', 'closed'] as const;
export type AdvisoryStatus = (typeof ADVISORY_STATUSES)[number];

export const ADVISORY_RESPONSE_STATUSES = ['acknowledged', 'not_affected', 'mitigating', 'mitigated'] as const;
export type AdvisoryResponseStatus = (typeof ADVISORY_RESPONSE_STATUSES)[number];

export type AdvisoryStep = 'publish' | 'close';

/** from → to → the step; anything else does not exist. */
export const ADVISORY_TRANSITIONS = {
  draft: { published: 'publish' },
  published: { closed: 'close' },
  closed: {},
} as const satisfies Record<AdvisoryStatus, Partial<Record<AdvisoryStatus, AdvisoryStep>>>;

export function advisoryStepTo(from: AdvisoryStatus, to: AdvisoryStatus): AdvisoryStep | null {
  const row: Partial<Record<AdvisoryStatus, AdvisoryStep>> = ADVISORY_TRANSITIONS[from];
  return row[to] ?? null;
}

/** Checks a step: INVALID_TRANSITION unless it exists from here; FORBIDDEN for anyone but a coordinator. */
export function checkAdvisoryTransition(actor: Pick<Actor, 'role'>, from: AdvisoryStatus, to: AdvisoryStatus): AdvisoryStep {
  if (actor.role !== 'coordinator') throw new DomainError('FORBIDDEN', 'role_not_allowed');
  const step = advisoryStepTo(from, to);
  if (!step) throw new DomainError('INVALID_TRANSITION', 'advisory_transition_not_allowed');
  return step;
}

/** The steps a coordinator may take from here (the portal offers only these). */
export function allowedAdvisorySteps(actor: Pick<Actor, 'role'>, status: AdvisoryStatus): AdvisoryStep[] {
  if (actor.role !== 'coordinator') return [];
  return Object.values(ADVISORY_TRANSITIONS[status] as Partial<Record<AdvisoryStatus, AdvisoryStep>>);
}

/** TLP levels an advisory may address to every agency at once; the others name their agencies. */
export const BROADCAST_TLPS = ['CLEAR', 'GREEN'] as const satisfies readonly Tlp[];
export const mayBroadcast = (tlp: Tlp): boolean => (BROADCAST_TLPS as readonly Tlp[]).includes(tlp);

export interface AdvisoryAudience {
  allAgencies: boolean;
  agencyIds: readonly string[];
}

/**
 * The audience rule (FIRST TLP 2.0): CLEAR and GREEN may go to every agency; AMBER, AMBER+STRICT
 * and RED only to agencies named one by one. Either every agency or at least one named, not both.
 * Returns the field problems (empty when the audience holds).
 */
export function audienceProblems(
  tlp: Tlp,
  audience: AdvisoryAudience,
): Record<string, ['advisory_audience_required' | 'advisory_tlp_named_only' | 'advisory_audience_both']> {
  if (audience.allAgencies && audience.agencyIds.length > 0) return { agencyIds: ['advisory_audience_both'] };
  if (audience.allAgencies) return mayBroadcast(tlp) ? {} : { allAgencies: ['advisory_tlp_named_only'] };
  return audience.agencyIds.length > 0 ? {} : { agencyIds: ['advisory_audience_required'] };
}

/** Whether an agency is addressed by an advisory. */
export const addresses = (audience: AdvisoryAudience, agencyId: string): boolean => audience.allAgencies || audience.agencyIds.includes(agencyId);

/** Staff read published and closed advisories addressed to their agency; coordinators and admins read every one. */
export function canReadAdvisory(actor: Pick<Actor, 'role' | 'agencyId'>, advisory: AdvisoryAudience & { status: AdvisoryStatus }): boolean {
  if (actor.role === 'coordinator' || actor.role === 'admin') return true;
  return advisory.status !== 'draft' && addresses(advisory, actor.agencyId);
}

/**
 * Who may answer: staff of an addressed agency while the advisory is published. FORBIDDEN for
 * other roles; UNPROCESSABLE once it is closed. (Not reading it at all is NOT_FOUND, checked first.)
 */
export function assertMayRespond(actor: Pick<Actor, 'role' | 'agencyId'>, advisory: AdvisoryAudience & { status: AdvisoryStatus }): void {
  if (actor.role !== 'staff') throw new DomainError('FORBIDDEN', 'role_not_allowed');
  if (advisory.status !== 'published') throw new DomainError('UNPROCESSABLE', 'advisory_not_published');
}

/**
 * Overdue: an addressed agency with no answer once `respondBy` has passed. At exactly `respondBy`
 * nobody is overdue yet; an answer, even a late one, ends it. A closed advisory keeps its record:
 * an agency that never answered stays overdue.
 */
export function isResponseOverdue(respondBy: Date, latestResponseAt: Date | null, now: Date): boolean {
  return latestResponseAt === null && now.getTime() > respondBy.getTime();
}

export type AdvisoryAnswerState = 'answered' | 'overdue' | 'pending';

/** Where one agency stands: answered (any answer), overdue (none and respondBy passed), pending. */
export function answerState(respondBy: Date, latestResponseAt: Date | null, now: Date): AdvisoryAnswerState {
  if (latestResponseAt) return 'answered';
  return isResponseOverdue(respondBy, null, now) ? 'overdue' : 'pending';
}

/** Counts for the Panel: answered / overdue / pending per advisory. */
export function countAnswerStates(states: readonly AdvisoryAnswerState[]): Record<AdvisoryAnswerState, number> {
  const counts = { answered: 0, overdue: 0, pending: 0 };
  for (const s of states) counts[s] += 1;
  return counts;
}

/** The dedupe key of a reminder: once per advisory and recipient (the advisory's respondBy never moves once published). */
export const advisoryReminderKey = (respondBy: Date) => `advisory_reminder:${respondBy.toISOString()}`;

/** TLP levels ordered from the widest audience to the narrowest (FIRST TLP 2.0). */
export const tlpRank = (tlp: Tlp): number => TLP_LEVELS.indexOf(tlp);

/**
 * An advisory drafted from an incident never says more than the incident's own read policy allows
 * (incidents/access.ts): its TLP is at least the incident's, and every addressed agency is one the
 * incident could be shared with the same way (a RED incident: its reporting agency only).
 */
export function sourceIncidentProblems(
  incident: IncidentScopeFacts,
  advisory: AdvisoryAudience & { tlp: Tlp },
): Partial<Record<'tlp' | 'agencyIds' | 'allAgencies', ['advisory_tlp_below_incident' | 'advisory_beyond_incident_readers']>> {
  const problems: ReturnType<typeof sourceIncidentProblems> = {};
  if (tlpRank(advisory.tlp) < tlpRank(incident.tlp)) problems.tlp = ['advisory_tlp_below_incident'];
  const reads = (agencyId: string) => canReadIncident({ role: 'staff', agencyId }, incident, { named: !advisory.allAgencies, all: advisory.allAgencies });
  if (advisory.allAgencies && !reads('')) problems.allAgencies = ['advisory_beyond_incident_readers'];
  if (advisory.agencyIds.some((id) => !reads(id))) problems.agencyIds = ['advisory_beyond_incident_readers'];
  return problems;
}

/** What an advisory drafted from an incident starts with; the coordinator edits it before publishing. */
export interface IncidentForAdvisory extends IncidentScopeFacts {
  title: string;
  severity: number;
  observables: readonly { type: string; value: string }[];
}

export function advisoryDraftFromIncident(incident: IncidentForAdvisory, now: Date) {
  const cves = [...new Set(incident.observables.filter((o) => o.type === 'cve').map((o) => o.value))];
  const indicators = incident.observables.filter((o) => o.type !== 'cve');
  const lines = [
    'Descripción de la amenaza: (complete antes de publicar)',
    '',
    ...(indicators.length ? ['Indicadores de compromiso observados:', ...indicators.map((o) => `- ${o.type}: ${o.value}`)] : []),
    ...(cves.length ? ['', `Vulnerabilidades: ${cves.join(', ')}`] : []),
  ];
  return {
    title: incident.title.slice(0, 200),
    summary: 'Alerta derivada de un incidente atendido por la ANC.',
    body: lines.join('\n'),
    severity: Math.min(5, Math.max(0, Math.round(incident.severity))),
    tlp: incident.tlp,
    cves,
    actionRequired: 'Verificar la presencia de los indicadores en sus sistemas, aplicar las mitigaciones y responder a la ANC.',
    respondBy: new Date(now.getTime() + 72 * 3_600_000).toISOString(),
    // The widest audience the incident's own policy allows for its TLP: every agency for CLEAR and
    // GREEN, otherwise the reporting agency (the coordinator names others before publishing).
    allAgencies: mayBroadcast(incident.tlp),
    agencyIds: mayBroadcast(incident.tlp) ? [] : [incident.agencyId],
  };
}
