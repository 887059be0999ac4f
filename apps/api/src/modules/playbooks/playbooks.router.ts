import { ListPlaybooksInput, PlaybookIdInput, UpsertPlaybookInput } from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { getPlaybookById, listPlaybooks } from './list-playbooks.ts';
import { upsertPlaybook } from './upsert-playbook.ts';

export const playbooksRouter = router({
  list: procedureFor('playbooks.list')
    .input(ListPlaybooksInput)
    .query(({ ctx, input }) => listPlaybooks(ctx, input)),
  get: procedureFor('playbooks.get')
    .input(PlaybookIdInput)
    .query(({ ctx, input }) => getPlaybookById(ctx, input)),
  upsert: procedureFor('playbooks.upsert')
    .input(UpsertPlaybookInput)
    .mutation(({ ctx, input }) => upsertPlaybook(ctx, input)),
});
