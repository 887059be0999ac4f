import type { mailEsMX } from './mail.es-MX.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** `mail.*` in English, typed against the Spanish catalogue. */
export const mailEn: Shape<typeof mailEsMX> = {
  pageTitle: 'Outgoing mail',
  intro:
    'Every notification that also goes by e-mail is stored here in the same transaction as the change behind it, already written in its recipient’s language. An API process sends it, retries it with a growing delay and, after several failures, marks it as failed.',
  heldTitle: 'Mail does not leave this machine',
  held: 'This portal has no mail server configured (SMTP_URL), so no message is sent: they stay pending here so you can see exactly what would be sent. To send them, set SMTP_URL and MAIL_FROM and restart the API.',
  smtp: 'Messages are sent over SMTP; they are marked as failed after {{max}} attempts.',
  filterState: 'State',
  filterStateAll: 'All',
  tableLabel: 'Outgoing mail messages',
  empty: 'No messages.',
  shown_one: '{{count}} message shown',
  shown_other: '{{count}} messages shown',
  columns: {
    createdAt: 'Created',
    to: 'Recipient',
    subject: 'Subject',
    state: 'State',
    attempts: 'Attempts',
    lastError: 'Last error',
  },
  states: {
    pending: 'Pending',
    sending: 'Sending',
    sent: 'Sent',
    dead: 'Failed',
  },
  counts: '{{pending}} pending · {{sending}} sending · {{sent}} sent · {{dead}} failed',
  attemptsOf: '{{attempts}} of {{max}}',
  nextAttempt: 'Next attempt: {{time}}',
  sentAt: 'Sent: {{time}}',
  open: 'View message',
  openFor: 'View the message “{{subject}}”',
  message: {
    title: 'Message',
    to: 'To',
    subject: 'Subject',
    locale: 'Language',
    kind: 'Kind',
    html: 'HTML',
    text: 'Plain text',
    htmlFrame: 'The message as HTML',
    htmlNote: 'Shown in an isolated frame: no scripts, no live links.',
  },
  locales: {
    'es-MX': 'Spanish (Mexico)',
    en: 'English',
  },
};
