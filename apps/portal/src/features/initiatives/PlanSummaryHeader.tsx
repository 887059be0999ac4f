/**
 * The registry's header: the whole plan at a glance (or, with the agency filter, what that
 * agency leads or takes part in). Every number links to the registry filtered to it.
 */
import { ENCS_OBJECTIVES, INITIATIVE_STATUSES } from '@anc/domain';
import { Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';
import { formatMxn } from '../../lib/money.ts';
import { INITIATIVE_STATUS_COLORS, InitiativeProgress, initiativeStatusLabel, objectiveLabel } from './labels.tsx';

export function PlanSummaryHeader({ agencyId }: { agencyId?: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const summary = useQuery(trpc.initiatives.planSummary.queryOptions(agencyId ? { agencyId } : {}));
  if (summary.error) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!summary.data) {
    return (
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" aria-busy="true" aria-label={t('common.loading')}>
        <Skeleton height={128} radius="md" />
        <Skeleton height={128} radius="md" />
        <Skeleton height={128} radius="md" />
      </SimpleGrid>
    );
  }
  const s = summary.data;
  const base = agencyId ? { agencyId } : {};
  return (
    <section aria-label={t('initiatives.summary.label')} data-testid="plan-summary">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Paper p="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('initiatives.summary.total')}
          </Text>
          <AnchorLink to="/iniciativas" search={base} fz={32} fw={700} c="guinda.8" underline="hover" data-testid="plan-total">
            {s.total}
          </AnchorLink>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mt="xs">
            {t('initiatives.summary.byStatus')}
          </Text>
          <Group gap={10} wrap="wrap" mt={4}>
            {INITIATIVE_STATUSES.filter((status) => s.byStatus[status] > 0).map((status) => (
              <AnchorLink
                key={status}
                to="/iniciativas"
                search={{ ...base, status: [status] }}
                size="xs"
                fw={600}
                c={`${INITIATIVE_STATUS_COLORS[status]}.8`}
                data-testid={`plan-status-${status}`}
              >
                {t('initiatives.summary.statusLink', { count: s.byStatus[status], status: initiativeStatusLabel(status, locale) })}
              </AnchorLink>
            ))}
          </Group>
        </Paper>
        <Paper p="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('initiatives.summary.lateShare')}
          </Text>
          <Text fz={32} fw={700} c={s.milestones.late > 0 ? 'red.8' : undefined} data-testid="plan-late-share">
            {t('initiatives.summary.lateShareValue', { value: s.lateShare })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('initiatives.summary.lateShareDetail', { late: s.milestones.late, total: s.milestones.total })}
          </Text>
        </Paper>
        <Paper p="md">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('initiatives.summary.budget')}
          </Text>
          <Money amount={s.totalBudgetMxn} size={24} testId="plan-budget" />
          <Text size="xs" c="dimmed">
            {t('initiatives.summary.budgetNote')}
          </Text>
        </Paper>
      </SimpleGrid>
      <Paper p="md" mt="md">
        <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb="xs">
          {t('initiatives.summary.byObjective')}
        </Text>
        <SimpleGrid cols={{ base: 2, md: 5 }} spacing="lg" verticalSpacing="sm">
          {ENCS_OBJECTIVES.map((objective) => {
            const o = s.byObjective.find((row) => row.objective === objective);
            if (!o) return null;
            return (
              <Stack key={objective} gap={2} miw={0} data-testid="plan-objective" data-objective={objective}>
                <AnchorLink to="/iniciativas" search={{ ...base, objective }} size="sm" fw={600} lineClamp={2} title={objectiveLabel(objective, locale)}>
                  {objectiveLabel(objective, locale)}
                </AnchorLink>
                <Money amount={o.budgetMxn} size={15} />
                <InitiativeProgress
                  progress={o.progress}
                  size="sm"
                  label={`${t('initiatives.detail.progressTitle')} · ${objectiveLabel(objective, locale)}`}
                  testId="plan-objective-progress"
                />
                <Text size="xs" c="dimmed" data-testid="plan-objective-count">
                  {/* The same count as the objective's group in the registry below; cancelled ones are listed there too. */}
                  {t('initiatives.list.groupCount', { count: o.initiatives + o.cancelled })}
                  {o.cancelled > 0 ? ` (${t('initiatives.summary.cancelledApart', { count: o.cancelled })})` : ''}
                  {o.milestones.late > 0 ? ` · ${t('initiatives.common.late', { count: o.milestones.late })}` : ''}
                </Text>
              </Stack>
            );
          })}
        </SimpleGrid>
      </Paper>
    </section>
  );
}

/** "$1,034,700,000.50" with a small "MXN" after it: exact, and never broken inside the number. */
function Money({ amount, size, testId }: { amount: string; size: number; testId?: string }) {
  const text = formatMxn(amount).replace(/ MXN$/, '');
  return (
    <Text fz={size} fw={700} style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId} data-amount={amount}>
      <span style={{ whiteSpace: 'nowrap' }}>{text}</span>{' '}
      <Text span fz={Math.round(size * 0.55)} c="dimmed" fw={600}>
        MXN
      </Text>
    </Text>
  );
}
