import type { AppRouter } from '@anc/api';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>['directory'];
export type DirectoryEntry = Outputs['get'];
export type DirectoryListItem = Outputs['list']['items'][number];
export type AgencyContacts = NonNullable<Outputs['incidentContacts']>;
