import { procedureFor, router } from '../../trpc/init.ts';
import { designationCompliance } from '../directory/compliance.ts';
import { summarizeDashboard } from './summarize-dashboard.ts';

export const dashboardRouter = router({
  summary: procedureFor('dashboard.summary').query(async ({ ctx }) => ({
    ...(await summarizeDashboard(ctx)),
    // The institutional directory's compliance (modules/directory/compliance.ts).
    designations: await designationCompliance(ctx, ctx.env.policyEffectiveDate),
  })),
});
