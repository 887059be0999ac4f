import { formatMxDateTime, type NotificationKind } from '@anc/domain';
import { ActionIcon, Box, Text, ThemeIcon, Tooltip, VisuallyHidden } from '@mantine/core';
import {
  IconBellRinging,
  IconUserCheck,
  IconAlarm,
  IconAlertOctagon,
  IconArrowBackUp,
  IconArrowsExchange,
  IconCheck,
  IconCircleX,
  IconClipboardPlus,
  IconClockExclamation,
  IconEye,
  IconFilePlus,
  IconHandStop,
  IconMessage,
  IconNote,
  IconProgress,
  IconRefresh,
  IconShare,
} from '@tabler/icons-react';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNow } from '../../components/Countdown.tsx';
import { useLocale } from '../../i18n/index.ts';
import { relativeTime } from './format.ts';
import classes from './notifications.module.css';
import type { NotificationItemDto } from './types.ts';

const KIND_ICON: Record<NotificationKind, { icon: typeof IconAlarm; color: string }> = {
  task_assigned: { icon: IconClipboardPlus, color: 'guinda' },
  task_reassigned: { icon: IconArrowsExchange, color: 'guinda' },
  task_returned: { icon: IconArrowBackUp, color: 'orange' },
  task_reopened: { icon: IconRefresh, color: 'orange' },
  task_cancelled: { icon: IconCircleX, color: 'gray' },
  task_in_review: { icon: IconEye, color: 'blue' },
  task_overdue: { icon: IconAlarm, color: 'red' },
  task_blocked: { icon: IconHandStop, color: 'orange' },
  incident_filed: { icon: IconFilePlus, color: 'guinda' },
  incident_shared: { icon: IconShare, color: 'blue' },
  incident_status_changed: { icon: IconProgress, color: 'blue' },
  incident_note: { icon: IconNote, color: 'blue' },
  incident_comment: { icon: IconMessage, color: 'blue' },
  obligation_due_soon: { icon: IconClockExclamation, color: 'orange' },
  obligation_overdue: { icon: IconAlarm, color: 'red' },
  incident_assigned: { icon: IconUserCheck, color: 'guinda' },
  incident_owner_update: { icon: IconBellRinging, color: 'blue' },
  advisory_published: { icon: IconAlertOctagon, color: 'guinda' },
  advisory_reminder: { icon: IconAlarm, color: 'red' },
};

/**
 * One notification: a link to its task or incident (unread ones in bold, with a dot and a hidden "Sin leer"
 * for screen readers), when it arrived, and the coordinator's comment when there is one.
 * Following the link marks it read. `onMarkRead` adds a separate "mark as read" button.
 */
export function NotificationItem({
  item,
  onOpen,
  onMarkRead,
}: {
  item: NotificationItemDto;
  onOpen: (item: NotificationItemDto) => void;
  onMarkRead?: (item: NotificationItemDto) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow();
  const unread = item.readAt === null;
  const { icon: Icon, color } = KIND_ICON[item.kind];

  const content: ReactNode = (
    <>
      <ThemeIcon variant="light" color={color} size="md" radius="xl" aria-hidden>
        <Icon size={16} />
      </ThemeIcon>
      <Box className={classes.body}>
        <Text size="sm" fw={unread ? 700 : 400} lh={1.35}>
          {unread ? <VisuallyHidden>{`${t('notifications.unread')}: `}</VisuallyHidden> : null}
          {item.title}
        </Text>
        {item.comment ? (
          <Text size="xs" c="dimmed" lineClamp={2} mt={2}>
            {t('notifications.comment', { comment: item.comment })}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed" mt={2}>
          <time dateTime={item.createdAt} title={formatMxDateTime(item.createdAt, locale)}>
            {relativeTime(item.createdAt, now, locale)}
          </time>
        </Text>
      </Box>
      {unread ? <span className={classes.dot} aria-hidden /> : null}
    </>
  );

  const className = classes.item;
  return (
    <Box component="li" className={`${classes.row} ${unread ? classes.unread : ''}`} data-testid="notification-item" data-unread={unread}>
      {item.taskId ? (
        <Link to="/tareas/$taskId" params={{ taskId: item.taskId }} className={className} onClick={() => onOpen(item)}>
          {content}
        </Link>
      ) : item.advisoryId ? (
        <Link to="/alertas/$advisoryId" params={{ advisoryId: item.advisoryId }} className={className} onClick={() => onOpen(item)}>
          {content}
        </Link>
      ) : item.incidentId ? (
        <Link to="/incidentes/$incidentId" params={{ incidentId: item.incidentId }} className={className} onClick={() => onOpen(item)}>
          {content}
        </Link>
      ) : (
        <div className={className}>{content}</div>
      )}
      {onMarkRead && unread ? (
        <Tooltip label={t('notifications.markRead')} withArrow>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            mr={4}
            aria-label={t('notifications.markReadOf', { title: item.title })}
            onClick={() => onMarkRead(item)}
            data-testid="notification-mark-read"
          >
            <IconCheck size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : null}
    </Box>
  );
}
