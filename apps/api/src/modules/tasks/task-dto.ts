import { getTaskDetailRow, listTaskEvents, type Db, type TaskSummaryRow } from '@anc/db';
import {
  allowedTaskTransitions,
  taskCapabilities,
  taskDueState,
  type Actor,
  type AllowedTaskTransition,
  type AttachmentDto,
  type TaskCapabilities,
  type TaskSummaryDto,
} from '@anc/domain';
import { listAttachments } from '../files/attachments.ts';

/** As incident details list their tasks: typed from packages/domain/src/schemas/incident-dto.ts `TaskSummaryDto`. */
export type TaskSummary = TaskSummaryDto;

export interface TaskHistoryEntry {
  id: string;
  at: string;
  kind: string;
  /** Null for the system (the overdue job). */
  actor: { id: string; name: string; agencyCode: string } | null;
  body: string | null;
  data: Record<string, unknown>;
}

export interface TaskDetail extends TaskSummary {
  description: string;
  version: number;
  creator: { id: string; name: string };
  history: TaskHistoryEntry[];
  allowedTransitions: AllowedTaskTransition[];
  capabilities: TaskCapabilities;
  /** Evidence files, oldest first (modules/files/). */
  attachments: AttachmentDto[];
}

export function toTaskSummary(r: TaskSummaryRow, now: Date): TaskSummary {
  return {
    id: r.id,
    reference: r.reference,
    title: r.title,
    priority: r.priority,
    status: r.status,
    dueAt: r.dueAt.toISOString(),
    dueState: taskDueState({ status: r.status, dueAt: r.dueAt }, now),
    assigneeAgency: { id: r.agencyId, code: r.agencyCode, name: r.agencyName, nameEn: r.agencyNameEn },
    assigneeUser: r.assigneeUserId && r.assigneeUserName ? { id: r.assigneeUserId, name: r.assigneeUserName } : null,
    incident:
      r.incidentId && r.incidentReference && r.incidentTitle !== null ? { id: r.incidentId, reference: r.incidentReference, title: r.incidentTitle } : null,
    initiative:
      r.initiativeId && r.initiativeCode && r.initiativeTitle !== null ? { id: r.initiativeId, code: r.initiativeCode, title: r.initiativeTitle } : null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

/** Everything the task page shows, read after the change committed; only the steps this caller may take. */
export async function buildTaskDetail(db: Db, actor: Actor, taskId: string, now: Date = new Date()): Promise<TaskDetail> {
  const [row, events, attachments] = await Promise.all([
    getTaskDetailRow(db, actor, taskId),
    listTaskEvents(db, taskId),
    listAttachments(db, actor, { kind: 'task', id: taskId }),
  ]);
  if (!row) throw new Error('task vanished');
  const facts = { status: row.status, assigneeAgencyId: row.agencyId };
  return {
    ...toTaskSummary(row, now),
    description: row.description,
    version: row.version,
    creator: { id: row.creatorId, name: row.creatorName },
    history: events.map((e) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      kind: e.kind,
      actor: e.actorId && e.actorName ? { id: e.actorId, name: e.actorName, agencyCode: e.actorAgencyCode ?? '' } : null,
      body: e.body,
      data: e.data,
    })),
    allowedTransitions: allowedTaskTransitions(actor, facts),
    capabilities: taskCapabilities(actor, facts),
    attachments,
  };
}
