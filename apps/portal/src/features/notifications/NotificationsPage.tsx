import { Button, Paper, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChecks } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadMoreFooter, keysetRows } from '../../components/ListPage.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { NotificationItem } from './NotificationItem.tsx';
import classes from './notifications.module.css';
import { useBellLive } from './live.ts';
import { useMarkRead, useUnreadCount } from './queries.ts';

const PAGE_SIZE = 20;

/** /notificaciones: every notification of the signed-in person, newest first, "Cargar más" by keyset. */
export function NotificationsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('notifications.pageTitle')} · ${t('app.short')}`);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = useUnreadCount(useBellLive());
  const count = unread.data?.count ?? 0;
  const markRead = useMarkRead();
  const list = useInfiniteQuery(
    trpc.notifications.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, ...(unreadOnly ? { unreadOnly: true } : {}) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, staleTime: 0 },
    ),
  );
  const { items } = keysetRows(list);

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
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.subtitle')}
        actions={
          <Button
            variant="default"
            leftSection={<IconChecks size={18} aria-hidden />}
            onClick={markAll}
            disabled={count === 0}
            loading={markRead.isPending}
            data-testid="notifications-page-mark-all"
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Stack gap="md">
        <Switch
          label={t('notifications.unreadOnly')}
          checked={unreadOnly}
          onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
          data-testid="notifications-unread-only"
        />
        {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
        <Paper withBorder radius="md" p={4}>
          {list.isPending ? (
            <Stack gap="xs" p="sm" aria-busy>
              {Array.from({ length: 4 }, (_, i) => (
                <Skeleton key={i} height={44} />
              ))}
            </Stack>
          ) : items.length === 0 ? (
            <Stack gap={4} p="lg" align="center" data-testid="notifications-empty">
              <Text fw={600}>{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</Text>
              {unreadOnly ? null : (
                <Text size="sm" c="dimmed" ta="center" maw={520}>
                  {t('notifications.emptyHint')}
                </Text>
              )}
            </Stack>
          ) : (
            <ul className={classes.list} aria-label={t('notifications.listLabel')} data-testid="notifications-list">
              {items.map((item) => (
                <NotificationItem
                  key={item.id}
                  item={item}
                  onOpen={(n) => {
                    if (n.readAt === null) markRead.mutate({ ids: [n.id] });
                  }}
                  onMarkRead={(n) => markRead.mutate({ ids: [n.id] }, { onError: (error) => notify(errorMessage(error, t), 'error') })}
                />
              ))}
            </ul>
          )}
        </Paper>
        {items.length > 0 ? (
          <LoadMoreFooter
            name="notifications"
            shown={t('notifications.shown', { count: items.length })}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        ) : null}
      </Stack>
    </>
  );
}
