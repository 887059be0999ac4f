import { countObservables, insertIncidentEvent, insertObservables, writeAudit } from '@anc/db';
import { DomainError, MAX_OBSERVABLES, assertIncidentCapability, type AddObservablesInput, type ObservablesAdded } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { readableOr404 } from './incident-rules.ts';

/** Adds indicators (duplicates of ones already there are skipped); at most 500 per incident. */
export async function addObservables(ctx: UseCaseContext, input: AddObservablesInput): Promise<ObservablesAdded> {
  return ctx.db.transaction(async (tx) => {
    // Locked so that two concurrent additions cannot together pass the limit.
    const row = await readableOr404(tx, ctx.actor, input.id, { forUpdate: true });
    assertIncidentCapability(ctx.actor, row, 'manageObservables');
    const unique = [...new Map(input.observables.map((o) => [`${o.type}:${o.value}`, o])).values()];
    const existing = await countObservables(tx, row.id);
    const added = await insertObservables(tx, row.id, ctx.actor.userId, unique);
    if (existing + added.length > MAX_OBSERVABLES) throw new DomainError('UNPROCESSABLE', 'too_many_observables_total');
    if (added.length > 0) {
      await insertIncidentEvent(tx, {
        incidentId: row.id,
        actorId: ctx.actor.userId,
        kind: 'observables_added',
        data: { observables: added.map((o) => ({ type: o.type, value: o.value })) },
      });
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        action: 'incident.addObservables',
        entityType: 'incident',
        entityId: row.id,
        diff: { observables: [null, added.map((o) => `${o.type}:${o.value}`)] },
        origin: ctx.origin,
      });
    }
    return { added: added.length, skipped: unique.length - added.length + (input.observables.length - unique.length) };
  });
}
