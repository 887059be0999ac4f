/**
 * The portal's one query client, tRPC client and typed options proxy (tRPC v11 with
 * TanStack Query, set up without React context: a single-page app has exactly one of each).
 */
import type { AppRouter } from '@anc/api';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { API_MAX_BATCH_SIZE } from '@anc/domain';
import { currentLocale } from '../i18n/index.ts';
import { errorCode, isRetryable } from './errors.ts';

let unauthorizedHandler: () => void = () => {};

/** Called on any UNAUTHORIZED answer: the session ended (expired, revoked, or signed out elsewhere). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

function handleError(error: unknown) {
  if (errorCode(error) === 'UNAUTHORIZED') unauthorizedHandler();
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: handleError }),
  mutationCache: new MutationCache({ onError: handleError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (failureCount, error) => isRetryable(error) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});

export const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      maxItems: API_MAX_BATCH_SIZE,
      // The API answers (messages, field errors) in the language the person reads.
      headers: () => ({ 'x-anc-locale': currentLocale() }),
      fetch: (url, options) => fetch(url, { ...options, credentials: 'include' }),
    }),
  ],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });
