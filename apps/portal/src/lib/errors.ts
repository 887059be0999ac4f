import { TRPCClientError } from '@trpc/client';
import type { TFunction } from 'i18next';
import { z } from 'zod';

/** The extra fields the API puts in `error.data` (see docs/API.md). */
const ErrorData = z.object({
  code: z.string().nullish(),
  reason: z.string().nullish(),
  fieldErrors: z.record(z.string(), z.array(z.string())).nullish(),
});

export interface ApiError {
  /** tRPC error code (UNAUTHORIZED, BAD_REQUEST, …), or null when the server was not reached. */
  code: string | null;
  /** Stable reason key from @anc/domain's messages, when the server gave one. */
  reason: string | null;
  /** Field path → messages, already in the caller's language. */
  fieldErrors: Record<string, string[]>;
  /** The server's message in the caller's language, when it answered. */
  message: string | null;
}

export function readApiError(error: unknown): ApiError {
  if (!(error instanceof TRPCClientError)) return { code: null, reason: null, fieldErrors: {}, message: null };
  const data = ErrorData.safeParse(error.data);
  if (!data.success || !data.data.code) return { code: null, reason: null, fieldErrors: {}, message: null };
  return {
    code: data.data.code,
    reason: data.data.reason ?? null,
    fieldErrors: data.data.fieldErrors ?? {},
    message: error.message || null,
  };
}

export const errorCode = (error: unknown): string | null => readApiError(error).code;

/** A sentence a person can act on, for an error that is not tied to one field. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof TRPCClientError)) return t('errors.unexpected');
  const info = readApiError(error);
  if (info.code === null) return t('errors.network');
  if (info.message) return info.message;
  if (info.code === 'FORBIDDEN') return t('errors.forbidden');
  return t('errors.unexpected');
}

/** Retrying makes sense only when the server was not reached or failed on its own. */
export function isRetryable(error: unknown): boolean {
  const code = errorCode(error);
  return code === null || code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE';
}
