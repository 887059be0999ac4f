import { formatMxDateTime } from '@anc/domain';
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, CodeLink } from '../../components/links.tsx';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { useLocale } from '../../i18n/index.ts';
import { TlpBadge } from '../incidents/labels.tsx';
import type { AdvisorySummary } from './types.ts';

/**
 * The Panel's advisories card (dashboard.summary `advisories`): coordinators and admins see each
 * open advisory with its answered / overdue / pending counts; staff the advisories awaiting their answer.
 */
export function PanelAdvisories({ items, national }: { items: readonly AdvisorySummary[]; national: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper p="md" data-testid="panel-advisories">
      <Group justify="space-between" mb="xs">
        <SectionTitle>{national ? t('advisories.dashboard.ancTitle') : t('advisories.dashboard.staffTitle')}</SectionTitle>
        <AnchorLink to="/alertas" size="sm">
          {t('advisories.dashboard.viewAll')}
        </AnchorLink>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="panel-advisories-empty">
          {national ? t('advisories.dashboard.ancEmpty') : t('advisories.dashboard.staffEmpty')}
        </Text>
      ) : (
        <Stack gap="sm">
          {items.map((a) => (
            <Stack key={a.id} gap={2} data-testid={`panel-advisory-${a.reference}`}>
              <Group gap="xs" wrap="wrap">
                <CodeLink to="/alertas/$advisoryId" params={{ advisoryId: a.id }}>
                  {a.reference}
                </CodeLink>
                <TlpBadge tlp={a.tlp} size="xs" withTooltip={false} />
                {!national && a.overdue ? (
                  <Badge color="red" size="xs">
                    {t('advisories.list.overdue')}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" fw={600} lineClamp={2}>
                {a.title}
              </Text>
              {national && a.counts ? (
                <Group gap={6} data-testid="panel-advisory-counts">
                  <Badge color="green" variant="light" size="sm">
                    {t('advisories.state.answered')}: {a.counts.answered}
                  </Badge>
                  <Badge color="red" variant={a.counts.overdue ? 'filled' : 'light'} size="sm">
                    {t('advisories.state.overdue')}: {a.counts.overdue}
                  </Badge>
                  <Badge color="gray" variant="light" size="sm">
                    {t('advisories.state.pending')}: {a.counts.pending}
                  </Badge>
                </Group>
              ) : (
                <Text size="xs" c="dimmed">
                  {t('advisories.list.columns.respondBy')}: {formatMxDateTime(a.respondBy, locale)}
                </Text>
              )}
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
