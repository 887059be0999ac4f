import { INITIATIVE_STATUSES, TRANSVERSAL_AXES } from '@anc/domain';
import { Button, CloseButton, Collapse, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconChevronDown, IconFilter, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';
import { axisLabel, initiativeStatusLabel, objectiveOptions } from './labels.tsx';
import { type InitiativesSearch, countInitiativeFilters } from './search.ts';

const many = <T,>(values: T[]) => (values.length ? values : undefined);

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
  const [text, setText] = useState(search.q ?? '');
  const setQuery = useDebouncedCallback((q: string) => onChange({ q: q.trim() || undefined }), 350);
  const agencies = useQuery(trpc.agencies.list.queryOptions({ includeInactive: true }));
  const agencyList = (agencies.data?.items ?? []).toSorted((a, b) => a.code.localeCompare(b.code));
  const participant = search.agencyId ? agencyList.find((a) => a.id === search.agencyId) : undefined;
  const [open, setOpen] = useState(false);
  const active = countInitiativeFilters(search);

  return (
    <Paper p="md" data-testid="initiatives-filters" component="section" aria-label={t('initiatives.list.filters.label')}>
      {collapsible ? (
        <Button
          variant="subtle"
          fullWidth
          justify="space-between"
          rightSection={<IconChevronDown size={16} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined }} />}
          leftSection={<IconFilter size={16} aria-hidden />}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls="initiatives-filter-fields"
          mb={open ? 'sm' : 0}
          data-testid="initiatives-filters-toggle"
        >
          {active ? t('initiatives.list.filters.toggleActive', { count: active }) : t('initiatives.list.filters.toggle')}
        </Button>
      ) : null}
      <Collapse expanded={!collapsible || open} id="initiatives-filter-fields">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="md" verticalSpacing="sm">
            <TextInput
              label={t('initiatives.list.filters.q')}
              placeholder={t('initiatives.list.filters.qPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setQuery(e.currentTarget.value);
              }}
              data-testid="initiatives-filter-q"
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
              data={agencyList.map((a) => ({ value: a.id, label: `${a.code} — ${agencyName(a, locale)}` }))}
              value={search.leadAgencyId ?? null}
              onChange={(value) => onChange({ leadAgencyId: value ?? undefined })}
              searchable
              clearable
              comboboxProps={{ withinPortal: true }}
              data-testid="initiatives-filter-lead"
            />
          </SimpleGrid>
          {search.agencyId || active > 0 ? (
            <Group justify="space-between" gap="sm">
              {search.agencyId ? (
                <Group gap={4} wrap="nowrap" data-testid="initiatives-filter-agency">
                  <Text size="sm">
                    {t('initiatives.list.filters.agency', { agency: participant ? participant.code : '…' })}
                  </Text>
                  <CloseButton size="sm" aria-label={t('initiatives.list.filters.agencyRemove')} onClick={() => onChange({ agencyId: undefined })} />
                </Group>
              ) : (
                <span />
              )}
              {active > 0 ? (
                <Button
                  variant="subtle"
                  color="gray"
                  size="xs"
                  leftSection={<IconFilterOff size={16} aria-hidden />}
                  onClick={onClear}
                  data-testid="initiatives-clear-filters"
                >
                  {t('common.clearFilters')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      </Collapse>
    </Paper>
  );
}
