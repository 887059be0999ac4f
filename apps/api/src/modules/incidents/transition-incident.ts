import { getReadableIncident, insertIncidentEvent, updateIncidentVersioned, writeAudit } from '@anc/db';
import { DomainError, auditDiff, checkIncidentTransition, checkMergeTarget, noteVisibilityFor, type TransitionIncidentInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { notifyIncident } from '../notifications/notify-incident.ts';
import { buildIncidentDetail } from './incident-dto.ts';
import { assertVersion, nextObligationColumns, readableOr404 } from './incident-rules.ts';

export async function transitionIncident(ctx: UseCaseContext, input: TransitionIncidentInput) {
  const row = await transitionIncidentRow(ctx, input);
  return buildIncidentDetail(ctx.db, ctx.actor, row);
}

/** The transition in its own transaction (with its event, notifications and audit row): the updated row. Bulk triage calls it per item. */
export async function transitionIncidentRow(ctx: UseCaseContext, input: TransitionIncidentInput) {
  return ctx.db.transaction(async (tx) => {
    // The row lock makes two transitions with the same version take turns: the second sees the new version.
    const before = await readableOr404(tx, ctx.actor, input.id, { forUpdate: true });
    assertVersion(before, input.version);
    const { needs } = checkIncidentTransition(ctx.actor, before, input);
    const reason = input.reason?.trim() || null;
    // Who reads the reason (domain incidents/visibility.ts); a step without one is for every reader.
    const visibility = noteVisibilityFor(ctx.actor, input.visibility);

    let target: { id: string; reference: string } | null = null;
    if (needs === 'mergeInto' && input.mergeIntoId) {
      const found = await getReadableIncident(tx, ctx.actor, input.mergeIntoId);
      if (!found) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { mergeIntoId: ['not_found'] } });
      checkMergeTarget(found);
      target = { id: found.id, reference: found.reference };
    }

    const now = new Date();
    const updated = await updateIncidentVersioned(tx, ctx.actor, before.id, input.version, {
      status: input.to,
      statusReason: reason,
      mergedIntoId: target?.id ?? null,
      ...nextObligationColumns({ ...before, status: input.to }, now),
    });
    if (!updated) throw new DomainError('CONFLICT', 'stale_version');
    const event = await insertIncidentEvent(tx, {
      incidentId: updated.id,
      actorId: ctx.actor.userId,
      kind: 'status',
      body: reason,
      ...(reason && { visibility }),
      data: { from: before.status, to: input.to, ...(target && { mergedInto: target }) },
    });
    await notifyIncident(tx, {
      kinds: ['incident_status_changed'],
      incident: updated,
      actorId: ctx.actor.userId,
      eventId: event.id,
      reason: reason ? { body: reason, visibility, authorId: ctx.actor.userId } : null,
    });
    if (target) {
      await insertIncidentEvent(tx, {
        incidentId: target.id,
        actorId: ctx.actor.userId,
        kind: 'merged_from',
        data: { incident: { id: updated.id, reference: updated.reference } },
      });
    }
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'incident.transition',
      entityType: 'incident',
      entityId: updated.id,
      diff: auditDiff(
        { status: before.status, statusReason: before.statusReason, mergedIntoId: before.mergedIntoId },
        {
          status: updated.status,
          statusReason: updated.statusReason,
          mergedIntoId: updated.mergedIntoId,
          ...(reason && { statusReasonVisibility: visibility }),
        },
      ),
      origin: ctx.origin,
    });
    return updated;
  });
}
