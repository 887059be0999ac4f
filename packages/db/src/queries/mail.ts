import { and, desc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import {
  DomainError,
  decodeCursor,
  encodeCursor,
  mailTlp,
  notificationPath,
  storedNotificationTitle,
  portalLink,
  renderNotificationMail,
  wantsEmail,
  type Locale,
  type MailState,
  type Tlp,
  type NotificationKind,
} from '@anc/domain';
import type { Db } from '../client.ts';
import { incidents, mailOutbox, notifications, tasks, users } from '../schema/index.ts';

/** A message to queue, already rendered in its recipient's language. */
export interface QueuedMail {
  /** Makes the message exist once: `notification:<id>`, `password_reset:<tokenId>`, `digest:<userId>:<date>`. */
  dedupeKey: string;
  userId: string;
  to: string;
  locale: Locale;
  /** What it is about: a notification kind, `password_reset`, `digest`… */
  kind: string;
  notificationId?: string | null;
  subject: string;
  text: string;
  html: string;
}

/**
 * Queues e-mail in the outbox inside the caller's transaction: it is sent (by the mail worker) only
 * if that transaction commits. A message whose dedupe key is already queued is skipped (`on
 * conflict do nothing`): queued once, whoever tries twice. Returns how many rows it wrote.
 */
export async function queueMail(tx: Db, mail: QueuedMail | readonly QueuedMail[]): Promise<number> {
  const list: readonly QueuedMail[] = Array.isArray(mail) ? mail : [mail as QueuedMail];
  if (list.length === 0) return 0;
  const written = await tx
    .insert(mailOutbox)
    .values(
      list.map((m) => ({
        dedupeKey: m.dedupeKey,
        userId: m.userId,
        toAddress: m.to,
        locale: m.locale,
        kind: m.kind,
        notificationId: m.notificationId ?? null,
        subject: m.subject,
        text: m.text,
        html: m.html,
      })),
    )
    .onConflictDoNothing({ target: mailOutbox.dedupeKey })
    .returning({ id: mailOutbox.id });
  return written.length;
}

/**
 * Where the links in e-mail point (`PUBLIC_URL`): set once by the API at start (createServer).
 * Module state because every notification, whichever use-case writes it, goes through
 * `insertNotifications`, which has no other way to know the portal's address.
 */
const settings = { publicUrl: 'http://127.0.0.1:3000' };
export function configureMailLinks(publicUrl: string): void {
  settings.publicUrl = publicUrl;
}
export const mailLinkBase = (): string => settings.publicUrl;

/** A notification just written, as `insertNotifications` returns it. */
export interface WrittenNotification {
  id: string;
  userId: string;
  kind: NotificationKind;
  taskId: string | null;
  incidentId: string | null;
  advisoryId?: string | null;
  data: Record<string, unknown>;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Queues the e-mail of notifications just written, in the same transaction: one per notification
 * whose recipient `wantsEmail` (the domain's rule), rendered in the recipient's language
 * (`renderNotificationMail`), keyed `notification:<id>` so it exists once. Generic over the kind:
 * the headline is the notification's own title, the link its task (or the incident its data
 * names), the TLP the one its data carries or that of its task's incident.
 */
export async function queueNotificationMail(tx: Db, written: readonly WrittenNotification[]): Promise<number> {
  if (written.length === 0) return 0;
  // One lookup for every notification: its recipient, and the TLP of its incident (or of the
  // incident its task belongs to).
  const facts = await tx
    .select({
      id: notifications.id,
      email: users.email,
      name: users.name,
      locale: users.locale,
      active: users.active,
      kind: users.kind,
      emailNotifications: users.emailNotifications,
      digest: users.digest,
      incidentTlp: incidents.tlp,
    })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .leftJoin(tasks, eq(tasks.id, notifications.taskId))
    .leftJoin(incidents, eq(incidents.id, sql`coalesce(${notifications.incidentId}, ${tasks.incidentId})`))
    .where(
      inArray(
        notifications.id,
        written.map((n) => n.id),
      ),
    );
  const byId = new Map(facts.filter(wantsEmail).map((f) => [f.id, f]));
  const mails: QueuedMail[] = [];
  for (const n of written) {
    const to = byId.get(n.id);
    if (!to) continue;
    const reference = str(n.data.reference);
    const rendered = renderNotificationMail({
      locale: to.locale,
      recipientName: to.name,
      reference,
      headline: storedNotificationTitle(n, to.locale),
      comment: str(n.data.comment) || null,
      tlp: mailTlp(n.data.tlp, to.incidentTlp),
      link: portalLink(settings.publicUrl, notificationPath(n)),
    });
    mails.push({ dedupeKey: `notification:${n.id}`, userId: n.userId, to: to.email, locale: to.locale, kind: n.kind, notificationId: n.id, ...rendered });
  }
  return queueMail(tx, mails);
}

/**
 * The TLP each of these notifications carries in e-mail now (`mailTlp`: the one its data names,
 * else its incident's or its task's incident's, else AMBER): what the digest keeps out of a body.
 */
export async function notificationMailTlps(tx: Db, ids: readonly string[]): Promise<Map<string, Tlp>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: notifications.id, data: notifications.data, incidentTlp: incidents.tlp })
    .from(notifications)
    .leftJoin(tasks, eq(tasks.id, notifications.taskId))
    .leftJoin(incidents, eq(incidents.id, sql`coalesce(${notifications.incidentId}, ${tasks.incidentId})`))
    .where(inArray(notifications.id, [...ids]));
  return new Map(rows.map((r) => [r.id, mailTlp(r.data.tlp, r.incidentTlp)]));
}

export type MailRow = typeof mailOutbox.$inferSelect;

/** A message claimed for sending; `attempts` is the claim's fencing token for `markMailSentMany` / `markMailFailed`. */
export interface ClaimedMail {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string;
  attempts: number;
}

/**
 * Claims up to `limit` messages to send now: pending ones whose time has come, and ones left
 * `sending` by a worker whose lease ran out (a crashed process). Each becomes `sending` with a
 * lease of `leaseMs` and one more attempt. Rows another process is claiming are skipped
 * (`FOR UPDATE SKIP LOCKED`) and the outer WHERE repeats the test on the newest version, so every
 * row is claimed by one worker at a time across every API process.
 */
export async function claimMail(db: Db, now: Date, limit: number, leaseMs: number): Promise<ClaimedMail[]> {
  const at = now.toISOString();
  const due = sql`((${mailOutbox.state} = 'pending' and ${mailOutbox.nextAttemptAt} <= ${at}::timestamptz) or (${mailOutbox.state} = 'sending' and ${mailOutbox.lockedUntil} < ${at}::timestamptz))`;
  const candidates = db
    .select({ id: mailOutbox.id })
    .from(mailOutbox)
    .where(due)
    .orderBy(mailOutbox.nextAttemptAt)
    .limit(limit)
    .for('update', { skipLocked: true });
  return db
    .update(mailOutbox)
    .set({ state: 'sending', attempts: sql`${mailOutbox.attempts} + 1`, lockedUntil: new Date(now.getTime() + leaseMs) })
    .where(and(inArray(mailOutbox.id, candidates), due))
    .returning({
      id: mailOutbox.id,
      toAddress: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      text: mailOutbox.text,
      html: mailOutbox.html,
      attempts: mailOutbox.attempts,
    });
}

/** The claim still holds: still `sending`, and nobody claimed it again since (same attempt). */
const stillClaimed = (m: Pick<ClaimedMail, 'id' | 'attempts'>) =>
  and(eq(mailOutbox.id, m.id), eq(mailOutbox.state, 'sending'), eq(mailOutbox.attempts, m.attempts));

/**
 * Records deliveries of several claims in one statement (a worker's round); returns how many still
 * held their claim: (id, attempts) must match a row still `sending`, so a claim lost meanwhile (its
 * lease ran out and another worker took the row) records nothing.
 */
export async function markMailSentMany(db: Db, claims: readonly Pick<ClaimedMail, 'id' | 'attempts'>[], at: Date): Promise<number> {
  if (claims.length === 0) return 0;
  const pairs = sql.join(
    claims.map((c) => sql`(${c.id}::uuid, ${c.attempts}::int)`),
    sql`, `,
  );
  const rows = await db
    .update(mailOutbox)
    .set({ state: 'sent', sentAt: at, lockedUntil: null, lastError: null })
    .where(and(eq(mailOutbox.state, 'sending'), sql`(${mailOutbox.id}, ${mailOutbox.attempts}) in (${pairs})`))
    .returning({ id: mailOutbox.id });
  return rows.length;
}

/** Records a failure: pending again from `retryAt`, or dead when `retryAt` is null. */
export async function markMailFailed(db: Db, m: Pick<ClaimedMail, 'id' | 'attempts'>, error: string, retryAt: Date | null): Promise<boolean> {
  const rows = await db
    .update(mailOutbox)
    .set(
      retryAt
        ? { state: 'pending', nextAttemptAt: retryAt, lockedUntil: null, lastError: error.slice(0, 2000) }
        : { state: 'dead', lockedUntil: null, lastError: error.slice(0, 2000) },
    )
    .where(stillClaimed(m))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A list row: everything but the bodies. */
export type MailSummaryRow = Omit<MailRow, 'text' | 'html'>;
const { text: _text, html: _html, ...MAIL_SUMMARY_COLUMNS } = getTableColumns(mailOutbox);

/**
 * The outbox, newest first, keyset on (created_at, id), optionally in one state: the admin page
 * "Correo saliente". Not scoped: only admins reach it (the router's procedure).
 */
export async function listMailOutbox(
  db: Db,
  input: { cursor?: string | undefined; limit: number; state?: MailState | undefined },
): Promise<{ rows: MailSummaryRow[]; nextCursor: string | null }> {
  let after: { at: Date; id: string } | null = null;
  if (input.cursor) {
    const c = decodeCursor(input.cursor);
    const at = c ? new Date(c.sortKey) : null;
    if (!c || !at || Number.isNaN(at.getTime()) || !UUID.test(c.id)) {
      throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { cursor: ['invalid_cursor'] } });
    }
    after = { at, id: c.id };
  }
  const rows = await db
    .select(MAIL_SUMMARY_COLUMNS)
    .from(mailOutbox)
    .where(
      and(
        input.state ? eq(mailOutbox.state, input.state) : undefined,
        after ? sql`(${mailOutbox.createdAt}, ${mailOutbox.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > input.limit && last ? encodeCursor(last.createdAt.toISOString(), last.id) : null };
}

/** One message with its bodies, or null. */
export async function getMail(db: Db, id: string): Promise<MailRow | null> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}

/** How many messages are in each state (the page's header). */
export async function countMailByState(db: Db): Promise<Record<MailState, number>> {
  const rows = await db
    .select({ state: mailOutbox.state, n: sql<number>`count(*)::int` })
    .from(mailOutbox)
    .groupBy(mailOutbox.state);
  const out: Record<MailState, number> = { pending: 0, sending: 0, sent: 0, dead: 0 };
  for (const r of rows) out[r.state] = Number(r.n);
  return out;
}
