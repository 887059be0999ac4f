import { ListSavedFiltersInput, RemoveSavedFilterInput, SaveSavedFilterInput, SavedFilter, SavedFilterList } from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { listSavedFilters, removeSavedFilter, saveSavedFilter } from './saved-filters.ts';

export const savedFiltersRouter = router({
  list: procedureFor('savedFilters.list')
    .input(ListSavedFiltersInput)
    .output(SavedFilterList)
    .query(({ ctx, input }) => listSavedFilters(ctx, input)),
  save: procedureFor('savedFilters.save')
    .input(SaveSavedFilterInput)
    .output(SavedFilter)
    .mutation(({ ctx, input }) => saveSavedFilter(ctx, input)),
  remove: procedureFor('savedFilters.remove')
    .input(RemoveSavedFilterInput)
    .mutation(({ ctx, input }) => removeSavedFilter(ctx, input)),
});
