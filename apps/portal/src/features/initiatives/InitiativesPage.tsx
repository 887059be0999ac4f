/**
 * /iniciativas: the master-plan registry. The plan in numbers on top, then every initiative
 * grouped by strategic objective, with its status, lead agency, progress, late milestones and
 * budget. Every filter lives in the address (the Panel links here with them).
 */
import { ENCS_OBJECTIVES, type EncsObjective, can } from '@anc/domain';
import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlarm, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, CodeLink } from '../../components/links.tsx';
import { AgencyCode, ListEmptyState, LoadMoreFooter, keysetRows, usePhone } from '../../components/ListPage.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TableStatusRows } from '../../components/TableStatusRows.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { formatMxn } from '../../lib/money.ts';
import { InitiativeFiltersPanel } from './InitiativeFiltersPanel.tsx';
import { InitiativeProgress, InitiativeStatusBadge, OBJECTIVE_COLORS, objectiveLabel } from './labels.tsx';
import { PlanSummaryHeader } from './PlanSummaryHeader.tsx';
import { type InitiativesSearch, hasInitiativeFilters, toInitiativeFilters } from './search.ts';
import type { InitiativeSummary } from './types.ts';

const route = getRouteApi('/app/iniciativas');
const COLUMNS = 6;
const PAGE = 100;

export function InitiativesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('initiatives.list.pageTitle')} · ${t('app.short')}`);
  const me = useCurrentUser();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/iniciativas' });
  const filtered = hasInitiativeFilters(search);
  const canCreate = can(me.role, 'initiatives.create');
  const phone = usePhone();
  const [resetKey, setResetKey] = useState(0);
  const clearFilters = () => {
    setResetKey((k) => k + 1);
    void navigate({ search: {}, replace: true });
  };
  const patch = (change: Partial<InitiativesSearch>) => void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });

  const list = useInfiniteQuery(
    trpc.initiatives.list.infiniteQueryOptions(
      { ...toInitiativeFilters(search), limit: PAGE },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const { items, refreshing } = keysetRows(list);
  const groups = ENCS_OBJECTIVES.map((objective) => ({ objective, items: items.filter((i) => i.objective === objective) })).filter((g) => g.items.length > 0);

  return (
    <>
      <PageHeader
        title={t('initiatives.list.title')}
        description={t('initiatives.list.subtitle')}
        actions={
          canCreate ? (
            <ButtonLink to="/iniciativas/nueva" leftSection={<IconPlus size={16} aria-hidden />} data-testid="initiative-new">
              {t('initiatives.list.new')}
            </ButtonLink>
          ) : null
        }
      />
      <Stack gap="md">
        <PlanSummaryHeader agencyId={search.agencyId} />
        <InitiativeFiltersPanel key={resetKey} search={search} collapsible={phone} onChange={patch} onClear={clearFilters} />
        {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}

        {list.isPending ? (
          <Stack gap="sm" aria-busy="true" aria-label={t('common.loading')} data-testid="initiatives-loading">
            <Skeleton height={28} width={260} />
            <Skeleton height={220} radius="md" />
          </Stack>
        ) : null}

        {list.data && items.length === 0 ? (
          <Paper p="md">
            <ListEmptyState
              name="initiatives"
              filtered={filtered}
              title={filtered ? t('initiatives.list.noMatchTitle') : t('initiatives.list.emptyTitle')}
              body={filtered ? t('initiatives.list.noMatchBody') : t('initiatives.list.emptyBody')}
              create={canCreate ? { to: '/iniciativas/nueva', label: t('initiatives.list.new') } : null}
              onClear={clearFilters}
            />
          </Paper>
        ) : null}

        <Stack gap="lg" aria-busy={refreshing} style={{ opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' }} data-testid="initiatives-groups">
          {groups.map((group) => (
            <ObjectiveGroup key={group.objective} objective={group.objective} items={group.items} phone={phone} />
          ))}
        </Stack>

        {list.data && items.length > 0 ? (
          <LoadMoreFooter
            name="initiatives"
            shown={t('initiatives.list.shown', { count: items.length })}
            hasMore={list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
            sayNoMore={false}
          />
        ) : null}
      </Stack>
    </>
  );
}

function ObjectiveGroup({ objective, items, phone }: { objective: EncsObjective; items: InitiativeSummary[]; phone: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = `objective-${objective}`;
  return (
    <section aria-labelledby={headingId} data-testid="initiative-group" data-objective={objective}>
      <Group gap="sm" mb="xs" align="center">
        <Title order={2} fz="lg" id={headingId}>
          {objectiveLabel(objective, locale)}
        </Title>
        <Badge variant="light" color={OBJECTIVE_COLORS[objective]} size="sm" data-testid="initiative-group-count">
          {t('initiatives.list.groupCount', { count: items.length })}
        </Badge>
      </Group>
      {phone ? (
        <Stack gap="sm">
          {items.map((initiative) => (
            <InitiativeCard key={initiative.id} initiative={initiative} />
          ))}
        </Stack>
      ) : (
        <Paper p={0}>
          <Table.ScrollContainer minWidth={880}>
            <Table
              layout="fixed"
              aria-label={t('initiatives.list.tableLabel', { objective: objectiveLabel(objective, locale) })}
              data-testid="initiatives-table"
              verticalSpacing="sm"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('initiatives.list.columns.initiative')}</Table.Th>
                  <Table.Th scope="col" w={130}>
                    {t('initiatives.list.columns.status')}
                  </Table.Th>
                  <Table.Th scope="col" w={100}>
                    {t('initiatives.list.columns.lead')}
                  </Table.Th>
                  <Table.Th scope="col" w={190}>
                    {t('initiatives.list.columns.progress')}
                  </Table.Th>
                  <Table.Th scope="col" w={160}>
                    {t('initiatives.list.columns.late')}
                  </Table.Th>
                  <Table.Th scope="col" w={160} ta="right">
                    {t('initiatives.list.columns.budget')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <TableStatusRows loading={false} empty={items.length === 0} columns={COLUMNS} emptyText="" />
                {items.map((initiative) => (
                  <InitiativeRow key={initiative.id} initiative={initiative} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </section>
  );
}

function LateMilestones({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="initiative-late" data-count={0}>
        {t('initiatives.common.noneLate')}
      </Text>
    );
  }
  return (
    <Badge color="red.8" variant="filled" leftSection={<IconAlarm size={12} aria-hidden />} data-testid="initiative-late" data-count={count}>
      {t('initiatives.common.late', { count })}
    </Badge>
  );
}

function InitiativeRow({ initiative }: { initiative: InitiativeSummary }) {
  const { t } = useTranslation();
  const counts = initiative.milestoneCounts;
  return (
    <Table.Tr data-testid="initiative-row" data-code={initiative.code}>
      <Table.Td miw={240}>
        <CodeLink to="/iniciativas/$initiativeId" params={{ initiativeId: initiative.id }} data-testid="initiative-link">
          {initiative.code}
        </CodeLink>
        <Text size="sm" lineClamp={2} title={initiative.title}>
          {initiative.title}
        </Text>
      </Table.Td>
      <Table.Td>
        <InitiativeStatusBadge status={initiative.status} size="sm" />
      </Table.Td>
      <Table.Td>
        <AgencyCode agency={initiative.leadAgency} />
      </Table.Td>
      <Table.Td>
        <InitiativeProgress progress={initiative.progress} size="sm" label={t('initiatives.common.progressOf', { code: initiative.code })} />
        <Text size="xs" c="dimmed">
          {counts.total ? t('initiatives.common.milestonesDone', { done: counts.done, count: counts.total }) : t('initiatives.common.noMilestones')}
        </Text>
      </Table.Td>
      <Table.Td>
        <LateMilestones count={initiative.lateMilestones} />
      </Table.Td>
      <Table.Td ta="right">
        <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="initiative-budget">
          {formatMxn(initiative.budgetMxn).replace(/ MXN$/, '')}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** One initiative on a phone: the same facts as a table row, stacked. */
function InitiativeCard({ initiative }: { initiative: InitiativeSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper p="sm" data-testid="initiative-row" data-code={initiative.code}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <CodeLink to="/iniciativas/$initiativeId" params={{ initiativeId: initiative.id }} data-testid="initiative-link">
            {initiative.code}
          </CodeLink>
          <InitiativeStatusBadge status={initiative.status} size="sm" />
        </Group>
        <Text size="sm" fw={500} lineClamp={3}>
          {initiative.title}
        </Text>
        <InitiativeProgress progress={initiative.progress} size="sm" label={t('initiatives.common.progressOf', { code: initiative.code })} />
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed" title={agencyName(initiative.leadAgency, locale)}>
            {initiative.leadAgency.code} · {formatMxn(initiative.budgetMxn)}
          </Text>
          <LateMilestones count={initiative.lateMilestones} />
        </Group>
      </Stack>
    </Paper>
  );
}
