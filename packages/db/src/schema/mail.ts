import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { MAIL_STATES } from '@anc/domain';
import { locale } from './enums.ts';
import { notifications } from './tasks.ts';
import { users } from './users.ts';

const ts = () => timestamp({ withTimezone: true, precision: 3 });

export const mailState = pgEnum('mail_state', MAIL_STATES);

/**
 * The transactional outbox of e-mail (issue 12): one row per message, inserted in the transaction
 * of the change it announces (`queueMail`), so a change that fails leaves none. The message is
 * rendered when it is queued (subject, text, html): the admin page "Correo saliente" shows exactly
 * what is, or would be, sent. `dedupe_key` makes every message exist once whoever queues it twice
 * (`notification:<id>`, `password_reset:<tokenId>`, `digest:<userId>:<date>`). The worker
 * (apps/api/src/modules/mail) claims due rows with `FOR UPDATE SKIP LOCKED` and a lease
 * (`locked_until`), so any number of API processes send each message once.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    dedupeKey: text().notNull().unique(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    toAddress: text().notNull(),
    locale: locale().notNull(),
    /** What the message is about: a notification kind, `password_reset`, `digest`… */
    kind: text().notNull(),
    notificationId: uuid().references(() => notifications.id, { onDelete: 'cascade' }),
    subject: text().notNull(),
    text: text().notNull(),
    html: text().notNull(),
    state: mailState().notNull().default('pending'),
    /** Delivery attempts made so far (each claim counts one). */
    attempts: integer().notNull().default(0),
    /** When the row may be claimed (first send: now; a retry: after its back-off). */
    nextAttemptAt: ts().notNull().defaultNow(),
    /** While `sending`: the lease; past it, a crashed worker's row is claimed again. */
    lockedUntil: ts(),
    lastError: text(),
    sentAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    // The worker's claim: due pending rows and sending rows whose lease ran out.
    index('mail_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.state} = 'pending'`),
    index('mail_outbox_lease_idx')
      .on(t.lockedUntil)
      .where(sql`${t.state} = 'sending'`),
    // The admin list, newest first (keyset on created_at, id), optionally by state.
    index().on(t.createdAt.desc(), t.id.desc()),
    index().on(t.state, t.createdAt.desc(), t.id.desc()),
    index().on(t.notificationId),
    index().on(t.userId),
  ],
);
