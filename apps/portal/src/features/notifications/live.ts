/**
 * The live bell: one EventSource per signed-in page on `/events/notifications` (same origin, the
 * session cookie). Each event names a new notification of the user by id and sequence number, and
 * the new unread count; the page then reads the notifications again through tRPC (the queries of
 * queries.ts), so the badge changes within a second or two of the change, whichever API process
 * made it. EventSource reconnects by itself, sending the last event id, and the server replays what
 * was missed. While the stream is down the bell polls as it did before (UNREAD_POLL_MS); a stream
 * that cannot be opened at all (a proxy that refuses it, a browser without EventSource) is tried
 * again after a minute.
 */
import { useEffect, useSyncExternalStore } from 'react';
import { invalidateNotifications } from './queries.ts';

export const NOTIFICATION_EVENTS_URL = '/events/notifications';
/** After the browser gave up on the stream (EventSource CLOSED), try a new one this much later. */
const REOPEN_AFTER_MS = 60_000;
/** A burst of events (many notifications at once) is one refetch. */
const REFRESH_DEBOUNCE_MS = 150;

let live = false;
const watchers = new Set<() => void>();
function setLive(value: boolean) {
  if (live === value) return;
  live = value;
  for (const w of watchers) w();
}

/** Whether the event stream is open right now (then the bell does not poll). */
export function useBellLive(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      watchers.add(onChange);
      return () => watchers.delete(onChange);
    },
    () => live,
  );
}

/** Opens the stream while the component that calls it is mounted (the bell in the header). */
export function useNotificationStream(): void {
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let openedBefore = false;
    const refresh = () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => void invalidateNotifications(), REFRESH_DEBOUNCE_MS);
    };
    const open = () => {
      const current = new EventSource(NOTIFICATION_EVENTS_URL, { withCredentials: true });
      source = current;
      current.addEventListener('ready', () => {
        setLive(true);
        // After a reconnect, whatever changed meanwhile (a notification read in another tab, too).
        if (openedBefore) refresh();
        openedBefore = true;
      });
      current.addEventListener('notification', refresh);
      current.addEventListener('error', () => {
        // Reconnecting (CONNECTING) or given up (CLOSED, e.g. a 401): either way, poll meanwhile.
        setLive(false);
        if (current.readyState === EventSource.CLOSED && !stopped) {
          current.close();
          reopen = setTimeout(open, REOPEN_AFTER_MS);
        }
      });
    };
    open();
    return () => {
      stopped = true;
      clearTimeout(reopen);
      clearTimeout(debounce);
      source?.close();
      setLive(false);
    };
  }, []);
}
