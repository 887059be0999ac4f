import { getDirectoryAgency, type AgencyRow, type Db } from '@anc/db';
import { canEditDirectory, canReadDirectory, DomainError, type Actor } from '@anc/domain';

/** The agency's entry if the actor may read it; NOT_FOUND otherwise, the same answer as an unknown agency. */
export async function readableEntryOr404(db: Db, actor: Actor, agencyId: string, options: { forUpdate?: boolean } = {}): Promise<AgencyRow> {
  if (!canReadDirectory(actor, agencyId)) throw new DomainError('NOT_FOUND', 'not_found');
  const agency = await getDirectoryAgency(db, agencyId, options);
  if (!agency) throw new DomainError('NOT_FOUND', 'not_found');
  return agency;
}

/**
 * The agency's entry, locked, if the actor may change it: staff of another agency get NOT_FOUND (they
 * may not know it exists); a coordinator, who reads it, is refused by the permission table first.
 */
export async function editableEntryOr404(tx: Db, actor: Actor, agencyId: string): Promise<AgencyRow> {
  const agency = await readableEntryOr404(tx, actor, agencyId, { forUpdate: true });
  if (!canEditDirectory(actor, agencyId)) throw new DomainError('FORBIDDEN', 'role_not_allowed');
  return agency;
}
