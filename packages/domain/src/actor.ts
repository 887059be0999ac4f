import type { AgencyKind, Locale, Role } from './roles.ts';

/** Who is calling: built by the API from a validated session. */
export interface Actor {
  userId: string;
  role: Role;
  agencyId: string;
  agencyKind: AgencyKind;
  locale: Locale;
}
