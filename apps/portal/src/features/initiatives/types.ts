import type { AppRouter } from '@anc/api';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>['initiatives'];

export type InitiativeSummary = Outputs['list']['items'][number];
export type InitiativeDetail = Outputs['get'];
export type PlanSummary = Outputs['planSummary'];
export type Milestone = InitiativeDetail['milestones'][number];
export type Kpi = InitiativeDetail['kpis'][number];
export type InitiativeTask = InitiativeDetail['tasks'][number];
export type InitiativeTransition = InitiativeDetail['allowedTransitions'][number];
