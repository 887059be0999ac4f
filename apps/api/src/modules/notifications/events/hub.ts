// One LISTEN per API process: every committed notification is announced on `anc_notifications`
// by a trigger (packages/db/drizzle/0013_notification_notify.sql) as {"userId", "seq"}; the hub
// hands it to the event streams this process holds for that user. On PostgreSQL the announcement
// reaches every process, so a change made through one replica rings a browser connected to
// another; on PGlite (one process) the embedded database's own NOTIFY does the same in process.
import type { FastifyBaseLogger } from 'fastify';
import type { Database } from '@anc/db';

export const NOTIFICATIONS_CHANNEL = 'anc_notifications';

/** One open event stream, as the hub sees it. */
export interface HubSubscriber {
  /** A notification of this user with this sequence number was committed. */
  notified(seq: number): void;
  /** The LISTEN connection came back after a loss: announcements may have been missed. */
  resync(): void;
  /** The process is shutting down: end the stream. */
  close(): void;
}

/** The payload of one announcement, or null when it is not one (nothing else uses the channel). */
export function parseAnnouncement(payload: string): { userId: string; seq: number } | null {
  try {
    const value = JSON.parse(payload) as { userId?: unknown; seq?: unknown };
    return typeof value.userId === 'string' && typeof value.seq === 'number' && Number.isSafeInteger(value.seq)
      ? { userId: value.userId, seq: value.seq }
      : null;
  } catch {
    return null;
  }
}

export class NotificationHub {
  private readonly subscribers = new Map<string, Set<HubSubscriber>>();
  private listening: Promise<{ unlisten(): Promise<void> }> | null = null;
  private listens = 0;
  private stopped = false;

  constructor(
    private readonly database: Pick<Database, 'listen'>,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Starts listening (once). */
  start(): Promise<void> {
    this.listening ??= this.database.listen(
      NOTIFICATIONS_CHANNEL,
      (payload) => this.dispatch(payload),
      () => {
        // The first LISTEN is the start; any later one follows a lost connection.
        if (this.listens++ > 0) {
          this.log.warn('notification LISTEN re-established; event streams catch up');
          for (const set of this.subscribers.values()) for (const s of set) s.resync();
        }
      },
    );
    return this.listening.then(() => undefined);
  }

  /** How many streams this process holds (for tests and logs). */
  get size(): number {
    let n = 0;
    for (const set of this.subscribers.values()) n += set.size;
    return n;
  }

  /** Registers a stream of this user; the returned function removes it. */
  subscribe(userId: string, subscriber: HubSubscriber): () => void {
    if (this.stopped) {
      subscriber.close();
      return () => {};
    }
    let set = this.subscribers.get(userId);
    if (!set) {
      set = new Set();
      this.subscribers.set(userId, set);
    }
    set.add(subscriber);
    return () => {
      const current = this.subscribers.get(userId);
      current?.delete(subscriber);
      if (current?.size === 0) this.subscribers.delete(userId);
    };
  }

  private dispatch(payload: string): void {
    const announcement = parseAnnouncement(payload);
    if (!announcement) {
      this.log.warn('unreadable notification announcement ignored');
      return;
    }
    for (const s of this.subscribers.get(announcement.userId) ?? []) s.notified(announcement.seq);
  }

  /** Ends every stream and stops listening (server close: no stream keeps it open). */
  async stop(): Promise<void> {
    this.stopped = true;
    // Copies: each close() unsubscribes, changing the sets.
    for (const set of Array.from(this.subscribers.values())) for (const s of Array.from(set)) s.close();
    this.subscribers.clear();
    const listening = this.listening;
    this.listening = null;
    if (listening) await (await listening.catch(() => null))?.unlisten().catch((err: unknown) => this.log.warn({ err }, 'notification UNLISTEN failed'));
  }
}
