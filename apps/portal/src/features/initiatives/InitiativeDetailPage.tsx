/**
 * /iniciativas/$initiativeId: what the initiative is for, who leads it and takes part, its period
 * and budget, its status and the steps an admin may take, the milestone timeline, each KPI
 * against its target, and the tasks that carry it out. Everyone signed in reads it; the lead
 * agency's staff report progress here; admins edit it.
 */
import { formatMxDateTime } from '@anc/domain';
import { Alert, Badge, Button, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconInfoCircle, IconPencil, IconSearchOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { errorCode } from '../../lib/errors.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { SectionTitle } from '../incidents/ui.tsx';
import { formatMxn } from '../incidents/money.ts';
import { EditInitiativeModal } from './EditInitiativeModal.tsx';
import { formatDay } from './format.ts';
import { InitiativeTransitions } from './InitiativeTransitions.tsx';
import { KpiPanel } from './KpiPanel.tsx';
import { InitiativeProgress, InitiativeStatusBadge, OBJECTIVE_COLORS, axisLabel, objectiveLabel } from './labels.tsx';
import { LinkedTasks } from './LinkedTasks.tsx';
import { MilestoneTimeline } from './MilestoneTimeline.tsx';
import type { InitiativeDetail } from './types.ts';

const route = getRouteApi('/app/iniciativas/$initiativeId');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function InitiativeDetailPage() {
  const { initiativeId } = route.useParams();
  const valid = UUID.test(initiativeId);
  const detail = useQuery({ ...trpc.initiatives.get.queryOptions({ id: initiativeId }), enabled: valid });
  if (!valid) return <InitiativeNotFound />;
  if (detail.isPending) return <DetailSkeleton />;
  if (detail.error) {
    const code = errorCode(detail.error);
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return <InitiativeNotFound />;
    return (
      <Stack gap="md">
        <BackLink />
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      </Stack>
    );
  }
  return <InitiativeView initiative={detail.data} refetch={() => detail.refetch()} refetching={detail.isFetching} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <AnchorLink to="/iniciativas" size="sm" data-testid="initiative-back">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('initiatives.detail.back')}
      </Group>
    </AnchorLink>
  );
}

function InitiativeNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('initiatives.detail.notFoundTitle')} · ${t('app.short')}`);
  return (
    <Paper p="xl" maw={640} data-testid="initiative-not-found">
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={48} radius="md" variant="light" color="gray" aria-hidden>
          <IconSearchOff size={26} />
        </ThemeIcon>
        <Title order={1} fz={24}>
          {t('initiatives.detail.notFoundTitle')}
        </Title>
        <Text size="sm">{t('initiatives.detail.notFoundBody')}</Text>
        <ButtonLink to="/iniciativas" variant="default">
          {t('initiatives.detail.back')}
        </ButtonLink>
      </Stack>
    </Paper>
  );
}

function DetailSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('common.loading')} data-testid="initiative-loading">
      <Skeleton height={14} width={120} />
      <Skeleton height={32} width="60%" />
      <Skeleton height={22} width={200} />
      <Skeleton height={120} />
      <Skeleton height={260} />
    </Stack>
  );
}

function InitiativeView({ initiative, refetch, refetching }: { initiative: InitiativeDetail; refetch: () => Promise<unknown>; refetching: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  useDocumentTitle(`${initiative.code} · ${t('initiatives.list.pageTitle')} · ${t('app.short')}`);
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  const onConflict = () => {
    setConflict(true);
    void refetch();
  };
  const counts = initiative.milestoneCounts;
  const reportsProgress = me.role === 'staff' && initiative.capabilities.completeMilestones;

  return (
    <Stack
      gap="lg"
      data-testid="initiative-detail"
      data-code={initiative.code}
      data-status={initiative.status}
      data-version={initiative.version}
      aria-busy={refetching}
    >
      <BackLink />
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} miw={0} style={{ flex: '1 1 420px' }}>
          <Text ff="monospace" fw={700} c="guinda.7" data-testid="initiative-code">
            {initiative.code}
          </Text>
          <Title order={1} fz={{ base: 22, sm: 26 }} style={{ overflowWrap: 'anywhere' }} data-testid="initiative-title">
            {initiative.title}
          </Title>
          <Group gap="xs" wrap="wrap">
            <InitiativeStatusBadge status={initiative.status} size="lg" />
            <Badge variant="outline" color={OBJECTIVE_COLORS[initiative.objective]} size="lg">
              {objectiveLabel(initiative.objective, locale)}
            </Badge>
          </Group>
          {initiative.statusReason ? (
            <Text size="sm" c="dimmed" data-testid="initiative-status-reason">
              {t('initiatives.detail.statusReason', { reason: initiative.statusReason })}
            </Text>
          ) : null}
        </Stack>
        {initiative.capabilities.edit ? (
          <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="initiative-edit">
            {t('initiatives.detail.edit')}
          </Button>
        ) : null}
      </Group>

      {conflict ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('initiatives.detail.conflictTitle')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setConflict(false)}
          role="alert"
          data-testid="initiative-conflict"
        >
          {t('initiatives.detail.conflictBody')}
        </Alert>
      ) : null}

      {reportsProgress ? (
        <Alert color="guinda" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="initiative-you-report">
          {t('initiatives.detail.youReport')}
        </Alert>
      ) : null}

      <InitiativeTransitions initiative={initiative} onConflict={onConflict} />

      <Paper p="md" data-testid="initiative-progress-panel">
        <Group justify="space-between" gap="sm" mb={6} wrap="wrap">
          <Text size="sm" fw={600}>
            {t('initiatives.detail.progressTitle')}
          </Text>
          <Group gap="sm">
            <Text size="sm" c="dimmed" data-testid="initiative-milestone-counts">
              {counts.total ? t('initiatives.common.milestonesDone', { done: counts.done, total: counts.total }) : t('initiatives.common.noMilestones')}
            </Text>
            {counts.late > 0 ? (
              <Text size="sm" c="red.8" fw={700}>
                {t('initiatives.common.late', { count: counts.late })}
              </Text>
            ) : null}
          </Group>
        </Group>
        <InitiativeProgress progress={initiative.progress} size="lg" label={t('initiatives.common.progressOf', { code: initiative.code })} />
      </Paper>

      <FactsPanel initiative={initiative} />

      <Paper p="md" data-testid="initiative-description-panel">
        <SectionTitle>{t('initiatives.detail.description')}</SectionTitle>
        <Text
          size="sm"
          c={initiative.description ? undefined : 'dimmed'}
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          data-testid="initiative-description"
        >
          {initiative.description || t('initiatives.detail.noDescription')}
        </Text>
      </Paper>

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <MilestoneTimeline initiative={initiative} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <KpiPanel initiative={initiative} />
        </Grid.Col>
      </Grid>

      <LinkedTasks initiative={initiative} />

      <Text size="xs" c="dimmed">
        {t('initiatives.detail.updated', { date: formatMxDateTime(initiative.updatedAt, locale) })}{' '}
        {t('initiatives.common.timeZoneNote')}
      </Text>

      <EditInitiativeModal initiative={initiative} opened={editing} onClose={() => setEditing(false)} onConflict={onConflict} />
    </Stack>
  );
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

function FactsPanel({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper p="md" data-testid="initiative-facts">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md">
        <Fact label={t('initiatives.detail.facts.lead')} testId="initiative-lead">
          <Text span ff="monospace" fw={700} size="sm">
            {initiative.leadAgency.code}
          </Text>{' '}
          — {agencyName(initiative.leadAgency, locale)}
        </Fact>
        <Fact label={t('initiatives.detail.facts.participants')} testId="initiative-participants">
          {initiative.participants.length ? (
            <Group gap={4} wrap="wrap">
              {initiative.participants.map((p) => (
                <Badge key={p.id} variant="light" color="gray" title={agencyName(p, locale)}>
                  {p.code}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text span size="sm" c="dimmed">
              {t('initiatives.detail.facts.noParticipants')}
            </Text>
          )}
        </Fact>
        <Fact label={t('initiatives.detail.facts.axes')} testId="initiative-axes">
          {initiative.axes.length ? (
            initiative.axes.map((a) => axisLabel(a, locale)).join(' · ')
          ) : (
            <Text span size="sm" c="dimmed">
              {t('initiatives.detail.facts.noAxes')}
            </Text>
          )}
        </Fact>
        <Fact label={t('initiatives.detail.facts.dates')} testId="initiative-dates">
          {t('initiatives.common.dates', { start: formatDay(initiative.startDate, locale), end: formatDay(initiative.endDate, locale) })}
        </Fact>
        <Fact label={t('initiatives.detail.facts.budget')} testId="initiative-budget">
          <Text span ff="monospace" fw={700} size="sm">
            {formatMxn(initiative.budgetMxn)}
          </Text>
        </Fact>
        <Fact label={t('initiatives.detail.facts.createdBy')}>
          {initiative.createdBy.name} · {formatMxDateTime(initiative.createdAt, locale)}
        </Fact>
      </SimpleGrid>
    </Paper>
  );
}
