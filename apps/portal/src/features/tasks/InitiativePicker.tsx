import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { SearchPicker, searchQuery, useSearchTerm, type PickerFieldProps } from './SearchPicker.tsx';

const label = (initiative: { code: string; title: string }) => `${initiative.code} — ${initiative.title}`;

/** A master-plan initiative found by code or words through the registry's own search. */
export function InitiativePicker(field: PickerFieldProps) {
  const { t } = useTranslation();
  const term = useSearchTerm();
  const current = useQuery({ ...trpc.initiatives.get.queryOptions({ id: field.value ?? '' }), enabled: Boolean(field.value) });
  const chosenLabel = field.value && current.data ? label(current.data) : null;
  const candidates = useQuery(trpc.initiatives.list.queryOptions({ q: searchQuery(term, chosenLabel), limit: 20 }));
  return (
    <SearchPicker
      field={field}
      term={term}
      chosenLabel={chosenLabel}
      candidates={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: label(c) }))}
      fetching={candidates.isFetching}
      placeholder={t('tasks.filters.initiativePlaceholder')}
      nothingFound={t('tasks.filters.initiativeNothingFound')}
    />
  );
}
