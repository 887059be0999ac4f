import { deleteShare, getAgency, insertIncidentEvent, touchIncident, writeAudit } from '@anc/db';
import { DomainError, type UnshareIncidentInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildIncidentDetail } from './incident-dto.ts';
import { readableOr404 } from './incident-rules.ts';

/** Withdraws one named share or the share with every body. Withdrawing what was never shared is NOT_FOUND. */
export async function unshareIncident(ctx: UseCaseContext, input: UnshareIncidentInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const incident = await readableOr404(tx, ctx.actor, input.id, { forUpdate: true });
    let updated = incident;
    let what: { agency: string | null; allAgencies: boolean };
    if (input.allAgencies) {
      if (!incident.sharedWithAllAt) throw new DomainError('NOT_FOUND', 'share_not_found');
      updated = await touchIncident(tx, ctx.actor, incident.id, { sharedWithAllAt: null });
      what = { agency: null, allAgencies: true };
    } else {
      const agencyId = input.agencyId ?? '';
      if (!(await deleteShare(tx, incident.id, agencyId))) throw new DomainError('NOT_FOUND', 'share_not_found');
      what = { agency: (await getAgency(tx, agencyId))?.code ?? agencyId, allAgencies: false };
    }
    await insertIncidentEvent(tx, { incidentId: incident.id, actorId: ctx.actor.userId, kind: 'unshared', data: what });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'incident.unshare',
      entityType: 'incident',
      entityId: incident.id,
      diff: { shares: [what, null] },
      origin: ctx.origin,
    });
    return updated;
  });
  return buildIncidentDetail(ctx.db, ctx.actor, row);
}
