import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';
import type { MessageKey } from '../catalogue/validation.ts';
import { isFinishedStatus, type IncidentStatus } from './status.ts';
import type { Tlp } from './taxonomy.ts';

/**
 * Who may read an incident (DESIGN: "Who may read an incident"), and what TLP 2.0 allows a
 * coordinator to share. The SQL scope in @anc/db mirrors `shareGrantsRead` and is tested
 * against it; change both together.
 */
export interface IncidentScopeFacts {
  agencyId: string;
  tlp: Tlp;
  status: IncidentStatus;
}
export interface ShareFacts {
  /** A coordinator shared it with the caller's agency by name. */
  named: boolean;
  /** A coordinator shared it with every agency at once. */
  all: boolean;
}

/** TLP levels that may go to every agency at once; the others only to named agencies (RED to none). */
export const TLP_SHAREABLE_WITH_ALL = ['CLEAR', 'GREEN'] as const satisfies readonly Tlp[];
export const TLP_SHAREABLE_BY_NAME = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT'] as const satisfies readonly Tlp[];

const inList = (list: readonly Tlp[], tlp: Tlp) => list.includes(tlp);

/**
 * A share only grants a read while the incident's current TLP still allows it: raising an
 * incident to RED (or a shared-with-all one to AMBER) silently narrows who can read it.
 */
export function shareGrantsRead(tlp: Tlp, shares: ShareFacts): boolean {
  return (shares.named && inList(TLP_SHAREABLE_BY_NAME, tlp)) || (shares.all && inList(TLP_SHAREABLE_WITH_ALL, tlp));
}

export const seesEveryIncident = (actor: Pick<Actor, 'role'>) => actor.role === 'coordinator' || actor.role === 'admin';

export function canReadIncident(actor: Pick<Actor, 'role' | 'agencyId'>, incident: IncidentScopeFacts, shares: ShareFacts): boolean {
  if (seesEveryIncident(actor)) return true;
  return incident.agencyId === actor.agencyId || shareGrantsRead(incident.tlp, shares);
}

export const isReportingStaff = (actor: Pick<Actor, 'role' | 'agencyId'>, incident: Pick<IncidentScopeFacts, 'agencyId'>) =>
  actor.role === 'staff' && actor.agencyId === incident.agencyId;

/** What the caller may do with an incident they can read; the portal shows only these actions. */
export const INCIDENT_CAPABILITIES = ['edit', 'comment', 'manageObservables', 'submitReport', 'share', 'setOwner'] as const;
export type IncidentCapability = (typeof INCIDENT_CAPABILITIES)[number];
export type IncidentCapabilities = Record<IncidentCapability, boolean>;

/**
 * Each capability in two parts: whether this party may ever do it (else FORBIDDEN) and whether the
 * incident's current state allows it (else UNPROCESSABLE, with the rule as reason).
 */
interface CapabilityRule {
  party: boolean;
  state: boolean;
  reason: MessageKey;
}

function capabilityRule(actor: Pick<Actor, 'role' | 'agencyId'>, incident: IncidentScopeFacts, what: IncidentCapability): CapabilityRule {
  const coordinator = actor.role === 'coordinator';
  const reporting = isReportingStaff(actor, incident);
  const finished = isFinishedStatus(incident.status);
  const gone = incident.status === 'merged' || incident.status === 'rejected';
  switch (what) {
    case 'edit':
      // The reporting body edits its own report until the ANC triages it; coordinators until it is gone.
      return {
        party: coordinator || reporting,
        state: coordinator ? !gone : incident.status === 'submitted',
        reason: coordinator ? 'incident_gone' : 'incident_edit_after_triage',
      };
    case 'comment':
      return { party: coordinator || actor.role === 'staff', state: coordinator || !finished, reason: 'incident_finished' };
    case 'manageObservables':
      return { party: coordinator || reporting, state: coordinator ? !gone : !finished, reason: coordinator ? 'incident_gone' : 'incident_finished' };
    case 'submitReport':
      return { party: reporting, state: !gone, reason: 'incident_gone' };
    case 'share':
      return { party: coordinator, state: !gone && inList(TLP_SHAREABLE_BY_NAME, incident.tlp), reason: gone ? 'incident_gone' : 'tlp_red_not_shareable' };
    case 'setOwner':
      // The ANC's coordinator in charge (incidents/owner.ts): taken or given while the incident is not gone.
      return { party: coordinator, state: !gone, reason: 'incident_gone' };
  }
}

export function incidentCapabilities(actor: Pick<Actor, 'role' | 'agencyId'>, incident: IncidentScopeFacts): IncidentCapabilities {
  const out = {} as IncidentCapabilities;
  for (const what of INCIDENT_CAPABILITIES) {
    const rule = capabilityRule(actor, incident, what);
    out[what] = rule.party && rule.state;
  }
  return out;
}

export function assertIncidentCapability(actor: Pick<Actor, 'role' | 'agencyId'>, incident: IncidentScopeFacts, what: IncidentCapability): void {
  const rule = capabilityRule(actor, incident, what);
  if (!rule.party) throw new DomainError('FORBIDDEN', 'role_not_allowed');
  if (!rule.state) throw new DomainError('UNPROCESSABLE', rule.reason);
}

/** TLP 2.0 rules for a share request; throws UNPROCESSABLE with the rule's name. */
export function checkShare(tlp: Tlp, request: { allAgencies: boolean; agencyCount: number }): void {
  if (!inList(TLP_SHAREABLE_BY_NAME, tlp)) throw new DomainError('UNPROCESSABLE', 'tlp_red_not_shareable');
  if (request.allAgencies && !inList(TLP_SHAREABLE_WITH_ALL, tlp)) throw new DomainError('UNPROCESSABLE', 'tlp_amber_named_only');
  if (!request.allAgencies && request.agencyCount === 0) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { agencyIds: ['share_target_required'] } });
  }
}
