/**
 * The e-mail outbox (issue 12, shared/API.md "People reached outside the portal"): every message
 * is a row written in the transaction of the change it announces, then sent by a worker.
 * - `pending`: waiting to be sent (or to be retried at `nextAttemptAt`);
 * - `sending`: claimed by a worker whose lease (`lockedUntil`) has not run out;
 * - `sent`: the SMTP server accepted it;
 * - `dead`: it failed `MAIL_MAX_ATTEMPTS` times; `lastError` says why.
 */
export const MAIL_STATES = ['pending', 'sending', 'sent', 'dead'] as const;
export type MailState = (typeof MAIL_STATES)[number];
