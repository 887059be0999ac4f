import Bowser from 'bowser';
import { z } from 'zod';
import { Id } from '../schemas/common.ts';

/**
 * "My sessions" (issue 13 point 5; docs/API.md "Sessions of my own"). A session's `lastSeenAt`
 * moves at most once per this interval: validation writes only when the stored value is this old,
 * so a busy session costs one UPDATE a minute, not one per request.
 */
export const SESSION_SEEN_INTERVAL_MS = 60_000;

/** Whether a request at `now` should move a session's `lastSeenAt`. */
export const sessionSeenIsDue = (lastSeenAt: Date, now: Date): boolean => now.getTime() - lastSeenAt.getTime() >= SESSION_SEEN_INTERVAL_MS;

/**
 * One session of the caller as the list shows it. `id` is the session's public id (a random uuid
 * of its own), never the stored key (the token's hash): what the list hands out is not a credential
 * and names no row by its key.
 */
export const SessionItem = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  address: z.string().nullable(),
  current: z.boolean(),
});
export type SessionItem = z.infer<typeof SessionItem>;

export const SessionListOutput = z.object({ items: z.array(SessionItem) });
export type SessionListOutput = z.infer<typeof SessionListOutput>;

export const RevokeSessionInput = z.object({ id: Id });
export type RevokeSessionInput = z.infer<typeof RevokeSessionInput>;

export interface DeviceLabel {
  /** "Chrome 131", "Firefox 133"; null when the user agent names no browser we know. */
  browser: string | null;
  /** "Windows 10", "macOS 14.5", "Android 14"; null when unknown. */
  os: string | null;
}

const major = (version: string | undefined) => version?.split('.')[0];
const joined = (...parts: (string | undefined)[]) => parts.filter((p) => p && p.trim()).join(' ') || null;

/**
 * A person-readable browser and operating system from a User-Agent header (bowser, a maintained
 * parser). The header is the client's own word: it labels a session, it proves nothing.
 */
export function describeUserAgent(userAgent: string | null | undefined): DeviceLabel {
  if (!userAgent?.trim()) return { browser: null, os: null };
  const parsed = Bowser.parse(userAgent);
  const osVersion = parsed.os.name === 'Windows' ? (parsed.os.versionName ?? parsed.os.version) : parsed.os.version;
  return {
    browser: parsed.browser.name ? joined(parsed.browser.name, major(parsed.browser.version)) : null,
    os: parsed.os.name ? joined(parsed.os.name, osVersion) : null,
  };
}
