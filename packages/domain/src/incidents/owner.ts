import { DomainError } from '../errors.ts';
import type { Actor } from '../actor.ts';

/**
 * The owner of an incident (issue 14): the one ANC coordinator in charge of it, or nobody. Any
 * coordinator may take an incident (set themselves), give it to another active coordinator, or
 * leave it without an owner; staff and admins never (`setOwner` in incidents/access.ts). The owner
 * is told of the incident's news (notifications.ts, party `owner`) and, when someone else gives
 * them the incident, of that too (`incident_assigned`).
 *
 * Who reads the owner's name: every reader of the incident, the reporting agency and the agencies
 * it was shared with included. The owner is the ANC's point of contact for the incident, a person
 * of the ANC acting in that role, not information about the reporting agency; the timeline shows
 * the names of the ANC's coordinators who act on it already.
 */
export interface OwnerCandidate {
  id: string;
  role: Actor['role'];
  active: boolean;
}

/** A new owner must be an active coordinator; otherwise a field error on `ownerId`. */
export function checkOwnerCandidate(candidate: OwnerCandidate | undefined): void {
  if (!candidate || candidate.role !== 'coordinator' || !candidate.active) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { ownerId: ['owner_not_coordinator'] } });
  }
}

/** Whether the new owner is told they were given the incident: only when someone else gave it to them. */
export const ownerIsToldOfAssignment = (actorId: string, ownerId: string | null, previousOwnerId: string | null): ownerId is string =>
  ownerId !== null && ownerId !== actorId && ownerId !== previousOwnerId;

/** The list filter `ownerId: 'me'` ("Mis incidentes") as the caller's own id, before the query. */
export function withOwnerResolved<F extends { ownerId?: string | undefined }>(filters: F, actor: Pick<Actor, 'userId'>): F {
  return filters.ownerId === 'me' ? { ...filters, ownerId: actor.userId } : filters;
}
