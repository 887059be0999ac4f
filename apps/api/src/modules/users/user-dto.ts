import type { UserRow } from '@anc/db';
import type { AgencyKind, SessionUser, UserDto } from '@anc/domain';

/** The agency columns a user's answer names. */
export interface AgencyRef {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  kind: AgencyKind;
}

export const toUserDto = (u: UserRow, agency: AgencyRef): UserDto => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  locale: u.locale,
  active: u.active,
  agency: { id: agency.id, code: agency.code, name: agency.name, nameEn: agency.nameEn, kind: agency.kind },
  lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
  createdAt: u.createdAt.toISOString(),
  updatedAt: u.updatedAt.toISOString(),
});

export const toSessionUser = (u: UserRow, agency: AgencyRef): SessionUser => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  locale: u.locale,
  agency: { id: agency.id, code: agency.code, name: agency.name, nameEn: agency.nameEn, kind: agency.kind },
  preferences: { emailNotifications: u.emailNotifications, digest: u.digest },
});

/** The fields of a user that audit rows record (never the password hash). */
export const userAuditFields = (u: UserRow) => ({
  email: u.email,
  name: u.name,
  role: u.role,
  agencyId: u.agencyId,
  active: u.active,
  locale: u.locale,
});
