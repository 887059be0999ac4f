/**
 * /directorio: staff see and keep their own agency's entry; coordinators and admins the whole
 * directory with each agency's state, a state filter (in the address) and a link to each entry.
 */
import { DESIGNATION_STATES, type DesignationState } from '@anc/domain';
import { Badge, Group, Paper, SegmentedControl, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CodeLink } from '../../components/links.tsx';
import { usePhone } from '../../components/ListPage.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TableStatusRows } from '../../components/TableStatusRows.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { DirectoryEntryView } from './DirectoryEntryView.tsx';
import { DesignationStateBadge, useRoleList } from './labels.tsx';
import type { DirectoryListItem } from './types.ts';

export interface DirectorySearch {
  state?: DesignationState;
}

export const validateDirectorySearch = (search: Record<string, unknown>): DirectorySearch => ({
  state: DESIGNATION_STATES.find((s) => s === search.state),
});

const route = getRouteApi('/app/directorio');

export function DirectoryPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('directory.pageTitle')} · ${t('app.short')}`);
  const me = useCurrentUser();
  if (me.role === 'staff') {
    return (
      <>
        <PageHeader title={t('directory.pageTitle')} description={t('directory.ownDescription')} />
        <OwnEntry agencyId={me.agency.id} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('directory.pageTitle')} description={t('directory.description')} />
      <DirectoryList />
    </>
  );
}

export function OwnEntry({ agencyId }: { agencyId: string }) {
  const entry = useQuery(trpc.directory.get.queryOptions({ agencyId }));
  if (entry.error) return <QueryError error={entry.error} onRetry={() => void entry.refetch()} />;
  if (!entry.data) return <Skeleton height={420} radius="md" />;
  return <DirectoryEntryView entry={entry.data} />;
}

function DirectoryList() {
  const { t } = useTranslation();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/directorio' });
  const phone = usePhone();
  const list = useQuery({ ...trpc.directory.list.queryOptions({ state: search.state }), placeholderData: keepPreviousData });
  const counts = list.data?.counts;
  const items = list.data?.items ?? [];
  const total = counts ? DESIGNATION_STATES.reduce((n, s) => n + counts[s], 0) : 0;

  return (
    <Stack gap="md">
      <Paper p="sm">
        <Stack gap={6}>
          <Text size="sm" fw={600} id="directory-filter-label">
            {t('directory.list.filter')}
          </Text>
          <SegmentedControl
            aria-labelledby="directory-filter-label"
            data-testid="directory-filter"
            fullWidth={phone}
            orientation={phone ? 'vertical' : 'horizontal'}
            value={search.state ?? 'all'}
            onChange={(value) => void navigate({ search: { state: value === 'all' ? undefined : (value as DesignationState) }, replace: true })}
            data={[
              { value: 'all', label: `${t('directory.list.all')} (${total})` },
              ...DESIGNATION_STATES.map((s) => ({ value: s, label: `${t(`directory.states.${s}`)} (${counts?.[s] ?? 0})` })),
            ]}
          />
        </Stack>
      </Paper>
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {phone ? <DirectoryCards items={items} loading={list.isPending} /> : <DirectoryTable items={items} loading={list.isPending} />}
    </Stack>
  );
}

function DirectoryTable({ items, loading }: { items: DirectoryListItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const roleList = useRoleList();
  return (
    <Paper p={0}>
      <Table.ScrollContainer minWidth={820}>
        <Table aria-label={t('directory.pageTitle')} data-testid="directory-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('directory.list.agency')}</Table.Th>
              <Table.Th>{t('directory.list.state')}</Table.Th>
              <Table.Th>{t('directory.list.roles')}</Table.Th>
              <Table.Th>{t('directory.list.ric')}</Table.Th>
              <Table.Th>{t('directory.list.emergency')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableStatusRows loading={loading} empty={!loading && items.length === 0} columns={5} emptyText={t('directory.list.empty')} />
            {items.map((i) => (
              <Table.Tr key={i.agency.id} data-testid={`directory-row-${i.agency.code}`}>
                <Table.Td>
                  <CodeLink to="/directorio/$agencyId" params={{ agencyId: i.agency.id }} aria-label={t('directory.list.open', { agency: i.agency.code })}>
                    {i.agency.code}
                  </CodeLink>
                  <Text size="xs" c="dimmed">
                    {agencyName(i.agency, locale)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <DesignationStateBadge state={i.designationState} testId={`directory-state-${i.agency.code}`} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{i.designatedRoles.length ? roleList(i.designatedRoles) : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{i.ricName ?? '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={i.emergencyContact ? 'teal' : 'gray'}>
                    {i.emergencyContact ? t('directory.list.yes') : t('directory.list.no')}
                  </Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function DirectoryCards({ items, loading }: { items: DirectoryListItem[]; loading: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const roleList = useRoleList();
  if (loading) return <Skeleton height={300} radius="md" />;
  if (items.length === 0) return <Paper p="md">{t('directory.list.empty')}</Paper>;
  return (
    <Stack gap="sm" data-testid="directory-cards">
      {items.map((i) => (
        <Paper key={i.agency.id} p="sm" data-testid={`directory-row-${i.agency.code}`}>
          <Group justify="space-between" wrap="nowrap" gap="xs">
            <CodeLink to="/directorio/$agencyId" params={{ agencyId: i.agency.id }} aria-label={t('directory.list.open', { agency: i.agency.code })}>
              {i.agency.code}
            </CodeLink>
            <DesignationStateBadge state={i.designationState} testId={`directory-state-${i.agency.code}`} />
          </Group>
          <Text size="xs" c="dimmed">
            {agencyName(i.agency, locale)}
          </Text>
          <Text size="sm" mt={4}>
            {t('directory.list.roles')}: {i.designatedRoles.length ? roleList(i.designatedRoles) : '—'}
          </Text>
          <Text size="sm">
            {t('directory.list.emergency')}: {i.emergencyContact ? t('directory.list.yes') : t('directory.list.no')}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
