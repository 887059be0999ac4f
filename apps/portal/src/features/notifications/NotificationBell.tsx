import { ActionIcon, Box, Button, Divider, Group, Indicator, Loader, Popover, ScrollArea, Text } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { unreadBadge } from './format.ts';
import { useBellLive, useNotificationStream } from './live.ts';
import { NotificationItem } from './NotificationItem.tsx';
import classes from './notifications.module.css';
import { UNREAD_POLL_MS, useMarkRead, useUnreadCount } from './queries.ts';

/** How many of the latest notifications the bell's panel shows (the rest are on /notificaciones). */
export const BELL_LATEST = 8;

/**
 * The bell in the header: the unread count on it (live: refreshed on each event of the stream in
 * live.ts; polled while the stream is down; and refreshed when the window regains focus), a panel with the latest notifications, "mark all as read" and a link to the full list.
 * The button's name says the count ("3 notificaciones sin leer"); Escape closes the panel and
 * gives the focus back to the bell.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  useNotificationStream();
  const live = useBellLive();
  const unread = useUnreadCount(live);
  const count = unread.data?.count ?? 0;
  const badge = unreadBadge(count);

  return (
    <Indicator
      label={badge ? <span aria-hidden>{badge}</span> : null}
      disabled={!badge}
      size={18}
      offset={7}
      color="red"
      withBorder
      inline
      zIndex={2}
      data-testid="notifications-badge"
    >
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={416} shadow="md" withinPortal trapFocus returnFocus closeOnEscape>
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="white"
            size={40}
            radius="md"
            className={classes.bell}
            aria-label={count > 0 ? t('notifications.bell', { count }) : t('notifications.bellNone')}
            // A controlled popover leaves opening to its target (it reports only closing: Escape, outside click).
            onClick={() => setOpened((o) => !o)}
            data-testid="notifications-bell"
            data-count={count}
          >
            <IconBell size={24} stroke={1.7} aria-hidden />
          </ActionIcon>
        </Popover.Target>
        <Popover.Dropdown p={0} maw="calc(100vw - 1rem)" aria-label={t('notifications.popoverTitle')} data-testid="notifications-panel">
          {opened ? <BellPanel count={count} onClose={() => setOpened(false)} /> : null}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}

function BellPanel({ count, onClose }: { count: number; onClose: () => void }) {
  const { t } = useTranslation();
  // Fresh on every opening, and kept fresh while open (like the count).
  const live = useBellLive();
  const latest = useQuery(trpc.notifications.list.queryOptions({ limit: BELL_LATEST }, { staleTime: 0, refetchInterval: live ? false : UNREAD_POLL_MS }));
  const markRead = useMarkRead();
  const items = latest.data?.items ?? [];

  const markAll = () =>
    markRead.mutate(
      {},
      {
        onSuccess: ({ updated }) => notify(t('notifications.markedAllRead', { count: updated }), 'info'),
        onError: (error) => notify(errorMessage(error, t), 'error'),
      },
    );

  return (
    <>
      <Group justify="space-between" px="md" py="sm" gap="xs" wrap="wrap">
        <Text fw={700} size="sm" component="h2" m={0}>
          {t('notifications.popoverTitle')}
        </Text>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconChecks size={16} aria-hidden />}
          onClick={markAll}
          disabled={count === 0}
          loading={markRead.isPending}
          style={{ flexShrink: 0 }}
          data-testid="notifications-mark-all"
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <Divider />
      <ScrollArea.Autosize mah={420} type="auto">
        {latest.isPending ? (
          <Group justify="center" p="lg">
            <Loader size="sm" aria-label={t('common.loading')} />
          </Group>
        ) : latest.error ? (
          <Text size="sm" c="red.8" p="md" role="alert">
            {t('notifications.loadFailed')}
          </Text>
        ) : items.length === 0 ? (
          <Box p="md">
            <Text size="sm" fw={600}>
              {t('notifications.empty')}
            </Text>
            <Text size="xs" c="dimmed" mt={4}>
              {t('notifications.emptyHint')}
            </Text>
          </Box>
        ) : (
          <Box component="ul" className={classes.list} aria-label={t('notifications.latest')} p={4}>
            {items.map((item) => (
              <NotificationItem
                key={item.id}
                item={item}
                onOpen={(n) => {
                  if (n.readAt === null) markRead.mutate({ ids: [n.id] });
                  onClose();
                }}
              />
            ))}
          </Box>
        )}
      </ScrollArea.Autosize>
      <Divider />
      <Group justify="center" p="xs">
        <AnchorLink to="/notificaciones" size="sm" fw={600} onClick={onClose} data-testid="notifications-view-all">
          {t('notifications.viewAll')}
        </AnchorLink>
      </Group>
    </>
  );
}
