import { getAgency, insertIncident, insertIncidentEvent, insertObservables, nextReferenceNumber, writeAudit, type Db } from '@anc/db';
import { DomainError, auditDiff, formatReference, mexicoCityYear, type Actor, type CreateIncidentData } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { notifyIncident } from '../notifications/notify-incident.ts';
import { buildIncidentDetail } from './incident-dto.ts';
import { incidentAuditFields, nextObligationColumns } from './incident-rules.ts';

/** Staff report for their own body; a coordinator files on behalf of the body named in `agencyId`. */
async function reportingAgencyId(db: Db, actor: Actor, agencyId: string | undefined): Promise<string> {
  if (actor.role === 'staff') {
    if (agencyId && agencyId !== actor.agencyId) throw new DomainError('FORBIDDEN', 'staff_files_for_own_agency');
    return actor.agencyId;
  }
  if (!agencyId) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { agencyId: ['agency_required'] } });
  const agency = await getAgency(db, agencyId);
  if (!agency?.active) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { agencyId: ['unknown_agency'] } });
  return agency.id;
}

/** Files the report and answers its detail as the reporter reads it. */
export async function fileIncident(ctx: UseCaseContext, input: CreateIncidentData) {
  return incidentDetailOf(ctx, await fileIncidentRow(ctx, input));
}

/** The detail of an incident the caller has just filed, from the row its write returned. */
export function incidentDetailOf(ctx: UseCaseContext, row: Awaited<ReturnType<typeof fileIncidentRow>>) {
  return buildIncidentDetail(ctx.db, ctx.actor, row);
}

/**
 * The write alone, in one transaction with its audit row; for a caller that answers later, out of
 * the transaction. `id`: the new incident's id, when the caller chose it beforehand.
 */
export async function fileIncidentRow(ctx: UseCaseContext, input: CreateIncidentData, options: { id?: string } = {}) {
  const agencyId = await reportingAgencyId(ctx.db, ctx.actor, input.agencyId);
  return ctx.db.transaction((tx) => writeIncident(tx, ctx, agencyId, input, options.id));
}

/**
 * The same write inside a transaction the caller already holds: REST v1's idempotent create
 * (apps/api/src/rest/idempotency.ts) claims its key and files the report in one transaction,
 * and answers out of it, so the reference counter row is not held while the answer is built.
 * Written straight into that transaction, not in a nested one: a savepoint would make every row a
 * subtransaction's, which the database pays for on each concurrent create.
 */
export async function fileIncidentInTransaction(tx: Db, ctx: UseCaseContext, input: CreateIncidentData, options: { id?: string } = {}) {
  const agencyId = await reportingAgencyId(tx, ctx.actor, input.agencyId);
  return writeIncident(tx, ctx, agencyId, input, options.id);
}

async function writeIncident(tx: Db, ctx: UseCaseContext, agencyId: string, input: CreateIncidentData, id: string | undefined) {
  const year = mexicoCityYear(new Date());
  // The counter row stays locked until commit: numbers are gapless and in commit order.
  const n = await nextReferenceNumber(tx, 'INC', year);
  // Stamped once the counter is ours, so creation times follow commit order too: an incident
  // that commits while someone pages through the list is never older than the page they are on.
  const now = new Date();
  const clockFacts = {
    awareAt: new Date(input.awareAt),
    createdAt: now,
    notificationSubmittedAt: null,
    finalReportSubmittedAt: null,
    status: 'submitted' as const,
  };
  const incident = await insertIncident(tx, {
    ...(id ? { id } : {}),
    reference: formatReference('INC', year, n),
    agencyId,
    reporterId: ctx.actor.userId,
    title: input.title,
    description: input.description,
    rsitClass: input.rsitClass,
    rsitType: input.rsitType,
    severity: input.severity,
    tlp: input.tlp,
    status: 'submitted',
    detectedAt: new Date(input.detectedAt),
    awareAt: clockFacts.awareAt,
    affectedSystems: input.affectedSystems,
    personalData: input.impact.personalData,
    records: input.impact.records,
    criticalService: input.impact.criticalService,
    crossBorder: input.impact.crossBorder,
    estimatedLossMxn: input.impact.estimatedLossMxn,
    ...nextObligationColumns(clockFacts, now),
    createdAt: now,
    updatedAt: now,
  });
  const added = await insertObservables(tx, incident.id, ctx.actor.userId, input.observables);
  const event = await insertIncidentEvent(tx, {
    incidentId: incident.id,
    actorId: ctx.actor.userId,
    kind: 'created',
    data: { reference: incident.reference, observables: added.length },
  });
  await notifyIncident(tx, { kinds: ['incident_filed'], incident, actorId: ctx.actor.userId, eventId: event.id });
  await writeAudit(tx, {
    actorId: ctx.actor.userId,
    action: 'incident.create',
    entityType: 'incident',
    entityId: incident.id,
    diff: auditDiff(null, { ...incidentAuditFields(incident), observables: added.map((o) => `${o.type}:${o.value}`) }),
    origin: ctx.origin,
  });
  return incident;
}
