/**
 * /iniciativas/$initiativeId: what the initiative is for, who leads it and takes part, its period
 * and budget, its status and the steps an admin may take, the milestone timeline, each KPI
 * against its target, and the tasks that carry it out. Everyone signed in reads it; the lead
 * agency's staff report progress here; admins edit it.
 */
import { formatMxDateTime } from '@anc/domain';
import { Alert, Badge, Button, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconInfoCircle, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AgencyFact,
  BackLink,
  ConflictNote,
  DetailGate,
  DetailHeader,
  DetailSkeleton,
  Fact,
  TextPanel,
  useConflictNote,
} from '../../components/DetailPage.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { isUuid } from '../../lib/search-params.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { formatMxn } from '../../lib/money.ts';
import { EditInitiativeModal } from './EditInitiativeModal.tsx';
import { formatDay } from './format.ts';
import { InitiativeTransitions } from './InitiativeTransitions.tsx';
import { KpiPanel } from './KpiPanel.tsx';
import { InitiativeProgress, InitiativeStatusBadge, OBJECTIVE_COLORS, axisLabel, objectiveLabel } from './labels.tsx';
import { LinkedTasks } from './LinkedTasks.tsx';
import { MilestoneTimeline } from './MilestoneTimeline.tsx';
import type { InitiativeDetail } from './types.ts';

const route = getRouteApi('/app/iniciativas/$initiativeId');

export function InitiativeDetailPage() {
  const { initiativeId } = route.useParams();
  const valid = isUuid(initiativeId);
  const detail = useQuery({ ...trpc.initiatives.get.queryOptions({ id: initiativeId }), enabled: valid });
  return (
    <DetailGate
      kind="initiative"
      valid={valid}
      query={detail}
      skeleton={
        <DetailSkeleton kind="initiative" badges={[120, 200]}>
          <Skeleton height={120} />
          <Skeleton height={260} />
        </DetailSkeleton>
      }
    >
      {(initiative) => <InitiativeView initiative={initiative} refetch={() => detail.refetch()} refetching={detail.isFetching} />}
    </DetailGate>
  );
}

function InitiativeView({ initiative, refetch, refetching }: { initiative: InitiativeDetail; refetch: () => Promise<unknown>; refetching: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  useDocumentTitle(`${initiative.code} · ${t('initiatives.list.pageTitle')} · ${t('app.short')}`);
  const [editing, setEditing] = useState(false);
  const note = useConflictNote(refetch);
  const { onConflict } = note;
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
      <BackLink kind="initiative" />
      <DetailHeader
        kind="initiative"
        reference={initiative.code}
        referenceTestId="initiative-code"
        title={initiative.title}
        badges={
          <>
            <InitiativeStatusBadge status={initiative.status} size="lg" />
            <Badge variant="outline" color={OBJECTIVE_COLORS[initiative.objective]} size="lg">
              {objectiveLabel(initiative.objective, locale)}
            </Badge>
          </>
        }
        below={
          initiative.statusReason ? (
            <Text size="sm" c="dimmed" data-testid="initiative-status-reason">
              {t('initiatives.detail.statusReason', { reason: initiative.statusReason })}
            </Text>
          ) : null
        }
        actions={
          initiative.capabilities.edit ? (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} data-testid="initiative-edit">
              {t('initiatives.detail.edit')}
            </Button>
          ) : null
        }
      />

      <ConflictNote kind="initiative" note={note} />

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
              {counts.total ? t('initiatives.common.milestonesDone', { done: counts.done, count: counts.total }) : t('initiatives.common.noMilestones')}
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

      <TextPanel
        title={t('initiatives.detail.description')}
        text={initiative.description}
        empty={t('initiatives.detail.noDescription')}
        testId="initiative-description-panel"
        textTestId="initiative-description"
      />

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
        {t('initiatives.detail.updated', { date: formatMxDateTime(initiative.updatedAt, locale) })} {t('initiatives.common.timeZoneNote')}
      </Text>

      <EditInitiativeModal initiative={initiative} opened={editing} onClose={() => setEditing(false)} onConflict={onConflict} />
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
          <AgencyFact code={initiative.leadAgency.code} name={agencyName(initiative.leadAgency, locale)} />
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
