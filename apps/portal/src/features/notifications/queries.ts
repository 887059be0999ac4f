/** The notification queries the bell and the page share, and how they stay fresh. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { i18n } from '../../i18n/index.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';

/** How often the bell asks for the unread count (it also asks whenever the window regains focus). */
export const UNREAD_POLL_MS = 30_000;

export function useUnreadCount() {
  return useQuery(
    trpc.notifications.unreadCount.queryOptions(undefined, {
      refetchInterval: UNREAD_POLL_MS,
      refetchOnWindowFocus: 'always',
    }),
  );
}

/** Every notifications query (count, bell list, page list): after a change, or in another language. */
export const invalidateNotifications = () => queryClient.invalidateQueries({ queryKey: trpc.notifications.pathKey() });

// Titles come from the server in the reader's language: another language needs new titles.
i18n.on('languageChanged', () => void queryClient.invalidateQueries(trpc.notifications.list.pathFilter()));

export function useMarkRead() {
  return useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSettled: () => invalidateNotifications(),
    }),
  );
}
