/**
 * The Panel's picture from `dashboard.summary`: the national one for coordinators and admins, the
 * agency's own for staff. Every number is a link to the filtered list it counts (see links.ts).
 */
import { ENCS_OBJECTIVES, INCIDENT_STATUSES, type IncidentStatus } from '@anc/domain';
import { BarChart } from '@mantine/charts';
import { Badge, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlarm, IconChecklist, IconClockHour4, IconShieldExclamation } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';
import { SEVERITY_STYLES, STATUS_COLORS, severityLabel, statusLabel } from '../incidents/labels.tsx';
import { formatDay } from '../initiatives/format.ts';
import { InitiativeProgress, objectiveLabel } from '../initiatives/labels.tsx';
import type { IncidentsSearch } from '../incidents/search.ts';
import type { InitiativesSearch } from '../initiatives/search.ts';
import type { TasksSearch } from '../tasks/search.ts';
import { incidentsByDeadline, incidentsInWindow, overdueTasks, planObjective } from './links.ts';
import type { DashboardSummary } from './types.ts';
import { DesignationsCard } from '../directory/DesignationsCard.tsx';
import { PanelAdvisories } from '../advisories/PanelAdvisories.tsx';

export function DashboardOverview() {
  const summary = useQuery({ ...trpc.dashboard.summary.queryOptions(), refetchInterval: 60_000 });
  if (summary.error) return <QueryError error={summary.error} onRetry={() => void summary.refetch()} />;
  if (!summary.data) return <OverviewSkeleton />;
  return <Overview s={summary.data} />;
}

function OverviewSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" aria-busy="true" aria-label={t('common.loading')} data-testid="panel-loading">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={104} radius="md" />
        ))}
      </SimpleGrid>
      <Skeleton height={320} radius="md" />
    </Stack>
  );
}

function Overview({ s }: { s: DashboardSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const national = s.scope === 'national';
  const days = s.window.days;
  return (
    <Stack gap="lg" data-testid="panel-overview" data-scope={s.scope}>
      <Group gap="sm" align="baseline" wrap="wrap">
        <Badge size="lg" variant="light" color={national ? 'guinda' : 'dorado'} data-testid="panel-scope">
          {national || !s.agency ? t('dashboard.scopeNational') : t('dashboard.scopeAgency', { agency: s.agency.code })}
        </Badge>
        <Text size="sm" c="dimmed">
          {national ? t('dashboard.scopeNationalHint') : t('dashboard.scopeAgencyHint')}
          {!national && s.agency ? ` (${agencyName(s.agency, locale)})` : ''}
        </Text>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
        <StatCard
          icon={<IconShieldExclamation size={18} aria-hidden />}
          label={t('dashboard.stats.incidents', { days })}
          hint={t('dashboard.stats.incidentsHint', { date: formatDay(s.window.firstDay, locale) })}
          count={s.incidents.total}
          target={{ to: '/incidentes', search: incidentsInWindow(s) }}
          testId="panel-incidents-total"
        />
        <StatCard
          icon={<IconAlarm size={18} aria-hidden />}
          label={t('dashboard.stats.overdue')}
          hint={t('dashboard.stats.overdueHint')}
          count={s.obligations.overdue}
          tone={s.obligations.overdue > 0 ? 'red.8' : undefined}
          target={{ to: '/incidentes', search: incidentsByDeadline(s, 'overdue') }}
          testId="panel-obligations-overdue"
        />
        <StatCard
          icon={<IconClockHour4 size={18} aria-hidden />}
          label={t('dashboard.stats.dueSoon')}
          hint={t('dashboard.stats.dueSoonHint')}
          count={s.obligations.dueSoon}
          tone={s.obligations.dueSoon > 0 ? 'orange.9' : undefined}
          target={{ to: '/incidentes', search: incidentsByDeadline(s, 'due_soon') }}
          testId="panel-obligations-due-soon"
        />
        <StatCard
          icon={<IconChecklist size={18} aria-hidden />}
          label={t('dashboard.stats.tasksOverdue')}
          hint={t('dashboard.stats.tasksOverdueHint')}
          count={s.tasks.overdueTotal}
          tone={s.tasks.overdueTotal > 0 ? 'red.8' : undefined}
          target={{ to: '/tareas', search: overdueTasks(s) }}
          testId="panel-tasks-overdue"
        />
      </SimpleGrid>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <IncidentsCard s={s} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <PanelAdvisories items={s.advisories} national={national} />
            <TasksCard s={s} />
            <PlanCard s={s} />
            <DesignationsCard s={s} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** Where a number leads: one of the three filtered lists. */
type LinkTarget = { to: '/incidentes'; search: IncidentsSearch } | { to: '/tareas'; search: TasksSearch } | { to: '/iniciativas'; search: InitiativesSearch };

/** A number that is a link; its accessible name says what it counts. */
function Counted({
  target,
  count,
  label,
  testId,
  size = 'sm',
  tone,
}: {
  target: LinkTarget;
  count: number;
  label: string;
  testId: string;
  size?: string;
  tone?: string | undefined;
}) {
  const { t } = useTranslation();
  const common = {
    fz: size,
    fw: 700,
    c: tone,
    'aria-label': t('dashboard.numberLink', { label, count }),
    'data-testid': testId,
    'data-count': count,
  };
  if (target.to === '/incidentes') {
    return (
      <AnchorLink to="/incidentes" search={target.search} {...common}>
        {count}
      </AnchorLink>
    );
  }
  if (target.to === '/tareas') {
    return (
      <AnchorLink to="/tareas" search={target.search} {...common}>
        {count}
      </AnchorLink>
    );
  }
  return (
    <AnchorLink to="/iniciativas" search={target.search} {...common}>
      {count}
    </AnchorLink>
  );
}

function StatCard({
  icon,
  label,
  hint,
  count,
  tone,
  target,
  testId,
}: {
  icon: ReactNode;
  label: string;
  hint: string;
  count: number;
  tone?: string | undefined;
  target: LinkTarget;
  testId: string;
}) {
  return (
    <Paper p="md">
      <Group gap={6} c="dimmed" wrap="nowrap">
        {icon}
        <Text size="xs" fw={600} tt="uppercase" lineClamp={2}>
          {label}
        </Text>
      </Group>
      <Counted target={target} count={count} label={label} testId={testId} size="32px" tone={tone} />
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

function IncidentsCard({ s }: { s: DashboardSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const daily = s.incidents.daily.map((d) => ({ day: formatDay(d.date, locale, 'short'), count: d.count }));
  const busiest = s.incidents.daily.reduce<{ date: string; count: number } | null>((best, d) => (d.count > (best?.count ?? 0) ? d : best), null);
  const severity = s.incidents.bySeverity.map((x) => ({
    level: String(x.severity),
    count: x.count,
    color: x.severity === 0 ? SEVERITY_STYLES[0]?.border : SEVERITY_STYLES[x.severity]?.background,
  }));
  const statuses = INCIDENT_STATUSES.filter((status) => s.incidents.byStatus[status] > 0);
  return (
    <Paper p="md" component="section" aria-labelledby="panel-incidents-heading" data-testid="panel-incidents">
      <Title order={2} fz="lg" id="panel-incidents-heading" mb="sm">
        {t('dashboard.incidents.title', { days: s.window.days })}
      </Title>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {t('dashboard.incidents.daily')}
      </Text>
      <figure
        style={{ margin: 0 }}
        aria-label={t('dashboard.incidents.dailyLabel', { from: formatDay(s.window.firstDay, locale), to: formatDay(s.window.lastDay, locale) })}
        data-testid="panel-daily-chart"
      >
        <BarChart
          h={180}
          data={daily}
          dataKey="day"
          series={[{ name: 'count', label: t('dashboard.incidents.series'), color: 'guinda.6' }]}
          xAxisProps={{ minTickGap: 24 }}
          yAxisProps={{ allowDecimals: false, width: 32 }}
          gridAxis="x"
          barProps={{ radius: 2 }}
          accessibilityLayer={false}
        />
      </figure>
      <Text size="sm" mt={4} data-testid="panel-daily-summary">
        {s.incidents.total === 0 || !busiest
          ? t('dashboard.incidents.none')
          : t('dashboard.incidents.dailySummary', { total: s.incidents.total, date: formatDay(busiest.date, locale), count: busiest.count })}
      </Text>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" mt="md">
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={6}>
            {t('dashboard.incidents.byStatus')}
          </Text>
          {statuses.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('dashboard.incidents.none')}
            </Text>
          ) : (
            <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {statuses.map((status: IncidentStatus) => (
                <Group key={status} component="li" justify="space-between" gap="xs" wrap="nowrap">
                  <Group gap={6} wrap="nowrap" miw={0}>
                    <span
                      aria-hidden
                      style={{ width: 10, height: 10, borderRadius: 2, flexShrink: 0, background: `var(--mantine-color-${STATUS_COLORS[status]}-6)` }}
                    />
                    <Text size="sm" truncate="end">
                      {statusLabel(status, locale)}
                    </Text>
                  </Group>
                  <Counted
                    target={{ to: '/incidentes', search: incidentsInWindow(s, { status }) }}
                    count={s.incidents.byStatus[status]}
                    label={statusLabel(status, locale)}
                    testId={`panel-status-${status}`}
                  />
                </Group>
              ))}
            </Stack>
          )}
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" mb={6}>
            {t('dashboard.incidents.bySeverity')}
          </Text>
          <figure style={{ margin: 0 }} aria-label={t('dashboard.incidents.severityLabel')} data-testid="panel-severity-chart">
            <BarChart
              h={120}
              data={severity}
              dataKey="level"
              series={[{ name: 'count', label: t('dashboard.incidents.series'), color: 'gray.6' }]}
              yAxisProps={{ allowDecimals: false, width: 32 }}
              gridAxis="x"
              accessibilityLayer={false}
            />
          </figure>
          <Group gap="md" mt={4} wrap="wrap">
            {s.incidents.bySeverity.map((x) => (
              <Group key={x.severity} gap={4} wrap="nowrap">
                <Text size="xs" c="dimmed" title={severityLabel(x.severity, locale)}>
                  {severityLabel(x.severity, locale).replace(/ ·.*$/, '')}
                </Text>
                <Counted
                  target={{ to: '/incidentes', search: incidentsInWindow(s, { severity: x.severity }) }}
                  count={x.count}
                  label={severityLabel(x.severity, locale)}
                  testId={`panel-severity-${x.severity}`}
                  size="xs"
                />
              </Group>
            ))}
          </Group>
        </div>
      </SimpleGrid>
    </Paper>
  );
}

function TasksCard({ s }: { s: DashboardSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper p="md" component="section" aria-labelledby="panel-tasks-heading" data-testid="panel-tasks">
      <Title order={2} fz="lg" id="panel-tasks-heading" mb="sm">
        {t('dashboard.tasks.title')}
      </Title>
      {s.tasks.overdueByAgency.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.tasks.none')}
        </Text>
      ) : (
        <Stack gap={6} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {s.tasks.overdueByAgency.map((row) => (
            <Group key={row.agency.id} component="li" justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" truncate="end" title={agencyName(row.agency, locale)}>
                <Text span ff="monospace" fw={700} size="sm">
                  {row.agency.code}
                </Text>{' '}
                <Text span size="xs" c="dimmed" visibleFrom="sm">
                  {agencyName(row.agency, locale)}
                </Text>
              </Text>
              <Counted
                target={{ to: '/tareas', search: overdueTasks(s, row.agency.id) }}
                count={row.count}
                label={`${t('dashboard.stats.tasksOverdue')} · ${row.agency.code}`}
                testId={`panel-tasks-agency-${row.agency.code}`}
                tone="red.8"
              />
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function PlanCard({ s }: { s: DashboardSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = ENCS_OBJECTIVES.flatMap((objective) => {
    const row = s.plan.byObjective.find((o) => o.objective === objective);
    return row && row.initiatives > 0 ? [row] : [];
  });
  return (
    <Paper p="md" component="section" aria-labelledby="panel-plan-heading" data-testid="panel-plan">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="lg" id="panel-plan-heading">
          {t('dashboard.plan.title')}
        </Title>
        <AnchorLink to="/iniciativas" search={s.scope === 'agency' && s.agency ? { agencyId: s.agency.id } : {}} size="sm">
          {t('dashboard.plan.registry')}
        </AnchorLink>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {s.scope === 'national' ? t('dashboard.plan.noneNational') : t('dashboard.plan.noneAgency')}
        </Text>
      ) : (
        <Stack gap="sm">
          {rows.map((row) => (
            <div key={row.objective} data-testid="panel-plan-objective" data-objective={row.objective}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={600} truncate="end">
                  {objectiveLabel(row.objective, locale)}
                </Text>
                <Group gap={4} wrap="nowrap">
                  <Counted
                    target={{ to: '/iniciativas', search: planObjective(s, row.objective) }}
                    count={row.initiatives}
                    label={objectiveLabel(row.objective, locale)}
                    testId={`panel-plan-${row.objective}`}
                  />
                  <Text size="xs" c="dimmed" aria-hidden>
                    {t('dashboard.plan.initiativesUnit', { count: row.initiatives })}
                  </Text>
                </Group>
              </Group>
              <InitiativeProgress
                progress={row.progress}
                size="sm"
                label={`${t('initiatives.detail.progressTitle')} · ${objectiveLabel(row.objective, locale)}`}
              />
              {row.milestones.late > 0 ? (
                <Text size="xs" c="red.8" fw={600}>
                  {t('dashboard.plan.late', { count: row.milestones.late })}
                </Text>
              ) : null}
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
