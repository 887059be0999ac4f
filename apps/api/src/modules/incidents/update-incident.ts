import { insertIncidentEvent, updateIncidentVersioned, writeAudit } from '@anc/db';
import { DomainError, assertIncidentCapability, auditDiff, incidentDateProblems, rsitTypeProblem, type UpdateIncidentInput } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildIncidentDetail } from './incident-dto.ts';
import { assertVersion, incidentAuditFields, nextObligationColumns, readableOr404 } from './incident-rules.ts';

export async function updateIncident(ctx: UseCaseContext, input: UpdateIncidentInput) {
  const row = await ctx.db.transaction(async (tx) => {
    const before = await readableOr404(tx, ctx.actor, input.id, { forUpdate: true });
    assertIncidentCapability(ctx.actor, before, 'edit');
    assertVersion(before, input.version);

    // The merged result must hold the same rules as a new report.
    const rsitClass = input.rsitClass ?? before.rsitClass;
    const rsitType = input.rsitType !== undefined ? input.rsitType : input.rsitClass ? null : before.rsitType;
    const detectedAt = input.detectedAt ?? before.detectedAt.toISOString();
    const awareAt = input.awareAt ?? before.awareAt.toISOString();
    const problems = incidentDateProblems(detectedAt, awareAt);
    const typeProblem = rsitTypeProblem(rsitClass, rsitType);
    if (typeProblem) problems.rsitType = [typeProblem];
    const personalData = input.impact?.personalData ?? before.personalData;
    const records = input.impact ? input.impact.records : before.records;
    if (!personalData && records) problems['impact.records'] = ['records_without_personal_data'];
    if (Object.keys(problems).length) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: problems });

    const now = new Date();
    const awareAtDate = new Date(awareAt);
    const updated = await updateIncidentVersioned(tx, ctx.actor, before.id, input.version, {
      title: input.title,
      description: input.description,
      rsitClass,
      rsitType,
      severity: input.severity,
      tlp: input.tlp,
      detectedAt: new Date(detectedAt),
      awareAt: awareAtDate,
      affectedSystems: input.affectedSystems,
      ...(input.impact && {
        personalData: input.impact.personalData,
        records: input.impact.records,
        criticalService: input.impact.criticalService,
        crossBorder: input.impact.crossBorder,
        estimatedLossMxn: input.impact.estimatedLossMxn,
      }),
      ...nextObligationColumns({ ...before, awareAt: awareAtDate }, now),
    });
    if (!updated) throw new DomainError('CONFLICT', 'stale_version');
    const diff = auditDiff(incidentAuditFields(before), incidentAuditFields(updated));
    await insertIncidentEvent(tx, { incidentId: updated.id, actorId: ctx.actor.userId, kind: 'updated', data: { fields: Object.keys(diff) } });
    await writeAudit(tx, { actorId: ctx.actor.userId, action: 'incident.update', entityType: 'incident', entityId: updated.id, diff, origin: ctx.origin });
    return updated;
  });
  return buildIncidentDetail(ctx.db, ctx.actor, row);
}
