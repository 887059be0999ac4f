import {
  AddKpiInput,
  AddMilestoneInput,
  CompleteMilestoneInput,
  CreateInitiativeInput,
  InitiativeIdInput,
  ListInitiativesInput,
  PlanSummaryInput,
  RecordKpiValueInput,
  ReopenMilestoneInput,
  TransitionInitiativeInput,
  UpdateInitiativeInput,
} from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { createInitiative } from './create-initiative.ts';
import { addKpi } from './add-kpi.ts';
import { addMilestone } from './add-milestone.ts';
import { completeMilestone } from './complete-milestone.ts';
import { getInitiative } from './get-initiative.ts';
import { listInitiatives } from './list-initiatives.ts';
import { recordKpiValue } from './record-kpi-value.ts';
import { reopenMilestone } from './reopen-milestone.ts';
import { summarizePlan } from './summarize-plan.ts';
import { transitionInitiative } from './transition-initiative.ts';
import { updateInitiative } from './update-initiative.ts';

export const initiativesRouter = router({
  list: procedureFor('initiatives.list')
    .input(ListInitiativesInput)
    .query(({ ctx, input }) => listInitiatives(ctx, input)),
  get: procedureFor('initiatives.get')
    .input(InitiativeIdInput)
    .query(({ ctx, input }) => getInitiative(ctx, input)),
  planSummary: procedureFor('initiatives.planSummary')
    .input(PlanSummaryInput)
    .query(({ ctx, input }) => summarizePlan(ctx, input)),
  create: procedureFor('initiatives.create')
    .input(CreateInitiativeInput)
    .mutation(({ ctx, input }) => createInitiative(ctx, input)),
  update: procedureFor('initiatives.update')
    .input(UpdateInitiativeInput)
    .mutation(({ ctx, input }) => updateInitiative(ctx, input)),
  transition: procedureFor('initiatives.transition')
    .input(TransitionInitiativeInput)
    .mutation(({ ctx, input }) => transitionInitiative(ctx, input)),
  addMilestone: procedureFor('initiatives.addMilestone')
    .input(AddMilestoneInput)
    .mutation(({ ctx, input }) => addMilestone(ctx, input)),
  completeMilestone: procedureFor('initiatives.completeMilestone')
    .input(CompleteMilestoneInput)
    .mutation(({ ctx, input }) => completeMilestone(ctx, input)),
  reopenMilestone: procedureFor('initiatives.reopenMilestone')
    .input(ReopenMilestoneInput)
    .mutation(({ ctx, input }) => reopenMilestone(ctx, input)),
  addKpi: procedureFor('initiatives.addKpi')
    .input(AddKpiInput)
    .mutation(({ ctx, input }) => addKpi(ctx, input)),
  recordKpiValue: procedureFor('initiatives.recordKpiValue')
    .input(RecordKpiValueInput)
    .mutation(({ ctx, input }) => recordKpiValue(ctx, input)),
});
