import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';

const label = (incident: { reference: string; title: string }) => `${incident.reference} — ${incident.title}`;

/**
 * An incident found by reference or words through the incident list's own search (the server
 * searches; nothing is filtered here). The chosen one keeps its label while the search changes.
 */
export function IncidentPicker({
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
  const current = useQuery({ ...trpc.incidents.get.queryOptions({ id: value ?? '' }), enabled: Boolean(value) });
  const chosen = value && current.data ? { value, label: label(current.data) } : null;
  const typed = query && query !== chosen?.label ? query : undefined;
  const candidates = useQuery(trpc.incidents.list.queryOptions({ q: typed, limit: 20 }));
  const options = [
    ...(chosen ? [chosen] : value ? [{ value, label: t('common.loading') }] : []),
    ...(candidates.data?.items ?? []).filter((c) => c.id !== value).map((c) => ({ value: c.id, label: label(c) })),
  ];
  return (
    <Select
      id={id}
      label={fieldLabel}
      description={description}
      placeholder={t('tasks.filters.incidentPlaceholder')}
      data={options}
      value={value}
      onChange={(next) => onChange(next)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('tasks.filters.incidentNothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
      data-testid={testId}
    />
  );
}
