import { TASK_SORT_KEYS, type SortDirection, type TaskFilters, type TaskSortKey } from '@anc/domain';
import { Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CodeLink } from '../../components/links.tsx';
import { AgencyCode, ListEmptyState, LoadMoreFooter, ResponsiveList, keysetRows } from '../../components/ListPage.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';
import { formatMxDate, formatMxTime } from '../../lib/time.ts';
import { TaskDue, TaskPriorityBadge, TaskStatusBadge, useTaskDueState } from './labels.tsx';
import { TaskCard, TaskLinkLine } from './TaskCard.tsx';
import type { TaskSummary } from './types.ts';
import { SortSelect } from '../lists/SortSelect.tsx';
import { SortableTh } from '../lists/SortableTh.tsx';

type TaskSort = { sort: TaskSortKey; dir: SortDirection };

/** Every task that matches, newest first, a page at a time ("Cargar más"); cards on a phone. */
export function TaskList({
  filters,
  seesAll,
  phone,
  filtered,
  canCreate,
  onClear,
  sort,
  onSort,
}: {
  filters: TaskFilters;
  /** The sorted column (its header shows it; a click sorts by another). */
  sort: TaskSort;
  onSort: (next: TaskSort) => void;
  seesAll: boolean;
  phone: boolean;
  filtered: boolean;
  canCreate: boolean;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const tasks = useInfiniteQuery(
    trpc.tasks.list.infiniteQueryOptions(
      { ...filters, ...(sort.sort === 'created' && sort.dir === 'desc' ? {} : sort) },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // While new filters load, the previous rows stay (dimmed) instead of blinking to skeletons.
        placeholderData: keepPreviousData,
      },
    ),
  );
  const { items, refreshing } = keysetRows(tasks);

  return (
    <Stack gap="md">
      {phone ? <SortSelect keys={TASK_SORT_KEYS} labelOf={(key) => t(`lists.sort.tasks.${key}`)} current={sort} onSort={onSort} testId="tasks-sort" /> : null}
      {tasks.error ? <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} /> : null}
      <ResponsiveList
        name="tasks"
        phone={phone}
        loading={tasks.isPending}
        refreshing={refreshing}
        empty={
          tasks.data && items.length === 0 ? (
            <ListEmptyState
              name="tasks"
              filtered={filtered}
              title={filtered ? t('tasks.list.noMatchTitle') : t('tasks.list.emptyTitle')}
              body={filtered ? t('tasks.list.noMatchBody') : canCreate ? t('tasks.list.emptyBodyCoordinator') : t('tasks.list.emptyBody')}
              create={canCreate ? { to: '/tareas/nueva', label: t('tasks.list.new') } : null}
              onClear={onClear}
            />
          ) : null
        }
        cardHeight={140}
        cards={items.map((task) => (
          <TaskCard key={task.id} task={task} withStatus withAgency={seesAll} />
        ))}
        table={{
          label: t('tasks.list.tableLabel'),
          minWidth: 900,
          columns: seesAll ? 6 : 5,
          head: (
            <>
              <SortableTh column="reference" current={sort} label={t('tasks.list.columns.task')} onSort={onSort} />
              {seesAll ? (
                <Table.Th scope="col" w={90}>
                  {t('tasks.list.columns.agency')}
                </Table.Th>
              ) : null}
              <Table.Th scope="col" w={170}>
                {t('tasks.list.columns.assignee')}
              </Table.Th>
              <SortableTh column="status" current={sort} label={t('tasks.list.columns.status')} onSort={onSort} w={130} />
              <SortableTh column="priority" current={sort} label={t('tasks.list.columns.priority')} onSort={onSort} w={110} />
              <SortableTh column="due" current={sort} label={t('tasks.list.columns.due')} onSort={onSort} w={200} />
            </>
          ),
          rows: items.map((task) => <TaskRow key={task.id} task={task} seesAll={seesAll} />),
        }}
      />

      {tasks.data && items.length > 0 ? (
        <LoadMoreFooter
          name="tasks"
          shown={t('tasks.list.shown', { count: items.length })}
          hasMore={tasks.hasNextPage}
          loading={tasks.isFetchingNextPage}
          onLoadMore={() => void tasks.fetchNextPage()}
        />
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
        <CodeLink to="/tareas/$taskId" params={{ taskId: task.id }} data-testid="task-link">
          {task.reference}
        </CodeLink>
        <Text size="sm" lineClamp={2} title={task.title}>
          {task.title}
        </Text>
        <TaskLinkLine task={task} />
      </Table.Td>
      {seesAll ? (
        <Table.Td>
          <AgencyCode agency={task.assigneeAgency} />
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
