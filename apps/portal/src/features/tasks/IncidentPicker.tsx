import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { trpc } from '../../lib/trpc.ts';
import { SearchPicker, searchQuery, useSearchTerm, type PickerFieldProps } from './SearchPicker.tsx';

const label = (incident: { reference: string; title: string }) => `${incident.reference} — ${incident.title}`;

/** An incident found by reference or words through the incident list's own search. */
export function IncidentPicker(field: PickerFieldProps) {
  const { t } = useTranslation();
  const term = useSearchTerm();
  const current = useQuery({ ...trpc.incidents.get.queryOptions({ id: field.value ?? '' }), enabled: Boolean(field.value) });
  const chosenLabel = field.value && current.data ? label(current.data) : null;
  const candidates = useQuery(trpc.incidents.list.queryOptions({ q: searchQuery(term, chosenLabel), limit: 20 }));
  return (
    <SearchPicker
      field={field}
      term={term}
      chosenLabel={chosenLabel}
      candidates={(candidates.data?.items ?? []).map((c) => ({ value: c.id, label: label(c) }))}
      fetching={candidates.isFetching}
      placeholder={t('tasks.filters.incidentPlaceholder')}
      nothingFound={t('tasks.filters.incidentNothingFound')}
    />
  );
}
