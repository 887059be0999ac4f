import { procedureFor, router } from '../../trpc/init.ts';
import { summarizeDashboard } from './summarize-dashboard.ts';

export const dashboardRouter = router({
  summary: procedureFor('dashboard.summary').query(({ ctx }) => summarizeDashboard(ctx)),
});
