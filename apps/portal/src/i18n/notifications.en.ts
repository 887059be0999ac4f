import type { notificationsEsMX } from './notifications.es-MX.ts';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** `notifications.*` in English, typed against the Spanish file. */
export const notificationsEn: Shape<typeof notificationsEsMX> = {
  pageTitle: 'Notifications',
  title: 'Notifications',
  subtitle:
    'News about incidents and tasks: new reports, incidents shared, status changes, notes, legal deadlines due soon or overdue, assignments, reviews, returns, blocks and overdue dates.',
  bellNone: 'Notifications: none unread',
  bell_one: '{{count}} unread notification',
  bell_other: '{{count}} unread notifications',
  popoverTitle: 'Notifications',
  latest: 'Latest notifications',
  listLabel: 'Your notifications',
  unread: 'Unread',
  markAllRead: 'Mark all as read',
  markRead: 'Mark as read',
  markReadOf: 'Mark as read: {{title}}',
  markedAllRead_one: '{{count}} notification marked as read.',
  markedAllRead_other: '{{count}} notifications marked as read.',
  viewAll: 'See all notifications',
  empty: 'You have no notifications.',
  emptyHint:
    'Here you will see the incidents that concern you (reported, shared with your agency, changed, with notes or legal deadlines coming up) and tasks assigned, sent for review, returned, blocked, reopened, cancelled or overdue.',
  emptyUnread: 'You have no unread notifications.',
  unreadOnly: 'Unread only',
  comment: 'Comment: {{comment}}',
  shown_one: '{{count}} notification shown',
  shown_other: '{{count}} notifications shown',
  loadFailed: 'The notifications could not be loaded.',
};
