import type { Actor } from '../actor.ts';

/**
 * Who may read an agency's directory entry: coordinators and admins every agency's; staff their own
 * agency's only (another agency's answers NOT_FOUND, as if it did not exist).
 */
export function canReadDirectory(actor: Pick<Actor, 'role' | 'agencyId'>, agencyId: string): boolean {
  return actor.role !== 'staff' || actor.agencyId === agencyId;
}

/** Who may change it (designations, 24/7 contact): admins any agency's, staff their own; coordinators read only. */
export function canEditDirectory(actor: Pick<Actor, 'role' | 'agencyId'>, agencyId: string): boolean {
  return actor.role === 'admin' || (actor.role === 'staff' && actor.agencyId === agencyId);
}
