import { activeAgencyIds, getInitiative, getMilestone, type Db, type InitiativeRow } from '@anc/db';
import { DomainError, assertProgressReporter, type Actor, type FieldErrors } from '@anc/domain';

/** The initiative, or NOT_FOUND. The registry is readable by every signed-in role: no scope beyond existence. */
export async function initiativeOr404(db: Db, id: string, options: { lock?: 'update' | 'share' } = {}): Promise<InitiativeRow> {
  const row = await getInitiative(db, id, options);
  if (!row) throw new DomainError('NOT_FOUND', 'not_found');
  return row;
}

/** An edit carries the version it read; anything else means someone changed the initiative since. */
export function assertVersion(row: Pick<InitiativeRow, 'version'>, version: number): void {
  if (row.version !== version) throw new DomainError('CONFLICT', 'stale_version');
}

export const codeTaken = (cause: unknown) => new DomainError('CONFLICT', 'initiative_code_taken', { fieldErrors: { code: ['initiative_code_taken'] }, cause });

/** The lead and the participants must be active agencies; BAD_REQUEST on the field that names one that is not. */
export async function assertAgencies(db: Db, leadAgencyId: string, participantIds: readonly string[]): Promise<void> {
  const active = await activeAgencyIds(db, [leadAgencyId, ...participantIds]);
  const problems: FieldErrors = {};
  if (!active.has(leadAgencyId)) problems.leadAgencyId = ['unknown_agency'];
  if (participantIds.some((id) => !active.has(id))) problems.participantAgencyIds = ['unknown_agency'];
  if (Object.keys(problems).length) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: problems });
}

/** What an initiative's audit rows record. */
export const initiativeAuditFields = (row: InitiativeRow, participantAgencyIds: readonly string[]) => ({
  code: row.code,
  title: row.title,
  descriptionLength: row.description.length,
  objective: row.objective,
  axes: row.axes,
  leadAgencyId: row.leadAgencyId,
  participantAgencyIds: [...participantAgencyIds].sort(),
  startDate: row.startDate,
  endDate: row.endDate,
  budgetMxn: row.budgetMxn,
  status: row.status,
  statusReason: row.statusReason,
});

/**
 * A milestone whose progress the actor may report: the milestone and its initiative (share-locked:
 * see add-milestone.ts), or NOT_FOUND; FORBIDDEN unless admin or staff of the lead agency;
 * UNPROCESSABLE once the initiative is completed or cancelled.
 */
export async function reportableMilestone(db: Db, actor: Actor, milestoneId: string) {
  const milestone = await getMilestone(db, milestoneId);
  if (!milestone) throw new DomainError('NOT_FOUND', 'not_found');
  const initiative = await initiativeOr404(db, milestone.initiativeId, { lock: 'share' });
  assertProgressReporter(actor, initiative);
  return { initiative, milestone };
}
