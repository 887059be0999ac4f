import type { AppRouter } from '@anc/api';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>['tasks'];

export type TaskSummary = Outputs['list']['items'][number];
export type TaskDetail = Outputs['get'];
export type TaskHistoryEntry = TaskDetail['history'][number];
export type TaskTransition = TaskDetail['allowedTransitions'][number];
export type AgencyTaskCounts = Outputs['summary']['items'][number];
