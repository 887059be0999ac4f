import { getKpi, insertKpiValue, writeAudit } from '@anc/db';
import { DomainError, FUTURE_TOLERANCE_MS, assertProgressReporter, type RecordKpiValueData } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildInitiativeDetail } from './initiative-dto.ts';
import { initiativeOr404 } from './initiative-rules.ts';

/** Staff of the lead agency (and admins) record a measurement; the value stays a decimal string to the column. */
export async function recordKpiValue(ctx: UseCaseContext, input: RecordKpiValueData) {
  const row = await ctx.db.transaction(async (tx) => {
    const kpi = await getKpi(tx, input.kpiId);
    if (!kpi) throw new DomainError('NOT_FOUND', 'not_found');
    const initiative = await initiativeOr404(tx, kpi.initiativeId, { lock: 'share' });
    assertProgressReporter(ctx.actor, initiative);
    const now = Date.now();
    const at = input.at ? new Date(input.at) : new Date(now);
    if (at.getTime() > now + FUTURE_TOLERANCE_MS) throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { at: ['date_in_future'] } });
    const recorded = await insertKpiValue(tx, { kpiId: kpi.id, value: input.value, at, recordedBy: ctx.actor.userId });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'initiative.kpi.record',
      entityType: 'initiative',
      entityId: initiative.id,
      diff: { kpiValue: [null, { kpiId: kpi.id, name: kpi.name, value: recorded.value, at: recorded.at.toISOString() }] },
      origin: ctx.origin,
    });
    return initiative;
  });
  return buildInitiativeDetail(ctx.db, ctx.actor, row);
}
