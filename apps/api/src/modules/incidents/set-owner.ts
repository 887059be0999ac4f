import { getOwnerCandidate, insertIncidentEvent, listOwnerCandidates, updateIncidentVersioned, writeAudit } from '@anc/db';
import { DomainError, assertIncidentCapability, checkOwnerCandidate, ownerIsToldOfAssignment, type SetIncidentOwnerInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { notifyIncident } from '../notifications/notify-incident.ts';
import { buildIncidentDetail } from './incident-dto.ts';
import { assertVersion, readableOr404 } from './incident-rules.ts';

/**
 * Take an incident, give it to another active coordinator, or leave it without owner (domain
 * incidents/owner.ts): one transaction with its timeline entry, its audit row and, when someone
 * else gave it to them, the new owner's notification. Setting the owner it already has changes nothing.
 */
export async function setIncidentOwner(ctx: UseCaseContext, input: SetIncidentOwnerInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await readableOr404(tx, ctx.actor, input.id, { forUpdate: true });
    assertIncidentCapability(ctx.actor, before, 'setOwner');
    assertVersion(before, input.version);
    const owner = input.ownerId ? await getOwnerCandidate(tx, input.ownerId) : null;
    if (input.ownerId) checkOwnerCandidate(owner ?? undefined);
    if ((owner?.id ?? null) === before.ownerId) return before;

    const updated = await updateIncidentVersioned(tx, ctx.actor, before.id, input.version, { ownerId: owner?.id ?? null });
    if (!updated) throw new DomainError('CONFLICT', 'stale_version');
    const previous = before.ownerId ? await getOwnerCandidate(tx, before.ownerId) : null;
    const event = await insertIncidentEvent(tx, {
      incidentId: updated.id,
      actorId: ctx.actor.userId,
      kind: 'owner_changed',
      data: { from: ref(previous), to: ref(owner) },
    });
    if (ownerIsToldOfAssignment(ctx.actor.userId, updated.ownerId, before.ownerId)) {
      await notifyIncident(tx, { kinds: ['incident_assigned'], incident: updated, actorId: ctx.actor.userId, eventId: event.id });
    }
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'incident.setOwner',
      entityType: 'incident',
      entityId: updated.id,
      diff: { ownerId: [before.ownerId, updated.ownerId] },
      origin: ctx.origin,
    });
    return updated;
  });
  return buildIncidentDetail(ctx.db, ctx.actor, row);
}

const ref = (u: { id: string; name: string } | null | undefined) => (u ? { id: u.id, name: u.name } : null);

/** The active coordinators, by name: whom "Asignar a…" offers. */
export async function ownerCandidates(ctx: UseCaseContext) {
  return { items: await listOwnerCandidates(ctx.db) };
}
