import { z } from 'zod';
import { words } from './catalogue/index.ts';
import { TLP_LEVELS, type Tlp } from './incidents/taxonomy.ts';
import { DEFAULT_PREFERENCES, emailDelivery, type DigestOption } from './account/preferences.ts';
import type { UserKind } from './api-clients.ts';
import type { Locale } from './roles.ts';
import { Id, ListInput } from './schemas/common.ts';

/**
 * The e-mail outbox (issue 12, docs/API.md "People reached outside the portal"): every message
 * is a row written in the transaction of the change it announces, then sent by a worker.
 * - `pending`: waiting to be sent (or to be retried at `nextAttemptAt`);
 * - `sending`: claimed by a worker whose lease (`lockedUntil`) has not run out;
 * - `sent`: the SMTP server accepted it;
 * - `dead`: it failed `MAIL_MAX_ATTEMPTS` times; `lastError` says why.
 */
export const MAIL_STATES = ['pending', 'sending', 'sent', 'dead'] as const;
export type MailState = (typeof MAIL_STATES)[number];

/** What decides whether a person is told by e-mail too. */
export interface MailRecipientFacts {
  active: boolean;
  kind: UserKind;
  email: string;
  /** The person's preferences (`auth.updatePreferences`); absent: the defaults (e-mail on, one per event). */
  emailNotifications?: boolean;
  digest?: DigestOption;
}

/**
 * Whether a notification to this account goes by e-mail now: an active person with an address
 * (an API client's principal never) whose preferences say one mail per event (`emailDelivery`,
 * account/preferences.ts); a person who chose the daily digest is told in it instead.
 */
export function wantsEmail(recipient: MailRecipientFacts): boolean {
  const prefs = {
    emailNotifications: recipient.emailNotifications ?? DEFAULT_PREFERENCES.emailNotifications,
    digest: recipient.digest ?? DEFAULT_PREFERENCES.digest,
  };
  return recipient.active && recipient.kind === 'person' && recipient.email.includes('@') && emailDelivery(prefs) === 'immediate';
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML content and quoted attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);

/** `TLP:AMBER+STRICT`: the label as TLP 2.0 writes it. */
export const tlpLabel = (tlp: Tlp): string => `TLP:${tlp}`;

export const isTlp = (v: unknown): v is Tlp => typeof v === 'string' && (TLP_LEVELS as readonly string[]).includes(v);

/**
 * The classification an e-mail about a notification carries: the TLP its data names (incident
 * notifications), else that of the incident its task belongs to, else AMBER (a task is work
 * between the ANC and one agency: limited disclosure, the recipient's organisation).
 */
export function mailTlp(dataTlp: unknown, taskIncidentTlp: Tlp | null | undefined): Tlp {
  if (isTlp(dataTlp)) return dataTlp;
  return taskIncidentTlp ?? 'AMBER';
}

/** The portal path a notification links to: its task or its incident (the bell's link). */
export function notificationPath(n: { taskId: string | null; incidentId: string | null; advisoryId?: string | null }): string {
  if (n.advisoryId) return `/alertas/${encodeURIComponent(n.advisoryId)}`;
  if (n.taskId) return `/tareas/${encodeURIComponent(n.taskId)}`;
  if (n.incidentId) return `/incidentes/${encodeURIComponent(n.incidentId)}`;
  return '/notificaciones';
}

/** `PUBLIC_URL` + path, with exactly one slash between them. */
export const portalLink = (publicUrl: string, path: string): string => `${publicUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;

export interface NotificationMailInput {
  locale: Locale;
  recipientName: string;
  /** The reference of what it is about (`TSK-…`, `INC-…`). */
  reference: string;
  /** What happened, in the recipient's language (the notification's title); never used for TLP:RED. */
  headline: string;
  /** A comment the notification carries (a task returned with comments); never used for TLP:RED. */
  comment?: string | null | undefined;
  tlp: Tlp;
  /** The absolute portal link. */
  link: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * The e-mail of a notification, in its recipient's language, as plain text and HTML: the TLP label
 * and the reference in the subject, the portal link in the body. TLP:RED content never leaves the
 * portal: subject and body then say only that there is news about the reference, and link to it.
 * Everything interpolated into the HTML is escaped.
 */
export function renderNotificationMail(input: NotificationMailInput): RenderedMail {
  const w = words(input.locale).mail;
  const tlp = tlpLabel(input.tlp);
  const red = input.tlp === 'RED';
  const base = { name: input.recipientName, reference: input.reference, tlp };
  const headline = red ? w.red_headline({ ...base, headline: '' }) : input.headline;
  const p = { ...base, headline };
  const subject = w.subject(p);
  const comment = red ? null : input.comment?.trim() || null;
  const lead = red ? w.red_body(p) : headline;

  const text = [
    w.greeting(p),
    '',
    lead,
    ...(comment ? ['', w.comment_label, comment] : []),
    '',
    `${w.open_link} ${input.link}`,
    '',
    '-- ',
    w.tlp_note(p),
    w.footer,
    '',
  ].join('\n');

  const e = escapeHtml;
  const html = [
    '<!doctype html>',
    `<html lang="${e(input.locale)}"><head><meta charset="utf-8"><title>${e(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;color:#1b1b1b;line-height:1.5">',
    `<p style="font-weight:bold;color:#611232">${e(tlp)}</p>`,
    `<p>${e(w.greeting(p))}</p>`,
    `<p>${e(lead)}</p>`,
    ...(comment ? [`<p><strong>${e(w.comment_label)}</strong></p>`, `<blockquote style="white-space:pre-wrap">${e(comment)}</blockquote>`] : []),
    `<p><a href="${e(input.link)}" style="color:#611232">${e(w.open_button)}</a></p>`,
    `<p style="font-size:small;color:#555">${e(input.link)}</p>`,
    '<hr>',
    `<p style="font-size:small;color:#555">${e(w.tlp_note(p))}<br>${e(w.footer)}</p>`,
    '</body></html>',
    '',
  ].join('\n');

  return { subject, text, html };
}

/**
 * When a failed message is tried again: 30 s after the first failure, doubling each time, at most
 * 6 h apart (attempts = failures so far, ≥ 1).
 */
export function mailRetryDelayMs(attempts: number, baseMs = 30_000, maxMs = 6 * 60 * 60 * 1000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1));
}

export const ListMailOutboxInput = ListInput.extend({ state: z.enum(MAIL_STATES).optional() });
export type ListMailOutboxInput = z.infer<typeof ListMailOutboxInput>;

export const GetMailInput = z.object({ id: Id });
export type GetMailInput = z.infer<typeof GetMailInput>;

/** How this deployment delivers: over SMTP, or held in the outbox (no `SMTP_URL`: nothing leaves the machine). */
export const MAIL_DELIVERY = ['smtp', 'held'] as const;
export type MailDelivery = (typeof MAIL_DELIVERY)[number];

/** A row of "Correo saliente". */
export interface MailSummaryDto {
  id: string;
  createdAt: string;
  to: string;
  locale: Locale;
  kind: string;
  subject: string;
  state: MailState;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  sentAt: string | null;
}

export interface MailListDto {
  items: MailSummaryDto[];
  nextCursor: string | null;
  delivery: MailDelivery;
  maxAttempts: number;
  counts: Record<MailState, number>;
}

/** One message as it is (or would be) sent. */
export interface MailDto extends MailSummaryDto {
  text: string;
  html: string;
}
