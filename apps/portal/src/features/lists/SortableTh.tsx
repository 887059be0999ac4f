/**
 * A column header that sorts the list (incidents, tasks): a button inside the `th`, `aria-sort` on
 * the `th` while it is the sort, a click on the sorted column flips the direction, on another
 * column starts at that column's natural direction (packages/domain/src/lists/sort.ts).
 */
import { defaultDirectionOf, type IncidentSortKey, type SortDirection, type TaskSortKey } from '@anc/domain';
import { Table, UnstyledButton, Group } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type Key = IncidentSortKey | TaskSortKey;

export function SortableTh<K extends Key>({
  column,
  current,
  label,
  onSort,
  w,
  visibleFrom,
}: {
  column: K;
  current: { sort: K; dir: SortDirection };
  label: ReactNode;
  onSort: (next: { sort: K; dir: SortDirection }) => void;
  w?: number;
  visibleFrom?: 'xl';
}) {
  const { t } = useTranslation();
  const active = current.sort === column;
  const next: SortDirection = active ? (current.dir === 'asc' ? 'desc' : 'asc') : defaultDirectionOf(column);
  const Icon = !active ? IconArrowsSort : current.dir === 'asc' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th
      scope="col"
      w={w}
      visibleFrom={visibleFrom}
      aria-sort={active ? (current.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      data-testid={`sort-${column}`}
    >
      <UnstyledButton
        onClick={() => onSort({ sort: column, dir: next })}
        title={`${t('lists.sort.label')}: ${next === 'asc' ? t('lists.sort.ascending') : t('lists.sort.descending')}`}
        style={{ fontWeight: 'inherit', fontSize: 'inherit', color: 'inherit' }}
      >
        <Group gap={4} wrap="nowrap">
          <span>{label}</span>
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4, flexShrink: 0 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
