import {
  AdvisoryIdInput,
  AdvisoryVersionInput,
  CreateAdvisoryFromIncidentInput,
  CreateAdvisoryInput,
  ListAdvisoriesInput,
  RespondAdvisoryInput,
  UpdateAdvisoryInput,
} from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { createAdvisory, createAdvisoryFromIncident } from './create-advisory.ts';
import { getAdvisory, listAdvisories } from './read-advisories.ts';
import { respondAdvisory } from './respond-advisory.ts';
import { closeAdvisory, publishAdvisory } from './transition-advisory.ts';
import { updateAdvisory } from './update-advisory.ts';

export const advisoriesRouter = router({
  list: procedureFor('advisories.list')
    .input(ListAdvisoriesInput)
    .query(({ ctx, input }) => listAdvisories(ctx, input)),
  get: procedureFor('advisories.get')
    .input(AdvisoryIdInput)
    .query(({ ctx, input }) => getAdvisory(ctx, input)),
  create: procedureFor('advisories.create')
    .input(CreateAdvisoryInput)
    .mutation(({ ctx, input }) => createAdvisory(ctx, input)),
  createFromIncident: procedureFor('advisories.createFromIncident')
    .input(CreateAdvisoryFromIncidentInput)
    .mutation(({ ctx, input }) => createAdvisoryFromIncident(ctx, input)),
  update: procedureFor('advisories.update')
    .input(UpdateAdvisoryInput)
    .mutation(({ ctx, input }) => updateAdvisory(ctx, input)),
  publish: procedureFor('advisories.publish')
    .input(AdvisoryVersionInput)
    .mutation(({ ctx, input }) => publishAdvisory(ctx, input)),
  close: procedureFor('advisories.close')
    .input(AdvisoryVersionInput)
    .mutation(({ ctx, input }) => closeAdvisory(ctx, input)),
  respond: procedureFor('advisories.respond')
    .input(RespondAdvisoryInput)
    .mutation(({ ctx, input }) => respondAdvisory(ctx, input)),
});
