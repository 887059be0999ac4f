import { deleteObservable, insertIncidentEvent, writeAudit } from '@anc/db';
import { DomainError, assertIncidentCapability, type RemoveObservableInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { readableOr404 } from './incident-rules.ts';

export async function removeObservable(ctx: UseCaseContext, input: RemoveObservableInput) {
  await ctx.db.transaction(async (tx) => {
    const row = await readableOr404(tx, ctx.actor, input.id);
    assertIncidentCapability(ctx.actor, row, 'manageObservables');
    const removed = await deleteObservable(tx, ctx.actor, row.id, input.observableId);
    if (!removed) throw new DomainError('NOT_FOUND', 'not_found');
    await insertIncidentEvent(tx, {
      incidentId: row.id,
      actorId: ctx.actor.userId,
      kind: 'observable_removed',
      data: { observable: { type: removed.type, value: removed.value } },
    });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'incident.removeObservable',
      entityType: 'incident',
      entityId: row.id,
      diff: { observable: [`${removed.type}:${removed.value}`, null] },
      origin: ctx.origin,
    });
  });
  return { ok: true as const };
}
