import { insertIncidentEvent, insertReport, touchIncident, writeAudit } from '@anc/db';
import { DomainError, assertIncidentCapability, type SubmitReportInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { notifyIncident } from '../notifications/notify-incident.ts';
import { buildIncidentDetail } from './incident-dto.ts';
import { nextObligationColumns, readableOr404 } from './incident-rules.ts';

/** The reporting body files the notification, then the final report; each stops its clock. */
export async function submitReport(ctx: UseCaseContext, input: SubmitReportInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const incident = await readableOr404(tx, ctx.actor, input.id, { forUpdate: true });
    assertIncidentCapability(ctx.actor, incident, 'submitReport');
    if (input.kind === 'final_report' && !incident.notificationSubmittedAt) throw new DomainError('UNPROCESSABLE', 'notification_required_first');
    const now = new Date();
    const report = await insertReport(tx, { incidentId: incident.id, kind: input.kind, body: input.body, submittedBy: ctx.actor.userId, submittedAt: now });
    if (!report) throw new DomainError('UNPROCESSABLE', 'report_already_submitted');
    const facts = {
      ...incident,
      ...(input.kind === 'notification' ? { notificationSubmittedAt: now } : { finalReportSubmittedAt: now }),
    };
    const updated = await touchIncident(tx, ctx.actor, incident.id, {
      notificationSubmittedAt: facts.notificationSubmittedAt,
      finalReportSubmittedAt: facts.finalReportSubmittedAt,
      ...nextObligationColumns(facts, now),
    });
    const event = await insertIncidentEvent(tx, {
      incidentId: incident.id,
      actorId: ctx.actor.userId,
      kind: 'report',
      body: input.body,
      data: { kind: input.kind },
    });
    // The incident's owner hears of the report (domain notifications.ts `withOwnerNews`).
    await notifyIncident(tx, { kinds: [], incident: updated, actorId: ctx.actor.userId, eventId: event.id });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'incident.submitReport',
      entityType: 'incident',
      entityId: incident.id,
      diff: { [input.kind]: [null, { reportId: report.id, submittedAt: now.toISOString() }] },
      origin: ctx.origin,
    });
    return updated;
  });
  return buildIncidentDetail(ctx.db, ctx.actor, row);
}
