import type { AppRouter } from '@anc/api';
import type { inferRouterOutputs } from '@trpc/server';

export type NotificationItemDto = inferRouterOutputs<AppRouter>['notifications']['list']['items'][number];
