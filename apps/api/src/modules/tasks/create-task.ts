import {
  getInitiativeRef,
  getReadableIncident,
  insertIncidentEvent,
  insertTask,
  insertTaskEvent,
  nextReferenceNumber,
  writeAudit,
  type Db,
  type TaskRow,
} from '@anc/db';
import { auditDiff, formatReference, mexicoCityYear, type CreateTaskData, type FieldErrors } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { notifyTask } from '../notifications/notify-task.ts';
import { buildTaskDetail } from './task-dto.ts';
import { activeAgencyOrProblem, checkAssigneeUser, notifiedTask, taskAuditFields, throwIfProblems } from './task-rules.ts';

/**
 * A coordinator assigns work to an agency. One transaction: the task, its first history entry,
 * the linked incident's timeline entry, the notifications to the agency's staff and the audit row.
 */
export async function createTask(ctx: UseCaseContext, input: CreateTaskData) {
  const id = await ctx.db.transaction(async (tx) => {
    const problems: FieldErrors = {};
    const agency = await activeAgencyOrProblem(tx, input.assigneeAgencyId, problems);
    if (agency && input.assigneeUserId) await checkAssigneeUser(tx, input.assigneeUserId, agency.id, problems);
    const incident = input.incidentId ? await getReadableIncident(tx, ctx.actor, input.incidentId) : null;
    if (input.incidentId && !incident) problems.incidentId = ['not_found'];
    const initiative = input.initiativeId ? await getInitiativeRef(tx, input.initiativeId) : null;
    if (input.initiativeId && !initiative) problems.initiativeId = ['initiative_not_found'];
    throwIfProblems(problems);
    if (!agency) throw new Error('unreachable: agency problem not reported');

    return (await writeTask(tx, ctx, { agency, incident: incident ?? null, initiativeId: initiative?.id ?? null, input })).id;
  });
  return buildTaskDetail(ctx.db, ctx.actor, id);
}

type TaskFields = Pick<CreateTaskData, 'title' | 'description' | 'priority' | 'dueAt'> & { assigneeUserId?: string | null | undefined };

/**
 * Writes one task inside the caller's transaction, checked already: the task, its first history
 * entry, the linked incident's timeline entry, the notifications and the audit row (also used by
 * apps/api/src/modules/playbooks/apply-playbook.ts for every step of a playbook).
 */
export async function writeTask(
  tx: Db,
  ctx: Pick<UseCaseContext, 'actor' | 'origin'>,
  {
    agency,
    incident,
    initiativeId,
    input,
  }: { agency: { id: string; code: string }; incident: { id: string } | null; initiativeId: string | null; input: TaskFields },
): Promise<TaskRow> {
  const year = mexicoCityYear(new Date());
  // The counter row stays locked until commit: numbers are gapless and in commit order.
  const n = await nextReferenceNumber(tx, 'TSK', year);
  // Stamped once the counter is ours, so creation times follow commit order too: a task that
  // commits while someone pages through the list is never older than the page they are on.
  const now = new Date();
  const task = await insertTask(tx, {
    reference: formatReference('TSK', year, n),
    title: input.title,
    description: input.description,
    priority: input.priority,
    status: 'open',
    dueAt: new Date(input.dueAt),
    incidentId: incident?.id ?? null,
    initiativeId,
    assigneeAgencyId: agency.id,
    assigneeUserId: input.assigneeUserId ?? null,
    creatorId: ctx.actor.userId,
    statusChangedAt: now,
    createdAt: now,
    updatedAt: now,
  });
  await insertTaskEvent(tx, {
    taskId: task.id,
    actorId: ctx.actor.userId,
    kind: 'created',
    data: { reference: task.reference, assigneeAgency: { id: agency.id, code: agency.code }, assigneeUserId: task.assigneeUserId },
  });
  if (incident) {
    await insertIncidentEvent(tx, {
      incidentId: incident.id,
      actorId: ctx.actor.userId,
      kind: 'task_created',
      data: { task: { id: task.id, reference: task.reference, title: task.title }, assigneeAgency: { id: agency.id, code: agency.code } },
    });
  }
  await notifyTask(tx, { kind: 'task_assigned', task: notifiedTask(task), actorId: ctx.actor.userId });
  // Written last: whatever fails before commit takes the notifications with it.
  await writeAudit(tx, {
    actorId: ctx.actor.userId,
    action: 'task.create',
    entityType: 'task',
    entityId: task.id,
    diff: auditDiff(null, taskAuditFields(task)),
    origin: ctx.origin,
  });
  return task;
}
