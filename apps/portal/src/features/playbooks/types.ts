import type { AppRouter } from '@anc/api';
import type { inferRouterOutputs } from '@trpc/server';

type Outputs = inferRouterOutputs<AppRouter>['playbooks'];
export type Playbook = Outputs['get'];
export type PlaybookStep = Playbook['steps'][number];
