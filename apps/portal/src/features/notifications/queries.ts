/** The notification queries the bell and the page share, and how they stay fresh. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { i18n } from '../../i18n/index.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';

/**
 * How often the bell asks for the unread count while its live stream (live.ts) is down (it also
 * asks whenever the window regains focus).
 */
export const UNREAD_POLL_MS = 30_000;

/** `live`: the event stream is open, so it tells when to ask again. */
export function useUnreadCount(live = false) {
  return useQuery(
    trpc.notifications.unreadCount.queryOptions(undefined, {
      refetchInterval: live ? false : UNREAD_POLL_MS,
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
