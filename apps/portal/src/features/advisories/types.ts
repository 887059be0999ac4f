import type { AppRouter } from '@anc/api';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>['advisories'];

export type AdvisorySummary = Outputs['list']['items'][number];
export type AdvisoryDetail = Outputs['get'];
