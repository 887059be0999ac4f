/**
 * /alertas: coordinators and admins see every advisory (filter by state) with how the addressed
 * agencies stand; staff see the published and closed advisories addressed to their agency, with
 * their agency's current answer.
 */
import { ADVISORY_STATUSES, formatMxDateTime, seesEveryIncident, type AdvisoryStatus } from '@anc/domain';
import { Badge, Box, Group, Paper, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, CodeLink } from '../../components/links.tsx';
import { LoadMoreFooter, keysetRows } from '../../components/ListPage.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { TlpBadge } from '../incidents/labels.tsx';
import { AdvisoryStatusBadge, AnswerBadge } from './labels.tsx';
import type { AdvisorySummary } from './types.ts';

const PAGE = 25;

export function AdvisoriesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const anc = seesEveryIncident(user);
  useDocumentTitle(`${t('advisories.list.pageTitle')} · ${t('app.short')}`);
  const [status, setStatus] = useState<'all' | AdvisoryStatus>('all');
  const list = useInfiniteQuery(
    trpc.advisories.list.infiniteQueryOptions(
      { limit: PAGE, ...(status === 'all' ? {} : { status: [status] }) },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, placeholderData: keepPreviousData },
    ),
  );
  const { items } = keysetRows(list);
  const statuses = anc ? ADVISORY_STATUSES : ADVISORY_STATUSES.filter((s) => s !== 'draft');

  return (
    <Stack gap="md">
      <PageHeader
        title={t('advisories.list.title')}
        description={anc ? t('advisories.list.subtitleAnc') : t('advisories.list.subtitleStaff')}
        actions={
          user.role === 'coordinator' ? (
            <ButtonLink to="/alertas/nueva" leftSection={<IconPlus size={16} aria-hidden />} data-testid="advisories-new">
              {t('advisories.list.new')}
            </ButtonLink>
          ) : null
        }
      />
      <SegmentedControl
        aria-label={t('advisories.list.filter')}
        value={status}
        onChange={(v) => setStatus(v as typeof status)}
        data={[{ value: 'all', label: t('advisories.list.all') }, ...statuses.map((s) => ({ value: s, label: t(`advisories.status.${s}`) }))]}
        data-testid="advisories-filter"
        style={{ alignSelf: 'flex-start' }}
      />
      {list.isError ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      <Paper p={0} style={{ overflowX: 'auto' }}>
        <Table verticalSpacing="sm" horizontalSpacing="md" aria-label={t('advisories.list.tableLabel')} data-testid="advisories-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('advisories.list.columns.advisory')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('advisories.list.columns.status')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('advisories.list.columns.respondBy')}</Table.Th>
              <Table.Th>{anc ? t('advisories.list.columns.answers') : t('advisories.list.columns.yourAnswer')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => (
              <AdvisoryRow key={a.id} advisory={a} anc={anc} locale={locale} />
            ))}
            {list.isSuccess && items.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text c="dimmed" size="sm" data-testid="advisories-empty">
                    {anc ? t('advisories.list.empty') : t('advisories.list.emptyStaff')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : null}
          </Table.Tbody>
        </Table>
      </Paper>
      <LoadMoreFooter
        name="advisories"
        shown={t('advisories.list.shown', { count: items.length })}
        hasMore={Boolean(list.hasNextPage)}
        loading={list.isFetchingNextPage}
        onLoadMore={() => void list.fetchNextPage()}
        sayNoMore={false}
      />
    </Stack>
  );
}

function AdvisoryRow({ advisory: a, anc, locale }: { advisory: AdvisorySummary; anc: boolean; locale: 'es-MX' | 'en' }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid={`advisory-row-${a.reference}`}>
      <Table.Td style={{ minWidth: 200 }}>
        <Stack gap={2}>
          <CodeLink to="/alertas/$advisoryId" params={{ advisoryId: a.id }} data-testid="advisory-link">
            {a.reference}
          </CodeLink>
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {a.title}
          </Text>
          <Group gap={4}>
            <TlpBadge tlp={a.tlp} size="xs" />
            <Box hiddenFrom="sm">
              <AdvisoryStatusBadge status={a.status} size="xs" />
            </Box>
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <AdvisoryStatusBadge status={a.status} size="sm" />
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm">{formatMxDateTime(a.respondBy, locale)}</Text>
      </Table.Td>
      <Table.Td>
        {anc ? (
          a.counts && a.status !== 'draft' ? (
            <Text size="sm" data-testid="advisory-counts">
              {t('advisories.list.counts', a.counts)}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )
        ) : a.ownAnswer ? (
          <AnswerBadge status={a.ownAnswer.status} size="sm" testId="advisory-own-answer" />
        ) : a.overdue ? (
          <Badge color="red" size="sm" data-testid="advisory-own-answer">
            {t('advisories.list.overdue')}
          </Badge>
        ) : (
          <Text size="sm" c="dimmed" data-testid="advisory-own-answer">
            {t('advisories.list.noAnswer')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
