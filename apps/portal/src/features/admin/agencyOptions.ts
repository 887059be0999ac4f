import type { AgencyDto, Locale, Role } from '@anc/domain';
import { agencyOptions } from '../../lib/agency-options.ts';

/** Agencies a person with `role` may belong to: the ANC for its own roles, any other body for staff. */
export function agencyOptionsFor(agencies: readonly AgencyDto[], role: Role | null, locale: Locale, keepId?: string | null) {
  return agencyOptions(
    agencies
      .filter((a) => a.active || a.id === keepId)
      .filter((a) => (role === null ? true : role === 'staff' ? a.kind !== 'national_agency' : a.kind === 'national_agency')),
    locale,
  );
}
