import { Badge, Group, Paper, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CodeLink } from '../../components/links.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TableStatusRows } from '../../components/TableStatusRows.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';
import { StatusBadge, observableTypeLabel } from './labels.tsx';
import { RELATED_SECTION_ID } from './ObservablesPanel.tsx';
import { SectionTitle } from '../../components/SectionTitle.tsx';

/** Incidents the reader may consult that share an indicator with this one, and which values. */
export function RelatedIncidents({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const related = useQuery(trpc.incidents.related.queryOptions({ id: incidentId }));
  const items = related.data?.items ?? [];
  return (
    <Paper p="md" component="section" aria-labelledby={RELATED_SECTION_ID} data-testid="incident-related" style={{ scrollMarginTop: 84 }}>
      <SectionTitle id={RELATED_SECTION_ID}>{t('incidents.detail.related.title')}</SectionTitle>
      <Text size="xs" c="dimmed" mb="sm">
        {t('incidents.detail.related.intro')}
      </Text>
      {related.error ? (
        <QueryError error={related.error} onRetry={() => void related.refetch()} />
      ) : related.data && items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="related-empty">
          {t('incidents.detail.related.empty')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('incidents.detail.related.title')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('incidents.list.columns.reference')}</Table.Th>
                <Table.Th scope="col">{t('incidents.list.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('incidents.list.columns.agency')}</Table.Th>
                <Table.Th scope="col">{t('incidents.list.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('incidents.detail.related.shared')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableStatusRows loading={related.isPending} empty={false} columns={5} emptyText="" />
              {items.map((r) => (
                <Table.Tr key={r.id} data-testid="related-row" data-reference={r.reference}>
                  <Table.Td>
                    <CodeLink to="/incidentes/$incidentId" params={{ incidentId: r.id }}>
                      {r.reference}
                    </CodeLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2} maw={260}>
                      {r.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={agencyName(r.agency, locale)} withinPortal>
                      <Text size="sm" ff="monospace" fw={600} span>
                        {r.agency.code}
                      </Text>
                    </Tooltip>
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={r.status} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="wrap" maw={320}>
                      {r.shared.map((s) => (
                        <Badge
                          key={`${s.type}:${s.value}`}
                          variant="outline"
                          color="orange"
                          tt="none"
                          title={observableTypeLabel(s.type, locale)}
                          styles={{
                            label: { fontFamily: 'var(--mantine-font-family-monospace)', overflow: 'hidden', textOverflow: 'ellipsis', maxWidth: 300 },
                          }}
                        >
                          {s.value}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
