import type { MessageKey } from './catalogue/validation.ts';

export const ROLES = ['staff', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const AGENCY_KINDS = ['federal_ministry', 'autonomous_body', 'state_government', 'critical_operator', 'national_agency'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];

/** Critical-infrastructure sectors an agency may belong to (or none). */
export const SECTORS = [
  'government',
  'defense',
  'public_security',
  'foreign_affairs',
  'finance',
  'tax',
  'energy',
  'health',
  'education',
  'telecommunications',
  'transport',
  'water',
] as const;
export type Sector = (typeof SECTORS)[number];

export const LOCALES = ['es-MX', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** The code of the ANC itself: coordinators and admins belong to it. */
export const ANC_AGENCY_CODE = 'ANC';

/**
 * Coordinators and admins belong to the ANC itself (the one `national_agency`);
 * staff belong to the body they report for, never to the ANC.
 * Returns the reason a role does not fit an agency, or null when it does.
 */
export function roleAgencyMismatch(role: Role, agency: { kind: AgencyKind }): MessageKey | null {
  const isAnc = agency.kind === 'national_agency';
  if (role === 'staff' && isAnc) return 'staff_not_in_anc';
  if (role !== 'staff' && !isAnc) return 'anc_role_outside_anc';
  return null;
}
