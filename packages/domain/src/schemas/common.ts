import { z } from 'zod';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';
import { DomainError } from '../errors.ts';

/**
 * Custom messages are stable keys of the catalogue (`MessageKey`, catalogue/validation.ts;
 * catalogue/catalogue.test.ts fails on one without words); `localizeIssue` (messages.ts) turns them
 * and zod's own issue codes into Spanish or English, on the server and in the portal's forms alike.
 */
export const Id = z.string().uuid({ error: 'invalid_id' });

/**
 * Text PostgreSQL can store: a `text` column refuses U+0000 and UTF-8 cannot encode a lone
 * UTF-16 surrogate. Every string an input schema takes starts from `Str`, so such text is refused
 * as BAD_REQUEST naming the field instead of reaching the database (see
 * apps/api/src/trpc/errors.ts for the safety net behind it).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isStorableText = (s: string): boolean => !s.includes('\u0000') && !LONE_SURROGATE.test(s);
export const Str = () => z.string({ error: 'required' }).refine(isStorableText, { error: 'invalid_characters', abort: true });

/** A trimmed text between `min` and `max` characters (`min` ≤ 1 reads as "required"). */
export const text = (min: number, max: number) =>
  Str()
    .trim()
    .min(min, { error: min <= 1 ? 'required' : 'too_short' })
    .max(max, { error: 'too_long' });

/** A trimmed text that may be empty. */
export const optionalText = (max: number) => Str().trim().max(max, { error: 'too_long' });

export const Email = Str()
  .trim()
  .toLowerCase()
  .min(1, { error: 'required' })
  .max(254, { error: 'too_long' })
  .pipe(z.email({ error: 'invalid_email' }));

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** A new password: the common-password check happens in @anc/auth (it needs a dictionary). */
export const NewPassword = Str().min(PASSWORD_MIN_LENGTH, { error: 'password_too_short' }).max(PASSWORD_MAX_LENGTH, { error: 'too_long' });

export const PersonName = Str().trim().min(2, { error: 'too_short' }).max(120, { error: 'too_long' });

/**
 * At most this many calls in one tRPC batch request: the API answers 400 above it
 * (apps/api/src/server.ts) and the portal's batch link never sends more (apps/portal/src/lib/trpc.ts).
 * Each call of a batch counts once against the rate limit.
 */
export const API_MAX_BATCH_SIZE = 20;

export const LIST_DEFAULT_LIMIT = 25;
export const LIST_MAX_LIMIT = 100;

export const ListInput = z.object({
  cursor: Str().max(500, { error: 'invalid_cursor' }).optional(),
  limit: z.number().int().min(1).max(LIST_MAX_LIMIT).default(LIST_DEFAULT_LIMIT),
});
export type ListInput = z.infer<typeof ListInput>;

export const listOutput = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * Keyset cursors are opaque to clients: base64url of a small JSON tuple
 * (the sort key and the id of the last row seen).
 */
const CursorPayload = z.tuple([z.string(), z.string()]);
export function encodeCursor(sortKey: string, id: string): string {
  return encodeBase64urlNoPadding(new TextEncoder().encode(JSON.stringify([sortKey, id])));
}
export function decodeCursor(cursor: string): { sortKey: string; id: string } | null {
  try {
    const json = new TextDecoder().decode(decodeBase64urlIgnorePadding(cursor));
    const parsed = CursorPayload.safeParse(JSON.parse(json));
    return parsed.success ? { sortKey: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A (created_at, id) cursor a newest-first list handed out, or BAD_REQUEST on `cursor` (never
 * silently the first page, never a SQL error). Used by the notifications and advisories lists.
 */
export function createdAtCursor(cursor: string): { at: Date; id: string } {
  const after = decodeCursor(cursor);
  const at = after ? new Date(after.sortKey) : null;
  if (!after || !at || Number.isNaN(at.getTime()) || !CURSOR_ID.test(after.id)) {
    throw new DomainError('BAD_REQUEST', 'invalid_input', { fieldErrors: { cursor: ['invalid_cursor'] } });
  }
  return { at, id: after.id };
}
