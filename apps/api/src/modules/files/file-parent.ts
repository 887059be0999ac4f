// The incident or task a file belongs to, read in the caller's scope: what decides who may upload
// to it, read its files and remove them (docs/API.md "Evidence files").
import type { Db, FileParent } from '@anc/db';
import { DomainError, assertIncidentCapability, assertTaskCapability, type Actor, type FileParentKind } from '@anc/domain';
import { readableOr404 } from '../incidents/incident-rules.ts';
import { readableTaskOr404 } from '../tasks/task-rules.ts';

export interface ParentRef {
  kind: FileParentKind;
  id: string;
}

export const fileParentOf = (ref: ParentRef): FileParent => (ref.kind === 'incident' ? { incidentId: ref.id } : { taskId: ref.id });

/** The parent of a stored file row. */
export function parentRefOfRow(row: { incidentId: string | null; taskId: string | null }): ParentRef {
  if (row.incidentId) return { kind: 'incident', id: row.incidentId };
  if (row.taskId) return { kind: 'task', id: row.taskId };
  throw new Error('evidence file without a parent');
}

/**
 * NOT_FOUND unless the actor reads the parent. An API client reads incidents only: a task is as
 * absent to it as a missing one.
 */
export async function readableParentOr404(db: Db, actor: Actor, ref: ParentRef, options: { forUpdate?: boolean } = {}) {
  if (ref.kind === 'incident') return { kind: 'incident' as const, row: await readableOr404(db, actor, ref.id, options) };
  if (actor.client) throw new DomainError('NOT_FOUND', 'not_found');
  return { kind: 'task' as const, row: await readableTaskOr404(db, actor, ref.id, options) };
}

/**
 * Who may upload: who may add observables to the incident (staff of the reporting agency while
 * it is open, coordinators until it is gone), who may comment on the task.
 */
export function assertMayUpload(actor: Actor, parent: Awaited<ReturnType<typeof readableParentOr404>>): void {
  if (parent.kind === 'incident') assertIncidentCapability(actor, parent.row, 'manageObservables');
  else assertTaskCapability(actor, parent.row, 'comment');
}
