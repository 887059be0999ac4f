import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';
import type { Tlp } from '../incidents/taxonomy.ts';

/**
 * Advisories (alertas): the ANC tells agencies what to do about a threat and tracks who did it
 * (shared/API.md "Coordination under the federal cybersecurity policy", bullet "Advisories").
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
export function audienceProblems(tlp: Tlp, audience: AdvisoryAudience): Record<string, ['advisory_audience_required' | 'advisory_tlp_named_only' | 'advisory_audience_both']> {
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
