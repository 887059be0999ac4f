import type { ApiScope } from './api-clients.ts';
import type { AgencyKind, Locale, Role } from './roles.ts';

/**
 * Who is calling: built by the API from a validated session, or from an API client's bearer
 * token. A client acts through its principal account (`userId`) with the role `staff` of its
 * agency, narrowed by `client.scopes` (`actorMay` in packages/domain/src/api-clients.ts).
 */
export interface Actor {
  userId: string;
  role: Role;
  agencyId: string;
  agencyKind: AgencyKind;
  locale: Locale;
  /** Set when an API client calls; absent or null for a person. */
  client?: { id: string; name: string; scopes: readonly ApiScope[] } | null;
}
