// The one place where domain errors become tRPC errors, and where every error gets words a
// person can act on, in the caller's language.
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { DomainError, fieldErrorsFromIssues, messageFor, type DomainErrorCode, type IssueLike, type Locale } from '@anc/domain';

const CODE_MAP = {
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'UNPROCESSABLE_CONTENT',
  UNPROCESSABLE: 'UNPROCESSABLE_CONTENT',
  TOO_MANY_REQUESTS: 'TOO_MANY_REQUESTS',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  BAD_REQUEST: 'BAD_REQUEST',
} as const satisfies Record<DomainErrorCode, TRPC_ERROR_CODE_KEY>;

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: CODE_MAP[error.code], message: error.reason, cause: error });
}

type IssueWithPath = IssueLike & { path: readonly PropertyKey[] };

function validationIssues(cause: unknown): IssueWithPath[] | null {
  const issues = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(issues)) return null;
  return issues.map((raw: { path?: readonly (PropertyKey | { key: PropertyKey })[]; code?: string; message?: string }) => ({
    ...(raw as IssueLike),
    code: raw.code ?? 'custom',
    message: raw.message ?? '',
    // Standard Schema paths may hold { key } segments
    path: (raw.path ?? []).map((p) => (typeof p === 'object' && p !== null ? p.key : p)),
  }));
}

export interface ErrorData {
  reason: string | null;
  fieldErrors: Record<string, string[]> | null;
}

/**
 * PostgreSQL's refusals of a value it cannot hold as text: 22021 character_not_in_repertoire,
 * 22P05 untranslatable_character (both: U+0000 or a broken UTF-8 sequence), 22P02
 * invalid_text_representation (text where a uuid or number was expected). The schemas refuse
 * these first (`Str` in packages/domain/src/schemas/common.ts); this is the net behind them, so
 * a value that slips past a schema is still the caller's BAD_REQUEST and never a 500.
 */
const INVALID_TEXT_CODES = new Set(['22021', '22P05', '22P02']);
export function isInvalidTextError(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 8; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && INVALID_TEXT_CODES.has(code)) return true;
  }
  return false;
}

/** The message and extra data of an error response. */
export function describeError(error: TRPCError, locale: Locale): { message: string } & ErrorData {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    const fieldErrors = cause.fieldErrors
      ? Object.fromEntries(Object.entries(cause.fieldErrors).map(([k, keys]) => [k, keys.map((key) => messageFor(key, locale))]))
      : null;
    return { message: messageFor(cause.reason, locale), reason: cause.reason, fieldErrors };
  }
  const issues = error.code === 'BAD_REQUEST' ? validationIssues(cause) : null;
  if (issues) return { message: messageFor('invalid_input', locale), reason: 'invalid_input', fieldErrors: fieldErrorsFromIssues(issues, locale) };
  if (error.code === 'INTERNAL_SERVER_ERROR') return { message: messageFor('internal', locale), reason: 'internal', fieldErrors: null };
  // Errors raised by tRPC itself (parse errors, unknown procedure, wrong method) keep their text.
  return { message: error.message, reason: null, fieldErrors: null };
}
