import '@mantine/dates/styles.css';
import 'dayjs/locale/es-mx';
import { INCIDENT_STATUSES, RSIT_CLASSES, SEVERITY_LEVELS, TLP_LEVELS, can, formatMxDateTime, incidentFiltersToSearchParams } from '@anc/domain';
import { Box, Button, Chip, Group, MultiSelect, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { DatePickerInput, type DatesRangeValue } from '@mantine/dates';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterPanel, SearchField } from '../../components/FilterPanel.tsx';
import { ButtonLink, CodeLink } from '../../components/links.tsx';
import { AgencyCode, ClockNote, ListEmptyState, LoadMoreFooter, ResponsiveList, keysetRows, usePhone } from '../../components/ListPage.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { useAgencyOptions } from '../../lib/agency-options.ts';
import { many } from '../../lib/search-params.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { DeadlineCountdown } from '../../components/Countdown.tsx';
import { OwnerName, useOwnerLabel } from './OwnerPanel.tsx';
import { formatMxDate, formatMxTime } from '../../lib/time.ts';
import { SeverityBadge, StatusBadge, TlpBadge, rsitClassLabel, statusLabel } from './labels.tsx';
import { type IncidentsSearch, type ObligationFilter, hasFilters, toIncidentFilters } from './search.ts';
import type { IncidentSummary } from './types.ts';
// Bulk triage, sortable columns, saved filters (issue 14): BulkActions.tsx, features/lists/.
import { INCIDENT_SORT_KEYS, type IncidentSortKey, type SortDirection } from '@anc/domain';
import { BulkBar, EMPTY_SELECTION, SelectPageCheckbox, SelectRowCheckbox, type BulkSelectionState } from './BulkActions.tsx';
import { SavedFiltersMenu } from '../lists/SavedFiltersMenu.tsx';
import { SortSelect } from '../lists/SortSelect.tsx';
import { SortableTh } from '../lists/SortableTh.tsx';
import { incidentSortOf, incidentsSearchFromView, toIncidentListView, withoutSort } from './search.ts';

/** The row's checkbox, for coordinators (null: no selection on this list). */
type RowSelect = { selection: BulkSelectionState; onChange: (s: BulkSelectionState) => void } | null;

const route = getRouteApi('/app/incidentes');
const COLUMNS = 9;

export function IncidentsListPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  useDocumentTitle(`${t('incidents.list.pageTitle')} · ${t('app.short')}`);
  const me = useCurrentUser();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/incidentes' });
  const seesAll = me.role === 'coordinator' || me.role === 'admin';
  // Staff see their own and what was shared with them; the Panel links them to their own alone.
  const filters = toIncidentFilters(search, { withAgency: seesAll || search.agencyId === me.agency.id });
  const filtered = hasFilters(search);
  const canCreate = can(me.role, 'incidents.create');
  const phone = usePhone();
  // Clearing from outside the filter panel (the empty state) also resets what it holds locally.
  const [resetKey, setResetKey] = useState(0);
  const clearFilters = () => {
    setResetKey((k) => k + 1);
    void navigate({ search: {}, replace: true });
  };

  // Bulk selection and sort (issue 14): the selection belongs to the filters it was made under.
  const bulk = me.role === 'coordinator';
  const sort = incidentSortOf(search);
  const onSort = (next: { sort: IncidentSortKey; dir: SortDirection }) => void navigate({ search: (prev) => ({ ...prev, ...next }), replace: true });
  const filtersKey = JSON.stringify(filters);
  const [picked, setPicked] = useState<{ key: string; selection: BulkSelectionState }>({ key: filtersKey, selection: EMPTY_SELECTION });
  const selection = picked.key === filtersKey ? picked.selection : EMPTY_SELECTION;
  const select: RowSelect = bulk ? { selection, onChange: (next) => setPicked({ key: filtersKey, selection: next }) } : null;
  const sortTh = (column: IncidentSortKey, label: string, w?: number) => <SortableTh column={column} current={sort} label={label} onSort={onSort} w={w} />;

  const incidents = useInfiniteQuery(
    trpc.incidents.list.infiniteQueryOptions(
      { ...filters, ...(search.sort ? { sort: sort.sort, dir: sort.dir } : {}) },
      {
        getNextPageParam: (page) => page.nextCursor ?? undefined,
        // While a new filter loads, the previous rows stay (dimmed) instead of blinking to skeletons.
        placeholderData: keepPreviousData,
      },
    ),
  );
  const { items, refreshing } = keysetRows(incidents);

  // What the current filters show, with headers and label columns in the portal's language.
  const exportParams = incidentFiltersToSearchParams(filters);
  exportParams.set('lang', locale);
  const exportHref = `/export/incidents.csv?${exportParams.toString()}`;

  return (
    <>
      <PageHeader
        title={t('incidents.list.title')}
        description={t('incidents.list.subtitle')}
        actions={
          <>
            <SavedFiltersMenu
              list="incidents"
              current={toIncidentListView(search, { withAgency: seesAll || search.agencyId === me.agency.id })}
              onApply={(filter) => {
                setResetKey((k) => k + 1);
                void navigate({ search: incidentsSearchFromView(filter.query), replace: true });
              }}
            />
            <Button
              component="a"
              href={exportHref}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="incidents-export"
            >
              {t('incidents.list.export')}
            </Button>
            {canCreate ? (
              <ButtonLink to="/incidentes/nuevo" leftSection={<IconPlus size={16} aria-hidden />} data-testid="incident-new">
                {t('incidents.list.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        <IncidentFiltersPanel
          key={resetKey}
          search={search}
          collapsible={phone}
          seesAll={seesAll}
          ownAgencyId={me.agency.id}
          onChange={(patch) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true })}
          onClear={clearFilters}
        />

        {incidents.error ? <QueryError error={incidents.error} onRetry={() => void incidents.refetch()} /> : null}

        {phone ? (
          <SortSelect keys={INCIDENT_SORT_KEYS} labelOf={(key) => t(`lists.sort.incidents.${key}`)} current={sort} onSort={onSort} testId="incidents-sort" />
        ) : null}
        {select ? <BulkBar selection={selection} rows={items} filters={filters} onChange={select.onChange} /> : null}

        <ClockNote testId="incidents-time-zone">{t('incidents.list.timeZoneNote', { zone: t('incidents.common.timeZoneInline') })}</ClockNote>

        <ResponsiveList
          name="incidents"
          phone={phone}
          loading={incidents.isPending}
          refreshing={refreshing}
          empty={
            incidents.data && items.length === 0 ? (
              <ListEmptyState
                name="incidents"
                filtered={filtered}
                title={filtered ? t('incidents.list.noMatchTitle') : t('incidents.list.emptyTitle')}
                body={filtered ? t('incidents.list.noMatchBody') : t('incidents.list.emptyBody')}
                create={canCreate ? { to: '/incidentes/nuevo', label: t('incidents.list.new') } : null}
                onClear={clearFilters}
              />
            ) : null
          }
          cardHeight={120}
          cards={items.map((incident) => (
            <IncidentCard key={incident.id} incident={incident} select={select} />
          ))}
          table={{
            label: t('incidents.list.tableLabel'),
            minWidth: 1000,
            columns: COLUMNS + (select ? 1 : 0),
            head: (
              <>
                {select ? (
                  <Table.Th scope="col" w={40}>
                    <SelectPageCheckbox rows={items} selection={select.selection} onChange={select.onChange} />
                  </Table.Th>
                ) : null}
                {sortTh('reference', t('incidents.list.columns.incident'))}
                <Table.Th scope="col" w={80}>
                  {t('incidents.list.columns.agency')}
                </Table.Th>
                {sortTh('status', t('incidents.list.columns.status'), 130)}
                {sortTh('severity', t('incidents.list.columns.severity'), 110)}
                <Table.Th scope="col" w={120}>
                  {t('incidents.list.columns.tlp')}
                </Table.Th>
                {/* On narrower screens the class goes under the title instead. */}
                <Table.Th scope="col" w={120} visibleFrom="xl">
                  {t('incidents.list.columns.rsitClass')}
                </Table.Th>
                {sortTh('reported', t('incidents.list.columns.created'), 110)}
                {sortTh('deadline', t('incidents.list.columns.nextDeadline'), 160)}
                {/* Like the class: on narrower screens the owner goes under the title instead. */}
                <Table.Th scope="col" w={150} visibleFrom="xl">
                  {t('owner.column')}
                </Table.Th>
              </>
            ),
            rows: items.map((incident) => <IncidentRow key={incident.id} incident={incident} select={select} />),
          }}
        />

        {incidents.data && items.length > 0 ? (
          <LoadMoreFooter
            name="incidents"
            shown={t('incidents.list.shown', { count: items.length })}
            hasMore={incidents.hasNextPage}
            loading={incidents.isFetchingNextPage}
            onLoadMore={() => void incidents.fetchNextPage()}
          />
        ) : null}
      </Stack>
    </>
  );
}

function IncidentRow({ incident, select }: { incident: IncidentSummary; select: RowSelect }) {
  const locale = useLocale();
  return (
    <Table.Tr data-testid="incident-row" data-reference={incident.reference}>
      {select ? (
        <Table.Td>
          <SelectRowCheckbox row={incident} selection={select.selection} onChange={select.onChange} />
        </Table.Td>
      ) : null}
      <Table.Td miw={200}>
        <CodeLink to="/incidentes/$incidentId" params={{ incidentId: incident.id }} data-testid="incident-link">
          {incident.reference}
        </CodeLink>
        <Text size="sm" lineClamp={2} title={incident.title}>
          {incident.title}
        </Text>
        <Text size="xs" c="dimmed" hiddenFrom="xl" data-testid="incident-rsit-class">
          {rsitClassLabel(incident.rsitClass, locale)}
        </Text>
        <Box hiddenFrom="xl">
          <IncidentCardOwner owner={incident.owner} />
        </Box>
      </Table.Td>
      <Table.Td>
        <AgencyCode agency={incident.agency} />
      </Table.Td>
      <Table.Td>
        <StatusBadge status={incident.status} size="sm" />
      </Table.Td>
      <Table.Td>
        <SeverityBadge level={incident.severity} size="sm" compact />
      </Table.Td>
      <Table.Td>
        <TlpBadge tlp={incident.tlp} size="sm" />
      </Table.Td>
      <Table.Td visibleFrom="xl">
        <Text size="xs">{rsitClassLabel(incident.rsitClass, locale)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {formatMxDate(incident.createdAt, locale)}
        </Text>
        <Text size="xs" c="dimmed">
          {formatMxTime(incident.createdAt, locale)}
        </Text>
      </Table.Td>
      <Table.Td>
        <NextDeadline incident={incident} />
      </Table.Td>
      <Table.Td visibleFrom="xl">
        <OwnerName owner={incident.owner} />
      </Table.Td>
    </Table.Tr>
  );
}

/** The next legal deadline of a list entry, or a dash. */
function NextDeadline({ incident }: { incident: IncidentSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!incident.nextObligation) {
    return (
      <Text size="sm" c="dimmed" aria-label={t('incidents.list.noDeadline')}>
        {t('incidents.common.none')}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t(`incidents.common.obligationKindsShort.${incident.nextObligation.kind}`)}
      </Text>
      <DeadlineCountdown
        dueAt={incident.nextObligation.dueAt}
        state={incident.nextObligation.state}
        style={{ whiteSpace: 'nowrap' }}
        title={formatMxDateTime(incident.nextObligation.dueAt, locale)}
      />
    </Stack>
  );
}

/** One incident on a phone: the same facts as a table row, stacked. */
function IncidentCard({ incident, select }: { incident: IncidentSummary; select: RowSelect }) {
  const locale = useLocale();
  return (
    <Paper p="sm" data-testid="incident-row" data-reference={incident.reference}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            {select ? <SelectRowCheckbox row={incident} selection={select.selection} onChange={select.onChange} /> : null}
            <CodeLink to="/incidentes/$incidentId" params={{ incidentId: incident.id }} data-testid="incident-link">
              {incident.reference}
            </CodeLink>
          </Group>
          <Text size="sm" ff="monospace" fw={600} title={agencyName(incident.agency, locale)}>
            {incident.agency.code}
          </Text>
        </Group>
        <Text size="sm" fw={500} lineClamp={3}>
          {incident.title}
        </Text>
        <Group gap={6} wrap="wrap">
          <StatusBadge status={incident.status} size="sm" />
          <SeverityBadge level={incident.severity} size="sm" compact />
          <TlpBadge tlp={incident.tlp} size="sm" withTooltip={false} />
        </Group>
        <Text size="xs" c="dimmed">
          {rsitClassLabel(incident.rsitClass, locale)} · {formatMxDateTime(incident.createdAt, locale)}
        </Text>
        <NextDeadline incident={incident} />
        <IncidentCardOwner owner={incident.owner} />
      </Stack>
    </Paper>
  );
}

/** The owner on a phone card and under the title on narrower screens: "Responsable: …" (owner, issue 14). */
function IncidentCardOwner({ owner }: { owner: IncidentSummary['owner'] }) {
  const { t } = useTranslation();
  const label = useOwnerLabel(owner);
  return (
    <Text size="xs" data-testid="incident-owner-line">
      <Text span size="xs" c="dimmed">
        {t('owner.column')}:
      </Text>{' '}
      {label ?? (
        <Text span size="xs" c="dimmed">
          {t('owner.none')}
        </Text>
      )}
    </Text>
  );
}

/** "Mis incidentes": a coordinator's own incidents (owner, issue 14); nothing for other roles. */
function MineFilter({ search, onChange }: { search: IncidentsSearch; onChange: (patch: Partial<IncidentsSearch>) => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (me.role !== 'coordinator') return null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id="incidents-filter-owner-label">
        {t('owner.mineGroup')}
      </Text>
      <Group gap="xs" wrap="nowrap" aria-labelledby="incidents-filter-owner-label" component="div">
        <Chip
          checked={search.owner === 'me'}
          onChange={() => onChange({ owner: search.owner === 'me' ? undefined : 'me' })}
          data-testid="incidents-filter-mine"
        >
          {t('owner.mine')}
        </Chip>
      </Group>
    </Stack>
  );
}

function IncidentFiltersPanel({
  search,
  seesAll,
  ownAgencyId,
  collapsible,
  onChange,
  onClear,
}: {
  search: IncidentsSearch;
  seesAll: boolean;
  ownAgencyId: string;
  collapsible: boolean;
  onChange: (patch: Partial<IncidentsSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [range, setRange] = useState<DatesRangeValue<string>>([search.from ?? null, search.to ?? null]);
  const agencies = useAgencyOptions({ includeInactive: true, enabled: seesAll });
  const [today] = useState(() => new Date());
  const active = Object.values(withoutSort(search)).filter((v) => v !== undefined).length;
  const toggleObligation = (value: ObligationFilter) => onChange({ obligation: search.obligation === value ? undefined : value });

  return (
    <FilterPanel
      name="incidents"
      collapsible={collapsible}
      toggleText={active ? t('incidents.list.filters.toggleActive', { count: active }) : t('incidents.list.filters.toggle')}
      columns={4}
      // Staff have no agency field: the Panel's links narrow to their own agency, said here.
      notes={
        !seesAll && search.agencyId === ownAgencyId
          ? [
              {
                text: t('incidents.list.filters.ownAgency'),
                removeLabel: t('incidents.list.filters.ownAgencyRemove'),
                onRemove: () => onChange({ agencyId: undefined }),
                testId: 'incidents-filter-own-agency',
              },
            ]
          : []
      }
      canClear={hasFilters(search)}
      onClear={onClear}
    >
      <SearchField
        label={t('incidents.list.filters.q')}
        placeholder={t('incidents.list.filters.qPlaceholder')}
        value={search.q}
        onSearch={(q) => onChange({ q })}
        testId="incidents-filter-q"
      />
      {seesAll ? (
        <Select
          label={t('incidents.list.filters.agency')}
          placeholder={t('incidents.list.filters.agencyAll')}
          data={agencies.options}
          value={search.agencyId ?? null}
          onChange={(value) => onChange({ agencyId: value ?? undefined })}
          searchable
          clearable
          nothingFoundMessage={t('incidents.list.filters.agencyNothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="incidents-filter-agency"
        />
      ) : null}
      <DatePickerInput
        type="range"
        label={t('incidents.list.filters.dates')}
        placeholder={t('incidents.list.filters.datesPlaceholder')}
        value={range}
        onChange={(value) => {
          setRange(value);
          const [from, to] = value;
          if ((from && to) || (!from && !to)) onChange({ from: from ?? undefined, to: to ?? undefined });
        }}
        allowSingleDateInRange
        clearable
        locale={locale === 'en' ? 'en' : 'es-mx'}
        valueFormat="D MMM YYYY"
        maxDate={today}
        clearButtonProps={{ 'aria-label': t('incidents.list.filters.clearDates') }}
        data-testid="incidents-filter-dates"
      />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="incidents-filter-obligation-label">
          {t('incidents.list.filters.obligation')}
        </Text>
        <Group gap="xs" wrap="nowrap" aria-labelledby="incidents-filter-obligation-label" component="div">
          <Chip checked={search.obligation === 'overdue'} onChange={() => toggleObligation('overdue')} color="red" data-testid="incidents-filter-overdue">
            {t('incidents.list.filters.overdue')}
          </Chip>
          <Chip checked={search.obligation === 'due_soon'} onChange={() => toggleObligation('due_soon')} color="orange" data-testid="incidents-filter-due-soon">
            {t('incidents.list.filters.dueSoon')}
          </Chip>
        </Group>
      </Stack>
      <MineFilter search={search} onChange={onChange} />
      <MultiSelect
        label={t('incidents.list.filters.status')}
        placeholder={search.status ? undefined : t('incidents.list.filters.any')}
        data={INCIDENT_STATUSES.map((s) => ({ value: s, label: statusLabel(s, locale) }))}
        value={search.status ?? []}
        onChange={(values) => onChange({ status: many(INCIDENT_STATUSES.filter((s) => values.includes(s))) })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="incidents-filter-status"
      />
      <MultiSelect
        label={t('incidents.list.filters.severity')}
        placeholder={search.severity ? undefined : t('incidents.list.filters.any')}
        data={SEVERITY_LEVELS.map((s) => ({ value: String(s.level), label: s.label[locale] }))}
        value={(search.severity ?? []).map(String)}
        onChange={(values) => onChange({ severity: many(SEVERITY_LEVELS.map((s) => s.level).filter((l) => values.includes(String(l)))) })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="incidents-filter-severity"
      />
      <MultiSelect
        label={t('incidents.list.filters.tlp')}
        placeholder={search.tlp ? undefined : t('incidents.list.filters.any')}
        data={TLP_LEVELS.map((level) => ({ value: level, label: `TLP:${level}` }))}
        value={search.tlp ?? []}
        onChange={(values) => onChange({ tlp: many(TLP_LEVELS.filter((l) => values.includes(l))) })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="incidents-filter-tlp"
      />
      <MultiSelect
        label={t('incidents.list.filters.rsitClass')}
        placeholder={search.rsitClass ? undefined : t('incidents.list.filters.any')}
        data={RSIT_CLASSES.map((c) => ({ value: c, label: rsitClassLabel(c, locale) }))}
        value={search.rsitClass ?? []}
        onChange={(values) => onChange({ rsitClass: many(RSIT_CLASSES.filter((c) => values.includes(c))) })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="incidents-filter-rsit-class"
      />
    </FilterPanel>
  );
}
