/**
 * What the list pages (incidents, tasks, initiatives, notifications) share: the phone breakpoint,
 * the rows of a keyset-paginated query, the table (cards on a phone) with its loading and empty
 * states, the "nothing here / nothing matches" message, the agency cell, and the footer that counts
 * what is shown and loads more ("Cargar más").
 */
import { Button, Group, Paper, Skeleton, Stack, Table, Text, Tooltip, VisuallyHidden, em } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconClock, IconFilterOff, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyName, useLocale } from '../i18n/index.ts';
import { ButtonLink } from './links.tsx';
import { TableStatusRows } from './TableStatusRows.tsx';

/** Below Mantine's `sm` breakpoint lists become cards and filters fold away. */
export function usePhone(): boolean {
  return useMediaQuery(`(max-width: ${em(767.98)})`) ?? false;
}

/** The rows of every page loaded so far, and whether the previous rows are shown (dimmed) while new filters load. */
export function keysetRows<T>(query: { data: { pages: readonly { items: readonly T[] }[] } | undefined; isPlaceholderData: boolean; isFetching: boolean }): {
  items: T[];
  refreshing: boolean;
} {
  return { items: query.data?.pages.flatMap((page) => page.items) ?? [], refreshing: query.isPlaceholderData && query.isFetching };
}

const dimmed = (refreshing: boolean) => ({ opacity: refreshing ? 0.6 : 1, transition: 'opacity 150ms' });

/** A table on a wide screen, cards on a phone; skeletons while loading and `empty` once loaded with nothing. */
export function ResponsiveList({
  name,
  phone,
  loading,
  refreshing,
  empty,
  cardHeight,
  cards,
  table,
}: {
  /** `<name>-cards`, `<name>-table`. */
  name: string;
  phone: boolean;
  loading: boolean;
  refreshing: boolean;
  /** What to say when the list loaded empty; null otherwise. */
  empty: ReactNode;
  cardHeight: number;
  cards: ReactNode;
  table: { label: string; minWidth: number; columns: number; head: ReactNode; rows: ReactNode };
}) {
  if (phone) {
    return (
      <Stack gap="sm" data-testid={`${name}-cards`} aria-busy={refreshing} style={{ opacity: refreshing ? 0.6 : 1 }}>
        {loading ? Array.from({ length: 4 }, (_, i) => <Skeleton key={i} height={cardHeight} radius="md" />) : null}
        {empty ? <Paper p="md">{empty}</Paper> : null}
        {cards}
      </Stack>
    );
  }
  return (
    <Paper p={0} aria-busy={refreshing} style={dimmed(refreshing)}>
      <Table.ScrollContainer minWidth={table.minWidth}>
        <Table aria-label={table.label} data-testid={`${name}-table`}>
          <Table.Thead>
            <Table.Tr>{table.head}</Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <TableStatusRows loading={loading} empty={false} columns={table.columns} emptyText="" />
            {empty ? (
              <Table.Tr>
                <Table.Td colSpan={table.columns}>{empty}</Table.Td>
              </Table.Tr>
            ) : null}
            {table.rows}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** Where an empty list's "create" button leads. */
export type CreatePath = '/incidentes/nuevo' | '/tareas/nueva' | '/iniciativas/nueva';

/** Nothing at all (with the way to create the first), or nothing that matches the filters (with the way out). */
export function ListEmptyState({
  name,
  filtered,
  title,
  body,
  create,
  onClear,
}: {
  /** `<name>-no-match` or `<name>-empty`. */
  name: string;
  filtered: boolean;
  title: string;
  body: string;
  create: { to: CreatePath; label: string } | null;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Stack align="center" gap="xs" py="xl" data-testid={filtered ? `${name}-no-match` : `${name}-empty`}>
      <Text fw={600} ta="center">
        {title}
      </Text>
      <Text size="sm" c="dimmed" ta="center" maw={520}>
        {body}
      </Text>
      {filtered ? (
        <Button variant="default" size="xs" leftSection={<IconFilterOff size={14} aria-hidden />} onClick={onClear}>
          {t('common.clearFilters')}
        </Button>
      ) : create ? (
        <ButtonLink to={create.to} size="xs" leftSection={<IconPlus size={14} aria-hidden />}>
          {create.label}
        </ButtonLink>
      ) : null}
    </Stack>
  );
}

/** How many are shown, and "Cargar más" while the server has more (or "no more", when `sayNoMore`). */
export function LoadMoreFooter({
  name,
  shown,
  hasMore,
  loading,
  onLoadMore,
  sayNoMore = true,
}: {
  /** `<name>-count`, `<name>-load-more`. */
  name: string;
  shown: string;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  sayNoMore?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="center">
      <Text size="sm" c="dimmed" aria-live="polite" data-testid={`${name}-count`}>
        {shown}
      </Text>
      {hasMore ? (
        <Button variant="default" onClick={onLoadMore} loading={loading} data-testid={`${name}-load-more`}>
          {t('common.loadMore')}
        </Button>
      ) : sayNoMore ? (
        <Text size="sm" c="dimmed">
          {t('common.noMore')}
        </Text>
      ) : null}
    </Group>
  );
}

/** An agency in a table cell: its code, its name on hover and for screen readers. */
export function AgencyCode({ agency }: { agency: { code: string; name: string; nameEn: string } }) {
  const locale = useLocale();
  return (
    <Tooltip label={agencyName(agency, locale)} withinPortal>
      <Text size="sm" ff="monospace" fw={600} span>
        {agency.code}
        <VisuallyHidden> — {agencyName(agency, locale)}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}

/** "All times: Mexico City (UTC−6)": under a list, or under a record's facts. */
export function ClockNote({ testId, mt, children }: { testId: string; mt?: string; children: ReactNode }) {
  return (
    <Group gap={6} c="dimmed" mt={mt}>
      <IconClock size={14} aria-hidden />
      <Text size="xs" data-testid={testId}>
        {children}
      </Text>
    </Group>
  );
}
