/**
 * Coordinators' overview: per agency with work outstanding, how many tasks are open, overdue and
 * waiting for review. Every number is a link that shows exactly those tasks in the list below.
 */
import { Button, Collapse, Group, Paper, ScrollArea, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAlarm, IconChevronDown } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TableStatusRows } from '../../components/TableStatusRows.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';
import { OPEN_STATUSES, type TasksSearch } from './search.ts';
import type { AgencyTaskCounts } from './types.ts';

type Measure = 'open' | 'overdue' | 'inReview';

/** The list's filters that show the tasks behind one number. */
function searchFor(agencyId: string, measure: Measure): TasksSearch {
  const base: TasksSearch = { view: 'list', agencyId };
  if (measure === 'overdue') return { ...base, due: 'overdue' };
  if (measure === 'inReview') return { ...base, status: ['in_review'] };
  return { ...base, status: [...OPEN_STATUSES] };
}

export function AgencySummary({ selectedAgencyId }: { selectedAgencyId: string | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(true);
  const summary = useQuery(trpc.tasks.summary.queryOptions());
  const rows = summary.data?.items ?? [];
  return (
    <Paper p="md" component="section" aria-labelledby="tasks-summary-title" data-testid="tasks-summary">
      <Group justify="space-between" gap="sm" wrap="nowrap">
        <div>
          <Title order={2} fz="lg" id="tasks-summary-title">
            {t('tasks.summary.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('tasks.summary.hint')}
          </Text>
        </div>
        <Button
          variant="subtle"
          color="gray"
          size="xs"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls="tasks-summary-table"
          rightSection={<IconChevronDown size={14} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined }} />}
        >
          {open ? t('common.hide') : t('common.show')}
        </Button>
      </Group>
      <Collapse expanded={open} id="tasks-summary-table">
        {summary.error ? <QueryError error={summary.error} onRetry={() => void summary.refetch()} /> : null}
        <ScrollArea.Autosize mah={320} mt="sm" type="auto">
          <Table aria-label={t('tasks.summary.tableLabel')} verticalSpacing={6} stickyHeader>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tasks.summary.columns.agency')}</Table.Th>
                <Table.Th scope="col" ta="right" w={110}>
                  {t('tasks.summary.columns.open')}
                </Table.Th>
                <Table.Th scope="col" ta="right" w={110}>
                  {t('tasks.summary.columns.overdue')}
                </Table.Th>
                <Table.Th scope="col" ta="right" w={110}>
                  {t('tasks.summary.columns.inReview')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableStatusRows loading={summary.isPending} empty={summary.isSuccess && rows.length === 0} columns={4} emptyText={t('tasks.summary.empty')} />
              {rows.map((row) => (
                <SummaryRow key={row.agency.id} row={row} selected={row.agency.id === selectedAgencyId} />
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Collapse>
    </Paper>
  );
}

function SummaryRow({ row, selected }: { row: AgencyTaskCounts; selected: boolean }) {
  const locale = useLocale();
  const name = agencyName(row.agency, locale);
  return (
    <Table.Tr
      data-testid="tasks-summary-row"
      data-code={row.agency.code}
      aria-current={selected ? 'true' : undefined}
      bg={selected ? 'var(--mantine-color-guinda-0)' : undefined}
    >
      <Table.Td>
        <Text size="sm" span ff="monospace" fw={700}>
          {row.agency.code}
        </Text>{' '}
        <Text size="sm" span c="dimmed" visibleFrom="sm">
          {name}
        </Text>
        <VisuallyHidden hiddenFrom="sm">{name}</VisuallyHidden>
      </Table.Td>
      <Table.Td ta="right">
        <Count agencyId={row.agency.id} code={row.agency.code} measure="open" value={row.open} />
      </Table.Td>
      <Table.Td ta="right">
        <Count agencyId={row.agency.id} code={row.agency.code} measure="overdue" value={row.overdue} />
      </Table.Td>
      <Table.Td ta="right">
        <Count agencyId={row.agency.id} code={row.agency.code} measure="inReview" value={row.inReview} />
      </Table.Td>
    </Table.Tr>
  );
}

function Count({ agencyId, code, measure, value }: { agencyId: string; code: string; measure: Measure; value: number }) {
  const { t } = useTranslation();
  if (value === 0) {
    return (
      <Text size="sm" c="dimmed" span aria-label={t(`tasks.summary.linkLabel.${measure}`, { count: 0, code })}>
        0
      </Text>
    );
  }
  const alarming = measure === 'overdue';
  return (
    <AnchorLink
      to="/tareas"
      search={searchFor(agencyId, measure)}
      size="sm"
      fw={700}
      c={alarming ? 'red.8' : undefined}
      aria-label={t(`tasks.summary.linkLabel.${measure}`, { count: value, code })}
      data-testid={`tasks-summary-${measure}`}
    >
      <Group gap={4} component="span" justify="flex-end" wrap="nowrap">
        {alarming ? <IconAlarm size={14} aria-hidden /> : null}
        {value}
      </Group>
    </AnchorLink>
  );
}
