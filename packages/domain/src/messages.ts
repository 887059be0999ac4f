import type { Locale } from './roles.ts';
import { VALIDATION_WORDS, words, type MessageKey } from './catalogue/index.ts';

/**
 * Validation keys and error reasons into words. The words themselves live in the catalogue
 * (packages/domain/src/catalogue/validation.ts); this file picks the entry for a key or a zod issue.
 */

export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(VALIDATION_WORDS, key);

/** The words of a key: typed, so a misspelt key fails tsc. */
export const messageFor = (key: MessageKey, locale: Locale): string => words(locale).validation[key];

/** The parts of a zod issue that localisation needs (finalised issues have these). */
export interface IssueLike {
  code: string;
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
}

/**
 * A zod issue in words: our own keys from the catalogue; zod's built-in issues (no custom
 * message) by their code, so a person sees the same sentence from the form and from the API.
 */
export function localizeIssue(issue: IssueLike, locale: Locale): string {
  const w = words(locale);
  if (isMessageKey(issue.message)) return w.validation[issue.message];
  const n = issue.minimum ?? issue.maximum;
  const sized = issue.origin === 'string' ? 'string' : issue.origin === 'array' ? 'array' : 'value';
  switch (issue.code) {
    case 'invalid_type':
      return w.issues.invalid_type;
    case 'too_small':
      return w.issues[`too_small_${sized}`](n);
    case 'too_big':
      return w.issues[`too_big_${sized}`](n);
    case 'invalid_value':
      return w.validation.invalid_option;
    case 'invalid_format':
      return w.issues.invalid_format;
    case 'unrecognized_keys':
      return w.issues.unrecognized_keys;
    default:
      return w.issues.invalid;
  }
}

/** Field path → localised messages, from zod issues (the shape of `error.data.fieldErrors`). */
export function fieldErrorsFromIssues(issues: readonly (IssueLike & { path: readonly PropertyKey[] })[], locale: Locale): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.') || '_';
    (out[key] ??= []).push(localizeIssue(issue, locale));
  }
  return out;
}
