import { activeAgenciesAmong, incidentAudienceFacts, insertIncidentEvent, insertShares, touchIncident, writeAudit } from '@anc/db';
import { DomainError, assertIncidentCapability, checkShare, type ShareIncidentInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { notifyIncident } from '../notifications/notify-incident.ts';
import { buildIncidentDetail } from './incident-dto.ts';
import { readableOr404 } from './incident-rules.ts';

/**
 * Shares with named bodies and/or every body, as TLP 2.0 allows (RED never; AMBER and
 * AMBER+STRICT by name only). Not with the reporting body (it already reads it), nor the ANC,
 * nor a deactivated body.
 */
export async function shareIncident(ctx: UseCaseContext, input: ShareIncidentInput) {
  const row = await shareIncidentRow(ctx, input);
  return buildIncidentDetail(ctx.db, ctx.actor, row);
}

/** The share in its own transaction (with its event, notifications and audit row): the incident row. Bulk share calls it per item. */
export async function shareIncidentRow(ctx: UseCaseContext, input: ShareIncidentInput) {
  return ctx.db.transaction(async (tx) => {
    const incident = await readableOr404(tx, ctx.actor, input.id, { forUpdate: true });
    const agencyIds = [...new Set(input.agencyIds)];
    checkShare(incident.tlp, { allAgencies: input.allAgencies, agencyCount: agencyIds.length });
    assertIncidentCapability(ctx.actor, incident, 'share');
    const targets = await activeAgenciesAmong(tx, agencyIds);
    const invalid = agencyIds.filter((id) => {
      const agency = targets.find((t) => t.id === id);
      return !agency || agency.id === incident.agencyId || agency.kind === 'national_agency';
    });
    if (invalid.length) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { agencyIds: ['share_target_invalid'] } });

    // Who read it by name before this share: a share with every agency tells only the others.
    const before = (await incidentAudienceFacts(tx, [incident.id])).get(incident.id)?.sharedAgencyIds ?? [];
    const added = await insertShares(tx, incident, agencyIds, ctx.actor.userId);
    const newlyAll = input.allAgencies && !incident.sharedWithAllAt;
    const updated = newlyAll ? await touchIncident(tx, ctx.actor, incident.id, { sharedWithAllAt: new Date() }) : incident;
    if (added.length || newlyAll) {
      const codes = targets.filter((t) => added.includes(t.id)).map((t) => t.code);
      const event = await insertIncidentEvent(tx, {
        incidentId: incident.id,
        actorId: ctx.actor.userId,
        kind: 'shared',
        data: { agencies: codes, allAgencies: newlyAll },
      });
      await notifyIncident(tx, {
        kinds: ['incident_shared'],
        incident,
        actorId: ctx.actor.userId,
        eventId: event.id,
        shared: { agencyIds: added, allBut: newlyAll ? [incident.agencyId, ...before] : null },
      });
      await writeAudit(tx, {
        actorId: ctx.actor.userId,
        action: 'incident.share',
        entityType: 'incident',
        entityId: incident.id,
        diff: { shares: [null, { agencies: codes, allAgencies: newlyAll }] },
        origin: ctx.origin,
      });
    }
    return updated;
  });
}
