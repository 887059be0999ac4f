import type { MessageKey } from './catalogue/validation.ts';

/**
 * The one error type of the domain. The API maps `code` to a tRPC code in one place
 * (apps/api/src/trpc/errors.ts); `reason` is a stable key a client can branch on and
 * that `messageFor` turns into words a person can act on. Reasons and field-error keys are
 * `MessageKey`s, the keys of the catalogue (packages/domain/src/catalogue/validation.ts): a reason
 * without words fails tsc.
 */
export const DOMAIN_ERROR_CODES = [
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'UNPROCESSABLE',
  'TOO_MANY_REQUESTS',
  'PAYLOAD_TOO_LARGE',
  'BAD_REQUEST',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** Field path → the message keys of its problems (e.g. `{ agencyId: ['unknown_agency'] }`). */
export type FieldErrors = Record<string, MessageKey[]>;

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly reason: MessageKey;
  /** For BAD_REQUEST raised after parsing (e.g. a weak password): field path → message keys. */
  readonly fieldErrors: FieldErrors | undefined;
  /** For TOO_MANY_REQUESTS: seconds until the caller may try again (the HTTP `Retry-After`). */
  readonly retryAfterSeconds: number | undefined;

  constructor(code: DomainErrorCode, reason: MessageKey, options: { fieldErrors?: FieldErrors; retryAfterSeconds?: number; cause?: unknown } = {}) {
    super(reason, { cause: options.cause });
    this.name = 'DomainError';
    this.code = code;
    this.reason = reason;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
