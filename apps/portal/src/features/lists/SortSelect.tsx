/** On a phone (cards, no column headers): the list's sort as one menu of column × direction. */
import { SORT_DIRECTIONS, type SortDirection } from '@anc/domain';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SortSelect<K extends string>({
  keys,
  labelOf,
  current,
  onSort,
  testId,
}: {
  keys: readonly K[];
  labelOf: (key: K) => string;
  current: { sort: K; dir: SortDirection };
  onSort: (next: { sort: K; dir: SortDirection }) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const data = keys.flatMap((key) =>
    SORT_DIRECTIONS.map((dir) => ({
      value: `${key}.${dir}`,
      label: `${labelOf(key)} (${dir === 'asc' ? t('lists.sort.ascending') : t('lists.sort.descending')})`,
    })),
  );
  return (
    <Select
      label={t('lists.sort.label')}
      data={data}
      value={`${current.sort}.${current.dir}`}
      allowDeselect={false}
      onChange={(value) => {
        const [sort, dir] = (value ?? '').split('.');
        const key = keys.find((k) => k === sort);
        const direction = SORT_DIRECTIONS.find((d) => d === dir);
        if (key && direction) onSort({ sort: key, dir: direction });
      }}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}
