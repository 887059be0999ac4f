/**
 * The live bell: `GET /events/notifications`, a server-sent events stream for the signed-in user
 * (session cookie, the checks tRPC makes). Events:
 *
 *   id: <seq>            event: ready          data: {"seq":<latest seq>,"unread":<n>}
 *   id: <seq>            event: notification   data: {"id":"<uuid>","seq":<seq>,"unread":<n>}
 *   : heartbeat          (a comment every EVENTS_HEARTBEAT_MS)
 *
 * A reconnecting EventSource sends `Last-Event-ID`; the stream first replays the caller's
 * notifications with a higher sequence number, then goes live. Only the id, the sequence number
 * and the new unread count travel: the browser reads the notifications through tRPC
 * (`notifications.list`, `notifications.unreadCount`), which applies the usual rules.
 * The session is checked again at every heartbeat and before every delivery: a session signed out,
 * expired or of an account deactivated meanwhile ends the stream.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_COOKIE, validateSessionToken } from '@anc/auth';
import { countUnreadNotifications, latestNotificationSeq, notificationsAfterSeq, notificationsBySeq, type Database, type NotificationMark } from '@anc/db';
import { DomainError } from '@anc/domain';
import type { Env } from '../../../env.ts';
import { requestLocale, sendHttpError } from '../../../http/caller.ts';
import { actorFromRequest } from '../../../trpc/session.ts';
import type { HubSubscriber, NotificationHub } from './hub.ts';

export const NOTIFICATION_EVENTS_PATH = '/events/notifications';
/** At most this many notifications are replayed on reconnect; the browser refetches anyway. */
const REPLAY_LIMIT = 500;
/** A client that reads nothing while this much piles up is dropped (it reconnects and catches up). */
const MAX_BUFFERED_BYTES = 256 * 1024;
/** How many delivered sequence numbers a stream remembers, so a replayed one is not sent twice. */
const REMEMBERED = 1000;

export interface EventsRoutesOptions {
  db: Database['db'];
  env: Env;
  hub: NotificationHub;
}

/** `Last-Event-ID` as a sequence number, or null (absent or not one of ours). */
export function lastEventId(req: FastifyRequest): number | null {
  const raw = req.headers['last-event-id'];
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

const frame = (event: string, id: number, data: unknown) => `id: ${id}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

class NotificationStream implements HubSubscriber {
  readonly body = new PassThrough();
  private readonly pending = new Set<number>();
  private readonly sent = new Set<number>();
  private replaying = true;
  private flushing = false;
  private resyncFrom: number | null = null;
  private lastSeq = 0;
  private closed = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private unsubscribe: () => void = () => {};

  constructor(
    private readonly opts: EventsRoutesOptions,
    private readonly req: FastifyRequest,
    private readonly reply: FastifyReply,
    private readonly userId: string,
    private readonly token: string,
  ) {}

  async open(after: number | null): Promise<void> {
    // Subscribe first, so nothing committed during the replay is lost; live ones wait for it.
    this.unsubscribe = this.opts.hub.subscribe(this.userId, this);
    this.heartbeat = setInterval(() => void this.beat(), this.opts.env.EVENTS_HEARTBEAT_MS);
    this.heartbeat.unref();
    // Reconnect after 3 s when the connection drops (EventSource's default varies by browser).
    this.write('retry: 3000\n\n');
    try {
      if (after !== null) {
        const missed = await notificationsAfterSeq(this.opts.db, this.userId, after, REPLAY_LIMIT);
        if (missed.length) this.deliver(missed, await countUnreadNotifications(this.opts.db, this.userId));
      }
      const [latest, unread] = await Promise.all([latestNotificationSeq(this.opts.db, this.userId), countUnreadNotifications(this.opts.db, this.userId)]);
      // Carries an id even when nothing happened yet, so a reconnect always has a Last-Event-ID.
      const seq = Math.max(latest, this.lastSeq, after ?? 0);
      this.lastSeq = seq;
      this.write(frame('ready', seq, { seq, unread }));
      this.replaying = false;
      await this.flush();
    } catch (err) {
      this.fail(err);
    }
  }

  notified(seq: number): void {
    if (this.closed || this.sent.has(seq)) return;
    this.pending.add(seq);
    if (!this.replaying) void this.flush();
  }

  resync(): void {
    if (this.closed) return;
    this.resyncFrom ??= this.lastSeq;
    if (!this.replaying) void this.flush();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    this.unsubscribe();
    this.body.end();
  }

  private write(chunk: string): void {
    if (this.closed) return;
    this.body.write(chunk);
    if (this.body.writableLength > MAX_BUFFERED_BYTES) {
      this.req.log.info('notification stream dropped: the client reads nothing');
      this.close();
    }
  }

  private deliver(marks: readonly NotificationMark[], unread: number): void {
    for (const m of marks) {
      if (this.sent.has(m.seq)) continue;
      this.sent.add(m.seq);
      if (this.sent.size > REMEMBERED) this.sent.delete(this.sent.values().next().value ?? m.seq);
      this.lastSeq = Math.max(this.lastSeq, m.seq);
      this.write(frame('notification', m.seq, { id: m.id, seq: m.seq, unread }));
    }
  }

  /** Still the same valid session (not signed out, expired, or of a deactivated account). */
  private async signedIn(): Promise<boolean> {
    const session = await validateSessionToken(this.opts.db, this.token);
    return session?.user.id === this.userId;
  }

  private async beat(): Promise<void> {
    try {
      if (this.closed) return;
      // A connection that went away before its close listener was in place.
      if (this.reply.raw.destroyed || !(await this.signedIn())) return this.close();
      this.write(': heartbeat\n\n');
    } catch (err) {
      this.fail(err);
    }
  }

  /** Delivers what was announced meanwhile: one session check and one count for the batch. */
  private async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (!this.closed && (this.pending.size > 0 || this.resyncFrom !== null)) {
        const seqs = [...this.pending];
        this.pending.clear();
        const from = this.resyncFrom;
        this.resyncFrom = null;
        if (!(await this.signedIn())) return this.close();
        const marks = [
          ...(from !== null ? await notificationsAfterSeq(this.opts.db, this.userId, from, REPLAY_LIMIT) : []),
          ...(await notificationsBySeq(this.opts.db, this.userId, seqs)),
        ].sort((a, b) => a.seq - b.seq);
        if (marks.some((m) => !this.sent.has(m.seq))) this.deliver(marks, await countUnreadNotifications(this.opts.db, this.userId));
      }
    } catch (err) {
      this.fail(err);
    } finally {
      this.flushing = false;
    }
  }

  private fail(err: unknown): void {
    // The browser reconnects with its Last-Event-ID and is given what it missed.
    this.req.log.warn({ err }, 'notification stream ended by an error');
    this.close();
  }
}

export async function eventsRoutes(app: FastifyInstance, opts: EventsRoutesOptions) {
  // Never compressed: a compressor would hold events back until its buffer fills.
  app.get(NOTIFICATION_EVENTS_PATH, { compress: false }, async (req: FastifyRequest, reply: FastifyReply) => {
    const locale = requestLocale(req) ?? 'es-MX';
    const token = req.cookies[SESSION_COOKIE];
    let signedIn: Awaited<ReturnType<typeof actorFromRequest>>;
    try {
      signedIn = token ? await actorFromRequest(opts, req, reply) : null;
    } catch (error) {
      // An account that must enrol a second factor first (FORBIDDEN mfa_enrollment_required).
      return sendHttpError(reply, error, locale);
    }
    if (!token || !signedIn) return sendHttpError(reply, new DomainError('UNAUTHORIZED', 'not_signed_in'), locale);
    const stream = new NotificationStream(opts, req, reply, signedIn.actor.userId, token);
    reply.raw.once('close', () => stream.close());
    if (reply.raw.destroyed) stream.close();
    void stream.open(lastEventId(req));
    return (
      reply
        .header('content-type', 'text/event-stream; charset=utf-8')
        .header('cache-control', 'no-store')
        // A proxy (nginx) must pass each event on as it comes.
        .header('x-accel-buffering', 'no')
        .send(stream.body)
    );
  });
}
