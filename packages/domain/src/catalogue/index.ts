import { LOCALES, type Locale } from '../roles.ts';
import { ACCOUNT_MAIL_WORDS } from './account.ts';
import { ADVISORY_WORDS } from './advisories.ts';
import { INCIDENT_CSV_HEADERS } from './csv.ts';
import { INITIATIVE_WORDS } from './initiatives.ts';
import { MAIL_WORDS } from './mail.ts';
import { NOTIFICATION_WORDS } from './notifications.ts';
import { REPORT_PDF_WORDS } from './report-pdf.ts';
import type { Bilingual, InLocale } from './types.ts';
import { ISSUE_WORDS, VALIDATION_WORDS } from './validation.ts';

/**
 * Every word the server writes for a person, in one place, Spanish first: the words of error
 * reasons and validation keys, zod's own issues, notification titles, the initiative registry's
 * labels, the CSV export's header row and the words of e-mail. Each area is typed with `satisfies` (types.ts), so an
 * entry missing a language, an enumeration value without a label or a notification kind without a
 * title fails tsc. The portal's own interface words live in apps/portal/src/i18n/.
 *
 * Read it through `words(locale)`: `words('en').validation.not_found`,
 * `words('es-MX').notifications.task_assigned({ reference, title })`.
 */
export const CATALOGUE = {
  validation: VALIDATION_WORDS,
  issues: ISSUE_WORDS,
  notifications: NOTIFICATION_WORDS,
  initiatives: INITIATIVE_WORDS,
  csv: INCIDENT_CSV_HEADERS,
  mail: MAIL_WORDS,
  accountMail: ACCOUNT_MAIL_WORDS,
  advisories: ADVISORY_WORDS,
  reportPdf: REPORT_PDF_WORDS,
} as const;

export type Words = InLocale<typeof CATALOGUE>;

const isEntry = (node: object): node is Bilingual<unknown> => Object.hasOwn(node, 'es-MX');

function inLocale(node: object, locale: Locale): unknown {
  if (isEntry(node)) return node[locale];
  return Object.freeze(Object.fromEntries(Object.entries(node).map(([key, child]: [string, object]) => [key, inLocale(child, locale)])));
}

// Built once per language at load: a lookup is two property reads.
const BY_LOCALE = Object.fromEntries(LOCALES.map((l) => [l, inLocale(CATALOGUE, l)])) as Record<Locale, Words>;

/** The whole catalogue in one language. */
export const words = (locale: Locale): Words => BY_LOCALE[locale];

export * from './types.ts';
export * from './validation.ts';
export * from './notifications.ts';
export * from './initiatives.ts';
export * from './csv.ts';
export * from './mail.ts';
export * from './account.ts';
export * from './advisories.ts';
export * from './report-pdf.ts';
