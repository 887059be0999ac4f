import { getAgency, type Db } from '@anc/db';
import { DomainError, roleAgencyMismatch, type Role } from '@anc/domain';

/** The agency a user is put in must exist, be active, and fit the user's role. */
export async function assertAgencyFits(db: Db, agencyId: string, role: Role) {
  const agency = await getAgency(db, agencyId);
  if (!agency) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { agencyId: ['invalid_option'] } });
  if (!agency.active) throw new DomainError('UNPROCESSABLE', 'agency_inactive', { fieldErrors: { agencyId: ['agency_inactive'] } });
  const mismatch = roleAgencyMismatch(role, agency);
  if (mismatch) throw new DomainError('UNPROCESSABLE', mismatch, { fieldErrors: { agencyId: [mismatch] } });
  return agency;
}
