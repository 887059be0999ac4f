import { type TaskFilters } from '@anc/domain';
import { Button, Group, Paper, Skeleton, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TableStatusRows } from '../../components/TableStatusRows.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';
import { formatMxDate, formatMxTime } from '../incidents/time.ts';
import { TaskDue, TaskPriorityBadge, TaskStatusBadge, useTaskDueState } from './labels.tsx';
import { TaskCard, TaskLinkLine } from './TaskCard.tsx';
import { TasksEmptyState } from './TasksEmptyState.tsx';
import type { TaskSummary } from './types.ts';

/** Every task that matches, newest first, a page at a time ("Cargar más"); cards on a phone. */
export function TaskList({
  filters,
  seesAll,
  phone,
  filtered,
  canCreate,
  onClear,
}: {
  filters: TaskFilters;
  seesAll: boolean;
  phone: boolean;
  filtered: boolean;
  canCreate: boolean;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const tasks = useInfiniteQuery(
    trpc.tasks.list.infiniteQueryOptions(filters, {
      getNextPageParam: (page) => page.nextCursor ?? undefined,
      // While new filters load, the previous rows stay (dimmed) instead of blinking to skeletons.
      placeholderData: keepPreviousData,
    }),
  );
  const refreshing = tasks.isPlaceholderData && tasks.isFetching;
  const items = tasks.data?.pages.flatMap((page) => page.items) ?? [];
  const columns = seesAll ? 6 : 5;
  const empty = <TasksEmptyState filtered={filtered} canCreate={canCreate} onClear={onClear} />;

  return (
    <Stack gap="md">
      {tasks.error ? <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      {phone ? (
        <Stack gap="sm" data-testid="tasks-cards" aria-busy={refreshing} style={{ opacity: refreshing ? 0.6 : 1 }}>
          {tasks.isPending ? Array.from({ length: 4 }, (_, i) => <Skeleton key={i} height={140} radius="md" />) : null}
          {tasks.data && items.length === 0 ? <Paper p="md">{empty}</Paper> : null}
          {items.map((task) => (
            <TaskCard key={task.id} task={task} withStatus withAgency={seesAll} />
          ))}
        </Stack>
      ) : (
        <Paper p={0} aria-busy={refreshing} style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' }}>
          <Table.ScrollContainer minWidth={900}>
            <Table aria-label={t('tasks.list.tableLabel')} data-testid="tasks-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tasks.list.columns.task')}</Table.Th>
                  {seesAll ? (
                    <Table.Th scope="col" w={90}>
                      {t('tasks.list.columns.agency')}
                    </Table.Th>
                  ) : null}
                  <Table.Th scope="col" w={170}>
                    {t('tasks.list.columns.assignee')}
                  </Table.Th>
                  <Table.Th scope="col" w={130}>
                    {t('tasks.list.columns.status')}
                  </Table.Th>
                  <Table.Th scope="col" w={110}>
                    {t('tasks.list.columns.priority')}
                  </Table.Th>
                  <Table.Th scope="col" w={200}>
                    {t('tasks.list.columns.due')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <TableStatusRows loading={tasks.isPending} empty={false} columns={columns} emptyText="" />
                {tasks.data && items.length === 0 ? (
                  <Table.Tr>
                    <Table.Td colSpan={columns}>{empty}</Table.Td>
                  </Table.Tr>
                ) : null}
                {items.map((task) => (
                  <TaskRow key={task.id} task={task} seesAll={seesAll} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}

      {tasks.data && items.length > 0 ? (
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed" aria-live="polite" data-testid="tasks-count">
            {t('tasks.list.shown', { count: items.length })}
          </Text>
          {tasks.hasNextPage ? (
            <Button variant="default" onClick={() => void tasks.fetchNextPage()} loading={tasks.isFetchingNextPage} data-testid="tasks-load-more">
              {t('common.loadMore')}
            </Button>
          ) : (
            <Text size="sm" c="dimmed">
              {t('common.noMore')}
            </Text>
          )}
        </Group>
      ) : null}
    </Stack>
  );
}

function TaskRow({ task, seesAll }: { task: TaskSummary; seesAll: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = useTaskDueState(task);
  return (
    <Table.Tr data-testid="task-row" data-reference={task.reference} data-status={task.status} data-due={state}>
      <Table.Td miw={240}>
        <AnchorLink
          to="/tareas/$taskId"
          params={{ taskId: task.id }}
          ff="monospace"
          fw={700}
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
          data-testid="task-link"
        >
          {task.reference}
        </AnchorLink>
        <Text size="sm" lineClamp={2} title={task.title}>
          {task.title}
        </Text>
        <TaskLinkLine task={task} />
      </Table.Td>
      {seesAll ? (
        <Table.Td>
          <Tooltip label={agencyName(task.assigneeAgency, locale)} withinPortal>
            <Text size="sm" ff="monospace" fw={600} span>
              {task.assigneeAgency.code}
              <VisuallyHidden> — {agencyName(task.assigneeAgency, locale)}</VisuallyHidden>
            </Text>
          </Tooltip>
        </Table.Td>
      ) : null}
      <Table.Td>
        <Text size="sm" c={task.assigneeUser ? undefined : 'dimmed'} lineClamp={2}>
          {task.assigneeUser?.name ?? t('tasks.list.wholeAgency')}
        </Text>
      </Table.Td>
      <Table.Td>
        <TaskStatusBadge status={task.status} size="sm" />
      </Table.Td>
      <Table.Td>
        <TaskPriorityBadge priority={task.priority} size="sm" />
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatMxDate(task.dueAt, locale)} · {formatMxTime(task.dueAt, locale)}
        </Text>
        {state === 'none' ? null : <TaskDue task={task} />}
      </Table.Td>
    </Table.Tr>
  );
}
