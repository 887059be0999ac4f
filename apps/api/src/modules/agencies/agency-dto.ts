import type { AgencyRow } from '@anc/db';
import type { AgencyDto } from '@anc/domain';

export const toAgencyDto = (a: AgencyRow & { userCount?: number }): AgencyDto => ({
  id: a.id,
  code: a.code,
  name: a.name,
  nameEn: a.nameEn,
  kind: a.kind,
  sector: a.sector,
  active: a.active,
  userCount: a.userCount ?? 0,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

/** The fields of an agency that its audit rows record. */
export const agencyAuditFields = (a: AgencyRow) => ({
  code: a.code,
  name: a.name,
  nameEn: a.nameEn,
  kind: a.kind,
  sector: a.sector,
  active: a.active,
});
