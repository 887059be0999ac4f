import { CreateAgencyInput, ListAgenciesInput, SetActiveInput, UpdateAgencyInput } from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { createAgency } from './create-agency.ts';
import { listAgencies } from './list-agencies.ts';
import { setAgencyActive } from './set-agency-active.ts';
import { updateAgency } from './update-agency.ts';

export const agenciesRouter = router({
  list: procedureFor('agencies.list')
    .input(ListAgenciesInput)
    .query(({ ctx, input }) => listAgencies(ctx, input)),
});

export const adminAgenciesRouter = router({
  create: procedureFor('admin.agencies.create')
    .input(CreateAgencyInput)
    .mutation(({ ctx, input }) => createAgency(ctx, input)),
  update: procedureFor('admin.agencies.update')
    .input(UpdateAgencyInput)
    .mutation(({ ctx, input }) => updateAgency(ctx, input)),
  setActive: procedureFor('admin.agencies.setActive')
    .input(SetActiveInput)
    .mutation(({ ctx, input }) => setAgencyActive(ctx, input)),
});
