import { ListNotificationsInput, MarkNotificationsReadInput } from '@anc/domain';
import { procedureFor, router } from '../../trpc/init.ts';
import { countUnreadNotifications } from './count-unread-notifications.ts';
import { listNotifications } from './list-notifications.ts';
import { markNotificationsRead } from './mark-notifications-read.ts';

export const notificationsRouter = router({
  list: procedureFor('notifications.list')
    .input(ListNotificationsInput)
    .query(({ ctx, input }) => listNotifications(ctx, input)),
  unreadCount: procedureFor('notifications.unreadCount').query(({ ctx }) => countUnreadNotifications(ctx)),
  markRead: procedureFor('notifications.markRead')
    .input(MarkNotificationsReadInput)
    .mutation(({ ctx, input }) => markNotificationsRead(ctx, input)),
});
