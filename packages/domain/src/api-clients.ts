import { DomainError } from './errors.ts';
import type { Actor } from './actor.ts';
import { can, type Action } from './permissions.ts';

/** Who an account is: a person, or the principal an API client acts through. */
export const USER_KINDS = ['person', 'api_client'] as const;
export type UserKind = (typeof USER_KINDS)[number];

/** What an API client may be allowed (docs/API.md "Callers that are not a browser"). */
export const API_SCOPES = ['incidents:read', 'incidents:write', 'indicators:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/**
 * The scope each action needs when an API client calls it. A client acts for one agency with the
 * rights of its staff (the role table still applies), narrowed to these: an action not listed here
 * is never a client's.
 */
export const SCOPE_OF_ACTION: Partial<Record<Action, ApiScope>> = {
  'incidents.list': 'incidents:read',
  'incidents.get': 'incidents:read',
  'incidents.related': 'incidents:read',
  'incidents.export': 'incidents:read',
  'incidents.create': 'incidents:write',
  'incidents.addObservables': 'incidents:write',
  'incidents.submitReport': 'incidents:write',
  // Evidence files: a client uploads to and downloads from incidents (never tasks: use-case checks).
  'incidents.uploadFile': 'incidents:write',
  'files.download': 'incidents:read',
  'indicators.read': 'indicators:read',
};

/** Token format: `anc_` and 52 base32 characters (32 random bytes). */
export const API_TOKEN_PATTERN = /^anc_[a-z2-7]{52}$/;
/** How much of a token a person sees again after it is shown once (`anc_` and 8 characters). */
export const API_TOKEN_PREFIX_LENGTH = 12;

/** Whether the actor may take the action: its role, and for an API client also its scopes. */
export function actorMay(actor: Pick<Actor, 'role' | 'client'>, action: Action): boolean {
  if (!can(actor.role, action)) return false;
  if (!actor.client) return true;
  const needed = SCOPE_OF_ACTION[action];
  return needed !== undefined && actor.client.scopes.includes(needed);
}

/** FORBIDDEN unless `actorMay`; a client's refusal names the missing scope. */
export function assertActorMay(actor: Pick<Actor, 'role' | 'client'>, action: Action): void {
  if (actorMay(actor, action)) return;
  throw new DomainError('FORBIDDEN', actor.client && can(actor.role, action) ? 'scope_missing' : 'role_not_allowed');
}
