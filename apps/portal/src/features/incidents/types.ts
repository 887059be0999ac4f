import type { AppRouter } from '@anc/api';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>['incidents'];

export type IncidentSummary = Outputs['list']['items'][number];
export type IncidentDetail = Outputs['get'];
export type IncidentObservable = IncidentDetail['observables'][number];
export type IncidentEvent = IncidentDetail['timeline'][number];
export type IncidentObligation = IncidentDetail['obligations'][number];
export type IncidentReport = IncidentDetail['reports'][number];
export type IncidentShares = NonNullable<IncidentDetail['shares']>;
export type RelatedIncident = Outputs['related']['items'][number];
