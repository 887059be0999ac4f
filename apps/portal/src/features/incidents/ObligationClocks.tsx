import { REPORTING_POLICY, clocksRun, formatMxDateTime } from '@anc/domain';
import { Alert, Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { DeadlineCountdown } from '../../components/Countdown.tsx';
import { OBLIGATION_STATE_COLORS, ObligationStateBadge, obligationLabel } from './labels.tsx';
import type { IncidentDetail } from './types.ts';
import { SectionTitle } from '../../components/SectionTitle.tsx';

/**
 * The three legal clocks (early warning 24 h, notification 72 h, final report one month after
 * the notification), each with its due date, state and, while unmet, a live countdown.
 */
export function ObligationClocks({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const running = clocksRun(incident.status);
  const windows = {
    early_warning: t('incidents.detail.clocks.windowEarly', { hours: REPORTING_POLICY.earlyWarningHours }),
    notification: t('incidents.detail.clocks.windowNotification', { hours: REPORTING_POLICY.notificationHours }),
    final_report: t('incidents.detail.clocks.windowFinal', { count: REPORTING_POLICY.finalReportMonths }),
  };
  return (
    <section aria-labelledby="incident-clocks-title" data-testid="incident-clocks">
      <SectionTitle id="incident-clocks-title">{t('incidents.detail.clocks.title')}</SectionTitle>
      {!running ? (
        <Alert color="gray" variant="light" mb="sm" data-testid="clocks-stopped">
          {incident.status === 'merged' ? t('incidents.detail.clocks.stoppedMerged') : t('incidents.detail.clocks.stoppedRejected')}
        </Alert>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        {incident.obligations.map((o) => {
          const unmet = o.submittedAt === null;
          const color = unmet && !running ? 'gray' : OBLIGATION_STATE_COLORS[o.state];
          return (
            <Paper
              key={o.kind}
              p="md"
              data-testid={`obligation-${o.kind}`}
              data-state={unmet && !running ? 'stopped' : o.state}
              style={{ borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
            >
              <Stack gap={6}>
                <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                  <div>
                    <Text fw={650} size="sm">
                      {obligationLabel(o.kind, locale)}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {windows[o.kind]}
                    </Text>
                  </div>
                  {unmet && !running ? (
                    <Badge variant="light" color="gray" data-testid="obligation-state" data-state="stopped">
                      {t('incidents.detail.clocks.stopped')}
                    </Badge>
                  ) : (
                    <ObligationStateBadge state={o.state} />
                  )}
                </Group>
                <Text size="sm">
                  {t('incidents.detail.clocks.dueAt')}{' '}
                  <Text span fw={600} size="sm">
                    {formatMxDateTime(o.dueAt, locale)}
                  </Text>
                </Text>
                {unmet && running ? <DeadlineCountdown dueAt={o.dueAt} state={o.state} /> : null}
                {o.submittedAt ? (
                  <Text size="sm" c="dimmed">
                    {o.kind === 'early_warning'
                      ? t('incidents.detail.clocks.filedAsWarning', { date: formatMxDateTime(o.submittedAt, locale) })
                      : t('incidents.detail.clocks.submittedAt', { date: formatMxDateTime(o.submittedAt, locale) })}
                  </Text>
                ) : null}
                {o.kind === 'final_report' && unmet && running && incident.obligations.some((x) => x.kind === 'notification' && x.submittedAt === null) ? (
                  <Text size="xs" c="dimmed">
                    {t('incidents.detail.clocks.finalProvisional')}
                  </Text>
                ) : null}
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>
    </section>
  );
}
