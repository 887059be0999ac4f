/**
 * The Panel's card of the institutional directory (dashboard.summary `designations`): how many
 * agencies are in each state for the ANC (each a link to the filtered directory); the agency's own
 * state and what it still lacks for its staff.
 */
import { DESIGNATION_STATES } from '@anc/domain';
import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { useLocale } from '../../i18n/index.ts';
import type { DashboardSummary } from '../dashboard/types.ts';
import { formatDay } from '../initiatives/format.ts';
import { DesignationStateBadge, useRoleList } from './labels.tsx';

export function DesignationsCard({ s }: { s: DashboardSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const roleList = useRoleList();
  const d = s.designations;
  return (
    <Paper p="md" component="section" aria-labelledby="panel-designations-heading" data-testid="panel-designations">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} fz="lg" id="panel-designations-heading">
          {t('directory.panel.title')}
        </Title>
        <Text size="xs" c="dimmed">
          {t('directory.panel.dueAt', { date: formatDay(d.dueAt, locale) })}
        </Text>
      </Group>
      {d.counts ? (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {DESIGNATION_STATES.map((state) => (
            <Group key={state} component="li" justify="space-between" gap="xs">
              <DesignationStateBadge state={state} />
              <AnchorLink
                to="/directorio"
                search={{ state }}
                fw={700}
                data-testid={`panel-designations-${state}`}
                aria-label={`${t(`directory.states.${state}`)}: ${d.counts?.[state] ?? 0}`}
              >
                {d.counts?.[state] ?? 0}
              </AnchorLink>
            </Group>
          ))}
        </Stack>
      ) : d.own ? (
        <Stack gap={6}>
          <Group gap="xs">
            <Text size="sm">{t('directory.panel.ownState')}</Text>
            <DesignationStateBadge state={d.own.state} testId="panel-designations-own" />
          </Group>
          <Text size="sm" c={d.own.missingRoles.length ? 'red.8' : 'teal.8'} data-testid="panel-designations-missing">
            {d.own.missingRoles.length ? t('directory.missing', { roles: roleList(d.own.missingRoles) }) : t('directory.nothingMissing')}
          </Text>
        </Stack>
      ) : null}
      <AnchorLink to="/directorio" size="sm" mt="sm" display="inline-block">
        {t('directory.panel.open')}
      </AnchorLink>
    </Paper>
  );
}
