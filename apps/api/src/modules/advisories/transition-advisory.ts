import { addressEveryAgency, activeStaffOf, insertNotifications, listAdvisoryAgencyIds, updateAdvisoryVersioned, writeAudit } from '@anc/db';
import { DomainError, auditDiff, checkAdvisoryTransition, notificationRecipients, respondByProblem, type AdvisoryVersionInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildAdvisoryDetail } from './advisory-dto.ts';
import { assertAdvisoryVersion, checkAudience, readableAdvisoryOr404, throwIfProblems } from './advisory-rules.ts';

/**
 * `advisories.publish`: the draft goes out. One transaction: the audience fixed (every active
 * agency, for an advisory to all), the state, an in-portal notification to every active staff
 * account of the addressed agencies — each queues its e-mail in the recipient's language
 * (packages/db/src/queries/mail.ts `queueNotificationMail`) — and the audit row.
 */
export async function publishAdvisory(ctx: UseCaseContext, input: AdvisoryVersionInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const { row: before } = await readableAdvisoryOr404(tx, ctx.actor, input.id, { lock: 'update' });
    assertAdvisoryVersion(before, input.version);
    checkAdvisoryTransition(ctx.actor, before.status, 'published');
    const late = respondByProblem(before.respondBy.toISOString());
    if (late) throwIfProblems({ respondBy: [late] });
    const named = await listAdvisoryAgencyIds(tx, before.id);
    await checkAudience(tx, ctx.actor, { tlp: before.tlp, allAgencies: before.allAgencies, agencyIds: named, incidentId: before.incidentId });
    if (before.allAgencies) await addressEveryAgency(tx, before.id);
    const now = new Date();
    const updated = await updateAdvisoryVersioned(tx, before.id, input.version, { status: 'published', publishedAt: now });
    if (!updated) throw new DomainError('CONFLICT', 'stale_version');
    const agencyIds = await listAdvisoryAgencyIds(tx, updated.id);
    const recipients = notificationRecipients('advisory_published', {
      people: { advisoryStaff: await activeStaffOf(tx, agencyIds) },
      actorId: ctx.actor.userId,
      reads: (p) => agencyIds.includes(p.agencyId),
    });
    const data = { reference: updated.reference, title: updated.title, tlp: updated.tlp };
    const notified = await insertNotifications(
      tx,
      recipients.map((userId) => ({ userId, kind: 'advisory_published' as const, advisoryId: updated.id, data })),
    );
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'advisory.publish',
      entityType: 'advisory',
      entityId: updated.id,
      diff: auditDiff({ status: before.status }, { status: updated.status, addressedAgencies: agencyIds.length, notified }),
      origin: ctx.origin,
    });
    return updated;
  });
  return buildAdvisoryDetail(ctx.db, ctx.actor, row);
}

/** `advisories.close`: no more answers; the matrix stays as it was. */
export async function closeAdvisory(ctx: UseCaseContext, input: AdvisoryVersionInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const { row: before } = await readableAdvisoryOr404(tx, ctx.actor, input.id, { lock: 'update' });
    assertAdvisoryVersion(before, input.version);
    checkAdvisoryTransition(ctx.actor, before.status, 'closed');
    const updated = await updateAdvisoryVersioned(tx, before.id, input.version, { status: 'closed', closedAt: new Date() });
    if (!updated) throw new DomainError('CONFLICT', 'stale_version');
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'advisory.close',
      entityType: 'advisory',
      entityId: updated.id,
      diff: auditDiff({ status: before.status }, { status: updated.status }),
      origin: ctx.origin,
    });
    return updated;
  });
  return buildAdvisoryDetail(ctx.db, ctx.actor, row);
}
