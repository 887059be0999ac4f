/**
 * How a person is told outside the portal (issue 12 point 4; docs/API.md "People reached outside
 * the portal"): e-mail on or off, and either one mail per event or one daily digest at 08:00
 * Mexico City time. Defaults: e-mail on, one mail per event.
 */
export const DIGEST_OPTIONS = ['none', 'daily'] as const;
export type DigestOption = (typeof DIGEST_OPTIONS)[number];

export interface NotificationPreferences {
  emailNotifications: boolean;
  digest: DigestOption;
}

export const DEFAULT_PREFERENCES: NotificationPreferences = { emailNotifications: true, digest: 'none' };

/** How a notification of the bell reaches this person by e-mail: not at all, now, or in the next digest. */
export type EmailDelivery = 'none' | 'immediate' | 'digest';

export function emailDelivery(prefs: NotificationPreferences): EmailDelivery {
  if (!prefs.emailNotifications) return 'none';
  return prefs.digest === 'daily' ? 'digest' : 'immediate';
}
