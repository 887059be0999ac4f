import { INITIATIVE_STATUSES, TRANSVERSAL_AXES } from '@anc/domain';
import { MultiSelect, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FilterPanel, SearchField } from '../../components/FilterPanel.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useAgencyOptions } from '../../lib/agency-options.ts';
import { many } from '../../lib/search-params.ts';
import { axisLabel, initiativeStatusLabel, objectiveOptions } from './labels.tsx';
import { type InitiativesSearch, countInitiativeFilters } from './search.ts';

export function InitiativeFiltersPanel({
  search,
  collapsible,
  onChange,
  onClear,
}: {
  search: InitiativesSearch;
  collapsible: boolean;
  onChange: (patch: Partial<InitiativesSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useAgencyOptions({ includeInactive: true });
  const participant = search.agencyId ? agencies.items.find((a) => a.id === search.agencyId) : undefined;
  const active = countInitiativeFilters(search);

  return (
    <FilterPanel
      name="initiatives"
      label={t('initiatives.list.filters.label')}
      collapsible={collapsible}
      toggleText={active ? t('initiatives.list.filters.toggleActive', { count: active }) : t('initiatives.list.filters.toggle')}
      columns={5}
      // The Panel's links for staff: the initiatives their agency leads or takes part in.
      notes={
        search.agencyId
          ? [
              {
                text: t('initiatives.list.filters.agency', { agency: participant ? participant.code : '…' }),
                removeLabel: t('initiatives.list.filters.agencyRemove'),
                onRemove: () => onChange({ agencyId: undefined }),
                testId: 'initiatives-filter-agency',
              },
            ]
          : []
      }
      canClear={active > 0}
      onClear={onClear}
    >
      <SearchField
        label={t('initiatives.list.filters.q')}
        placeholder={t('initiatives.list.filters.qPlaceholder')}
        value={search.q}
        onSearch={(q) => onChange({ q })}
        testId="initiatives-filter-q"
      />
      <Select
        label={t('initiatives.list.filters.objective')}
        placeholder={t('initiatives.list.filters.objectiveAll')}
        data={objectiveOptions(locale)}
        value={search.objective ?? null}
        onChange={(value) => onChange({ objective: objectiveOptions(locale).find((o) => o.value === value)?.value })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="initiatives-filter-objective"
      />
      <Select
        label={t('initiatives.list.filters.axis')}
        placeholder={t('initiatives.list.filters.axisAll')}
        data={TRANSVERSAL_AXES.map((a) => ({ value: a, label: axisLabel(a, locale) }))}
        value={search.axis ?? null}
        onChange={(value) => onChange({ axis: TRANSVERSAL_AXES.find((a) => a === value) })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="initiatives-filter-axis"
      />
      <MultiSelect
        label={t('initiatives.list.filters.status')}
        placeholder={search.status ? undefined : t('initiatives.list.filters.statusAll')}
        data={INITIATIVE_STATUSES.map((s) => ({ value: s, label: initiativeStatusLabel(s, locale) }))}
        value={search.status ?? []}
        onChange={(values) => onChange({ status: many(INITIATIVE_STATUSES.filter((s) => values.includes(s))) })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="initiatives-filter-status"
      />
      <Select
        label={t('initiatives.list.filters.lead')}
        placeholder={t('initiatives.list.filters.leadAll')}
        data={agencies.options}
        value={search.leadAgencyId ?? null}
        onChange={(value) => onChange({ leadAgencyId: value ?? undefined })}
        searchable
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="initiatives-filter-lead"
      />
    </FilterPanel>
  );
}
