import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The words typed into a picker, and the same after a pause (what is sent to the server). */
export function useSearchTerm() {
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  return { search, setSearch, query };
}

export interface PickerFieldProps {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
  description?: string;
  error?: string | null;
  testId: string;
  id?: string;
}

/**
 * A select over records the server searches (nothing is filtered here): the chosen record keeps
 * its label while the search changes, and the candidates are the server's answer to the words typed.
 */
export function SearchPicker({
  field,
  term,
  chosenLabel,
  candidates,
  fetching,
  placeholder,
  nothingFound,
}: {
  field: PickerFieldProps;
  term: ReturnType<typeof useSearchTerm>;
  chosenLabel: string | null;
  candidates: readonly { value: string; label: string }[];
  fetching: boolean;
  placeholder: string;
  nothingFound: string;
}) {
  const { t } = useTranslation();
  const { value } = field;
  const options = [...(value ? [{ value, label: chosenLabel ?? t('common.loading') }] : []), ...candidates.filter((c) => c.value !== value)];
  return (
    <Select
      id={field.id}
      label={field.label}
      description={field.description}
      placeholder={placeholder}
      data={options}
      value={value}
      onChange={(next) => field.onChange(next)}
      searchable
      searchValue={term.search}
      onSearchChange={term.setSearch}
      filter={({ options: all }) => all}
      clearable
      nothingFoundMessage={fetching ? t('common.loading') : nothingFound}
      comboboxProps={{ withinPortal: true }}
      error={field.error}
      data-testid={field.testId}
    />
  );
}

/** The words to send: none while the search box shows the chosen record's own label. */
export const searchQuery = (term: ReturnType<typeof useSearchTerm>, chosenLabel: string | null) =>
  term.query && term.query !== chosenLabel ? term.query : undefined;
