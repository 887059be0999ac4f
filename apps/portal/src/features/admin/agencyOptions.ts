import type { AgencyDto, Locale, Role } from '@anc/domain';

/** Agencies a person with `role` may belong to: the ANC for its own roles, any other body for staff. */
export function agencyOptionsFor(agencies: readonly AgencyDto[], role: Role | null, locale: Locale, keepId?: string | null) {
  return agencies
    .filter((a) => a.active || a.id === keepId)
    .filter((a) => (role === null ? true : role === 'staff' ? a.kind !== 'national_agency' : a.kind === 'national_agency'))
    .toSorted((a, b) => a.code.localeCompare(b.code))
    .map((a) => ({ value: a.id, label: `${a.code} — ${locale === 'en' ? a.nameEn : a.name}` }));
}
