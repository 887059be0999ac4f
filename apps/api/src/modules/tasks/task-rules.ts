import { getAgency, getAssigneeCandidate, getReadableTask, type Db, type TaskRow } from '@anc/db';
import { DomainError, assigneeUserProblem, type Actor, type FieldErrors } from '@anc/domain';
import type { NotifiedTask } from '../notifications/notify-task.ts';

/** The task if the actor may read it; NOT_FOUND otherwise (the same answer as "absent"). */
export async function readableTaskOr404(db: Db, actor: Actor, id: string, options: { forUpdate?: boolean } = {}): Promise<TaskRow> {
  const row = await getReadableTask(db, actor, id, options);
  if (!row) throw new DomainError('NOT_FOUND', 'not_found');
  return row;
}

/** An edit carries the version it read; anything else means someone changed the task since. */
export function assertTaskVersion(row: Pick<TaskRow, 'version'>, version: number): void {
  if (row.version !== version) throw new DomainError('CONFLICT', 'stale_version');
}

export function throwIfProblems(problems: FieldErrors): void {
  if (Object.keys(problems).length) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: problems });
}

/** The assignee agency, if it exists and is active; otherwise records the problem and returns null. */
export async function activeAgencyOrProblem(db: Db, agencyId: string, problems: FieldErrors) {
  const agency = await getAgency(db, agencyId);
  if (agency?.active) return agency;
  problems.assigneeAgencyId = ['unknown_agency'];
  return null;
}

/** A named assignee must be active staff of the assignee agency (the domain's `assigneeUserProblem`). */
export async function checkAssigneeUser(db: Db, userId: string, agencyId: string, problems: FieldErrors): Promise<void> {
  const problem = assigneeUserProblem(await getAssigneeCandidate(db, userId), agencyId);
  if (problem) problems.assigneeUserId = [problem];
}

/** The fields of a task its audit rows record (the description is long: only its length). */
export const taskAuditFields = (row: TaskRow) => ({
  reference: row.reference,
  title: row.title,
  descriptionLength: row.description.length,
  priority: row.priority,
  status: row.status,
  dueAt: row.dueAt.toISOString(),
  assigneeAgencyId: row.assigneeAgencyId,
  assigneeUserId: row.assigneeUserId,
  incidentId: row.incidentId,
  initiativeId: row.initiativeId,
});

export const notifiedTask = (row: TaskRow): NotifiedTask => ({
  id: row.id,
  reference: row.reference,
  title: row.title,
  assigneeAgencyId: row.assigneeAgencyId,
  creatorId: row.creatorId,
});
