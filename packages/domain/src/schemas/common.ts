import { z } from 'zod';
import { decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';

/**
 * Custom messages are stable keys (see messages.ts); `localizeIssue` turns them and zod's own
 * issue codes into Spanish or English, on the server and in the portal's forms alike.
 */
export const Id = z.string().uuid({ error: 'invalid_id' });

export const Email = z
  .string({ error: 'required' })
  .trim()
  .toLowerCase()
  .min(1, { error: 'required' })
  .max(254, { error: 'too_long' })
  .pipe(z.email({ error: 'invalid_email' }));

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** A new password: the common-password check happens in @anc/auth (it needs a dictionary). */
export const NewPassword = z
  .string({ error: 'required' })
  .min(PASSWORD_MIN_LENGTH, { error: 'password_too_short' })
  .max(PASSWORD_MAX_LENGTH, { error: 'too_long' });

export const PersonName = z
  .string({ error: 'required' })
  .trim()
  .min(2, { error: 'too_short' })
  .max(120, { error: 'too_long' });

export const LIST_DEFAULT_LIMIT = 25;
export const LIST_MAX_LIMIT = 100;

export const ListInput = z.object({
  cursor: z.string().max(500, { error: 'invalid_cursor' }).optional(),
  limit: z.number().int().min(1).max(LIST_MAX_LIMIT).default(LIST_DEFAULT_LIMIT),
});
export type ListInput = z.infer<typeof ListInput>;

export const listOutput = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

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
