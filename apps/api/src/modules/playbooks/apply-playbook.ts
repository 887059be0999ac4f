import { claimPlaybookApplication, getAgency, getAgencyByCode, getPlaybook, getReadableIncident, insertIncidentEvent, writeAudit, type Db } from '@anc/db';
import { ANC_AGENCY_CODE, DomainError, isFinishedStatus, stepDueAt, type Actor } from '@anc/domain';
import type { AuditOrigin } from '@anc/db';
import { writeTask } from '../tasks/create-task.ts';

export interface ApplyPlaybookRequest {
  incidentId: string;
  playbookId: string;
  /** The playbook version the coordinator was shown: a playbook changed since answers CONFLICT `playbook_changed`. */
  expectedVersion?: number | undefined;
}

export interface AppliedPlaybook {
  incidentId: string;
  playbookId: string;
  playbookVersion: number;
  appliedAt: string;
  tasks: { id: string; reference: string; title: string; assigneeAgencyId: string; dueAt: string }[];
}

/**
 * A coordinator applies a playbook to an incident: every step becomes a task linked to the incident,
 * assigned to the reporting agency or to the ANC and due `dueAfterHours` after now. Once per
 * playbook and incident: the (incident, playbook) row is claimed first, so a second application —
 * also a concurrent one, which waits on that row — answers CONFLICT `playbook_already_applied`.
 * One transaction with the tasks, their history, the incident's timeline entries, the
 * notifications and the audit rows (one per task, one `incident.applyPlaybook`). `ctx.db` may be
 * a transaction already (a bulk triage): the work then runs in a savepoint of it. Who may call it
 * (`incidents.applyPlaybook`, coordinators) is checked by the caller (the tRPC procedure, or the
 * bulk use-case); which incident the actor reads is checked here (NOT_FOUND otherwise).
 */
export async function applyPlaybookToIncident(ctx: { db: Db; actor: Actor; origin: AuditOrigin }, input: ApplyPlaybookRequest): Promise<AppliedPlaybook> {
  return ctx.db.transaction(async (tx) => {
    // Locked so that a concurrent status change (close, merge) waits for the tasks or sees them.
    const incident = await getReadableIncident(tx, ctx.actor, input.incidentId, { forUpdate: true });
    if (!incident) throw new DomainError('NOT_FOUND', 'not_found');
    if (isFinishedStatus(incident.status)) throw new DomainError('UNPROCESSABLE', 'playbook_incident_closed');
    // A share lock: an admin's edit of the playbook waits until these steps are tasks.
    const playbook = await getPlaybook(tx, input.playbookId, { forShare: true });
    if (!playbook) throw new DomainError('NOT_FOUND', 'playbook_not_found');
    if (input.expectedVersion !== undefined && input.expectedVersion !== playbook.version) throw new DomainError('CONFLICT', 'playbook_changed');

    const appliedAt = new Date();
    const claimed = await claimPlaybookApplication(tx, {
      incidentId: incident.id,
      playbookId: playbook.id,
      playbookVersion: playbook.version,
      appliedBy: ctx.actor.userId,
      appliedAt,
    });
    if (!claimed) throw new DomainError('CONFLICT', 'playbook_already_applied');

    const reporting = await getAgency(tx, incident.agencyId);
    const anc = await getAgencyByCode(tx, ANC_AGENCY_CODE);
    if (!reporting || !anc) throw new Error('the reporting agency or the ANC agency is missing');

    await insertIncidentEvent(tx, {
      incidentId: incident.id,
      actorId: ctx.actor.userId,
      kind: 'playbook_applied',
      data: { playbook: { id: playbook.id, title: playbook.title } },
    });
    const tasks: AppliedPlaybook['tasks'] = [];
    for (const step of playbook.steps) {
      const agency = step.assignTo === 'anc' ? anc : reporting;
      const task = await writeTask(tx, ctx, {
        agency,
        incident,
        initiativeId: null,
        input: { title: step.title, description: step.description, priority: 'normal', dueAt: stepDueAt(appliedAt, step.dueAfterHours).toISOString() },
      });
      tasks.push({ id: task.id, reference: task.reference, title: task.title, assigneeAgencyId: task.assigneeAgencyId, dueAt: task.dueAt.toISOString() });
    }
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'incident.applyPlaybook',
      entityType: 'incident',
      entityId: incident.id,
      diff: { playbookId: [null, playbook.id], playbookVersion: [null, playbook.version], tasks: [null, tasks.map((t) => t.reference)] },
      origin: ctx.origin,
    });
    return { incidentId: incident.id, playbookId: playbook.id, playbookVersion: playbook.version, appliedAt: appliedAt.toISOString(), tasks };
  });
}
