import { countInitiativeKpis, insertKpi, writeAudit } from '@anc/db';
import { DomainError, MAX_KPIS_PER_INITIATIVE, assertInitiativeOpen, type AddKpiData } from '@anc/domain';
import type { UseCaseContext } from '../use-case.ts';
import { buildInitiativeDetail } from './initiative-dto.ts';
import { initiativeOr404 } from './initiative-rules.ts';

/** Values stay decimal strings from the input to the column and back ("87.5000"); none is a float. */
export async function addKpi(ctx: UseCaseContext, input: AddKpiData) {
  const row = await ctx.db.transaction(async (tx) => {
    const initiative = await initiativeOr404(tx, input.initiativeId, { lock: 'share' });
    assertInitiativeOpen(initiative);
    if ((await countInitiativeKpis(tx, initiative.id)) >= MAX_KPIS_PER_INITIATIVE) throw new DomainError('UNPROCESSABLE', 'too_many_kpis');
    const kpi = await insertKpi(tx, { initiativeId: initiative.id, name: input.name, unit: input.unit, baseline: input.baseline, target: input.target });
    await writeAudit(tx, {
      actorId: ctx.actor.userId,
      action: 'initiative.kpi.add',
      entityType: 'initiative',
      entityId: initiative.id,
      diff: { kpi: [null, { id: kpi.id, name: kpi.name, unit: kpi.unit, baseline: kpi.baseline, target: kpi.target }] },
      origin: ctx.origin,
    });
    return initiative;
  });
  return buildInitiativeDetail(ctx.db, ctx.actor, row);
}
