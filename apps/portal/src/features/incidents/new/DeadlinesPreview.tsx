import { type Obligation, REPORTING_POLICY, formatMxDateTime, obligationsFor } from '@anc/domain';
import { Alert, Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { IconClockHour4 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/index.ts';
import { formatCountdown } from '../../../lib/countdown.ts';
import { ObligationStateBadge, obligationLabel } from '../labels.tsx';

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useInterval(() => setNow(new Date()), everyMs, { autoInvoke: true });
  return now;
}

/**
 * The legal clock as it would start if the report were sent now: the same policy object and
 * computation the API uses (`obligationsFor`), so what the person reads is what will be recorded.
 */
export function DeadlinesPreview({ awareAt }: { awareAt: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const now = useNow(30_000);
  const aware = awareAt ? new Date(awareAt) : null;
  const obligations =
    aware && !Number.isNaN(aware.getTime())
      ? obligationsFor({ awareAt: aware, filedAt: now, notificationSubmittedAt: null, finalReportSubmittedAt: null }, now)
      : null;

  const detail = (o: Obligation) => {
    const date = formatMxDateTime(o.dueAt, locale);
    if (o.kind === 'early_warning') return t(o.state === 'late' ? 'incidents.form.earlyWarningLate' : 'incidents.form.earlyWarningMet', { date });
    if (o.kind === 'notification') {
      const countdown = formatCountdown(o.dueAt, now, (key, options) => t(key, options)).text;
      return t('incidents.form.notificationDue', { date, countdown });
    }
    return t('incidents.form.finalReportDue', { date });
  };

  return (
    <Alert
      variant="light"
      color="guinda"
      icon={<IconClockHour4 size={20} aria-hidden />}
      title={t('incidents.form.deadlinesTitle')}
      data-testid="deadlines-preview"
    >
      <Stack gap="sm">
        <Text size="sm">
          {t('incidents.form.legalClock', {
            earlyHours: REPORTING_POLICY.earlyWarningHours,
            notificationHours: REPORTING_POLICY.notificationHours,
          })}
        </Text>
        {obligations ? (
          <List spacing="xs" listStyleType="none" p={0} m={0}>
            {obligations.map((o) => (
              <List.Item key={o.kind} data-testid={`deadline-${o.kind}`} data-state={o.state}>
                <Group gap="xs" wrap="wrap" align="center">
                  <ThemeIcon size={8} radius="xl" color="guinda" aria-hidden />
                  <Text size="sm" fw={600}>
                    {obligationLabel(o.kind, locale)}
                  </Text>
                  {/* Filing is the early warning: only a late one deserves a mark before sending. */}
                  {o.kind === 'notification' || o.state === 'late' ? <ObligationStateBadge state={o.state} size="sm" /> : null}
                </Group>
                <Text size="sm" ml={16} data-testid="deadline-detail">
                  {detail(o)}
                </Text>
              </List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" data-testid="deadlines-empty">
            {t('incidents.form.deadlinesEmpty')}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}
