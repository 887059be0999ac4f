import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';

const label = (initiative: { code: string; title: string }) => `${initiative.code} — ${initiative.title}`;

/**
 * A master-plan initiative found by code or words through the registry's own search (the server
 * searches; nothing is filtered here). The chosen one keeps its label while the search changes.
 */
export function InitiativePicker({
  value,
  onChange,
  label: fieldLabel,
  description,
  error,
  testId,
  id,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  description?: string;
  error?: string | null;
  testId: string;
  id?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const current = useQuery({ ...trpc.initiatives.get.queryOptions({ id: value ?? '' }), enabled: Boolean(value) });
  const chosen = value && current.data ? { value, label: label(current.data) } : null;
  const typed = query && query !== chosen?.label ? query : undefined;
  const candidates = useQuery(trpc.initiatives.list.queryOptions({ q: typed, limit: 20 }));
  const options = [
    ...(chosen ? [chosen] : value ? [{ value, label: t('common.loading') }] : []),
    ...(candidates.data?.items ?? []).filter((c) => c.id !== value).map((c) => ({ value: c.id, label: label(c) })),
  ];
  return (
    <Select
      id={id}
      label={fieldLabel}
      description={description}
      placeholder={t('tasks.filters.initiativePlaceholder')}
      data={options}
      value={value}
      onChange={(next) => onChange(next)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('tasks.filters.initiativeNothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
      data-testid={testId}
    />
  );
}
