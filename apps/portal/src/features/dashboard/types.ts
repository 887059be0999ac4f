import type { AppRouter } from '@anc/api';
import type { inferRouterOutputs } from '@trpc/server';

export type DashboardSummary = inferRouterOutputs<AppRouter>['dashboard']['summary'];
