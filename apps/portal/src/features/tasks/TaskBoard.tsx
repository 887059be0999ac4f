/**
 * The board: one column per status, in the order work flows (open → in progress → blocked → in
 * review → done), each loading its own tasks a page at a time. Cancelled tasks stay folded below.
 */
import type { TaskFilters, TaskStatus } from '@anc/domain';
import { Badge, Box, Button, Collapse, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';
import { TASK_STATUS_COLORS, taskStatusLabel } from './labels.tsx';
import { BOARD_COLUMNS } from './search.ts';
import { TaskCard } from './TaskCard.tsx';

const PAGE = 20;
const LIST_RESET = { listStyle: 'none', margin: 0, padding: 0 } as const;

export function TaskBoard({ filters, seesAll, phone }: { filters: TaskFilters; seesAll: boolean; phone: boolean }) {
  const { t } = useTranslation();
  const [showCancelled, setShowCancelled] = useState(false);
  return (
    <Stack gap="md">
      <Box
        component="ul"
        aria-label={t('tasks.board.label')}
        data-testid="tasks-board"
        style={
          phone
            ? { ...LIST_RESET, display: 'grid', gap: 'var(--mantine-spacing-md)', gridTemplateColumns: '1fr' }
            : {
                ...LIST_RESET,
                display: 'grid',
                gap: 'var(--mantine-spacing-sm)',
                gridTemplateColumns: `repeat(${BOARD_COLUMNS.length}, minmax(185px, 1fr))`,
                overflowX: 'auto',
                paddingBottom: 4,
              }
        }
      >
        {BOARD_COLUMNS.map((status) => (
          <BoardColumn key={status} status={status} filters={filters} seesAll={seesAll} />
        ))}
      </Box>
      <Paper p="sm">
        <Button
          variant="subtle"
          color="gray"
          onClick={() => setShowCancelled((v) => !v)}
          aria-expanded={showCancelled}
          aria-controls="tasks-board-cancelled"
          rightSection={<IconChevronDown size={16} aria-hidden style={{ transform: showCancelled ? 'rotate(180deg)' : undefined }} />}
          data-testid="tasks-board-cancelled-toggle"
        >
          {showCancelled ? t('tasks.board.hideCancelled') : t('tasks.board.showCancelled')}
        </Button>
        <Collapse expanded={showCancelled} id="tasks-board-cancelled">
          {showCancelled ? <CancelledTasks filters={filters} seesAll={seesAll} /> : null}
        </Collapse>
      </Paper>
    </Stack>
  );
}

function useColumn(filters: TaskFilters, status: TaskStatus) {
  return useInfiniteQuery(
    // The columns are the statuses: the list's status filter does not apply here.
    trpc.tasks.list.infiniteQueryOptions(
      { ...filters, status: [status], limit: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
}

function BoardColumn({ status, filters, seesAll }: { status: TaskStatus; filters: TaskFilters; seesAll: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const column = useColumn(filters, status);
  const items = column.data?.pages.flatMap((page) => page.items) ?? [];
  const headingId = `tasks-column-${status}`;
  const refreshing = column.isPlaceholderData && column.isFetching;
  return (
    <Paper
      component="li"
      p="xs"
      bg="var(--mantine-color-gray-0)"
      aria-labelledby={headingId}
      aria-busy={column.isFetching}
      data-testid="tasks-column"
      data-status={status}
      style={{ borderTop: `3px solid var(--mantine-color-${TASK_STATUS_COLORS[status]}-6)`, opacity: refreshing ? 0.6 : 1 }}
    >
      <Group justify="space-between" gap="xs" mb="xs" px={4} wrap="nowrap">
        <Title order={2} fz="sm" id={headingId}>
          {taskStatusLabel(status, locale)}
        </Title>
        {column.data ? (
          <Badge variant="white" color="dark" size="sm" data-testid="tasks-column-count">
            {column.hasNextPage ? t('tasks.board.countMore', { count: items.length }) : items.length}
          </Badge>
        ) : null}
      </Group>
      <Stack gap="xs">
        {column.error ? <QueryError error={column.error} onRetry={() => void column.refetch()} /> : null}
        {column.isPending ? Array.from({ length: 2 }, (_, i) => <Skeleton key={i} height={110} radius="md" />) : null}
        {column.data && items.length === 0 ? (
          <Text size="xs" c="dimmed" ta="center" py="md" data-testid="tasks-column-empty">
            {t('tasks.board.emptyColumn')}
          </Text>
        ) : null}
        {items.map((task) => (
          <TaskCard key={task.id} task={task} withStatus={false} withAgency={seesAll} />
        ))}
        {column.hasNextPage ? (
          <Button variant="default" size="xs" onClick={() => void column.fetchNextPage()} loading={column.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : null}
      </Stack>
    </Paper>
  );
}

function CancelledTasks({ filters, seesAll }: { filters: TaskFilters; seesAll: boolean }) {
  const { t } = useTranslation();
  const column = useColumn(filters, 'cancelled');
  const items = column.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <Stack gap="xs" mt="sm" data-testid="tasks-cancelled">
      {column.error ? <QueryError error={column.error} onRetry={() => void column.refetch()} /> : null}
      {column.isPending ? <Skeleton height={80} /> : null}
      {column.data && items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.board.noCancelled')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="xs">
        {items.map((task) => (
          <TaskCard key={task.id} task={task} withStatus={false} withAgency={seesAll} />
        ))}
      </SimpleGrid>
      {column.hasNextPage ? (
        <Group>
          <Button variant="default" size="xs" onClick={() => void column.fetchNextPage()} loading={column.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
