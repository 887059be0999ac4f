import type { Locale } from '@anc/domain';
import type { Db } from '../client.ts';
import { mailOutbox } from '../schema/index.ts';

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
