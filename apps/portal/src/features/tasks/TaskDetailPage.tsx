/**
 * /tareas/$taskId: what the task asks, who owes it and by when, the steps this reader may take
 * now, its whole history with comments, and (coordinators) editing and reassignment. A task the
 * reader may not see answers exactly like one that does not exist.
 */
import { formatMxDateTime } from '@anc/domain';
import { Alert, Button, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconArrowLeft, IconArrowsExchange, IconClock, IconPencil, IconSearchOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { errorCode } from '../../lib/errors.ts';
import { trpc } from '../../lib/trpc.ts';
import { SectionTitle } from '../incidents/ui.tsx';
import { EditTaskModal } from './EditTaskModal.tsx';
import { TaskCountdown, TaskDueBadge, TaskPriorityBadge, TaskStatusBadge, useTaskDueState } from './labels.tsx';
import { ReassignTaskModal } from './ReassignTaskModal.tsx';
import { TaskHistory } from './TaskHistory.tsx';
import { TaskTransitions } from './TaskTransitions.tsx';
import type { TaskDetail } from './types.ts';

const route = getRouteApi('/app/tareas/$taskId');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function TaskDetailPage() {
  const { taskId } = route.useParams();
  const valid = UUID.test(taskId);
  const detail = useQuery({ ...trpc.tasks.get.queryOptions({ id: taskId }), enabled: valid });
  if (!valid) return <TaskNotFound />;
  if (detail.isPending) return <DetailSkeleton />;
  if (detail.error) {
    const code = errorCode(detail.error);
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return <TaskNotFound />;
    return (
      <Stack gap="md">
        <BackLink />
        <QueryError error={detail.error} onRetry={() => void detail.refetch()} />
      </Stack>
    );
  }
  return <TaskView task={detail.data} refetch={() => detail.refetch()} refetching={detail.isFetching} />;
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <AnchorLink to="/tareas" size="sm" data-testid="task-back">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('tasks.detail.back')}
      </Group>
    </AnchorLink>
  );
}

function TaskNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('tasks.detail.notFoundTitle')} · ${t('app.short')}`);
  return (
    <Paper p="xl" maw={640} data-testid="task-not-found">
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={48} radius="md" variant="light" color="gray" aria-hidden>
          <IconSearchOff size={26} />
        </ThemeIcon>
        <Title order={1} fz={24}>
          {t('tasks.detail.notFoundTitle')}
        </Title>
        <Text size="sm">{t('tasks.detail.notFoundBody')}</Text>
        <ButtonLink to="/tareas" variant="default">
          {t('tasks.detail.back')}
        </ButtonLink>
      </Stack>
    </Paper>
  );
}

function DetailSkeleton() {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('common.loading')} data-testid="task-loading">
      <Skeleton height={14} width={120} />
      <Skeleton height={32} width="60%" />
      <Group gap="xs">
        <Skeleton height={22} width={90} />
        <Skeleton height={22} width={110} />
      </Group>
      <Skeleton height={120} />
      <Skeleton height={240} />
    </Stack>
  );
}

type Dialog = 'edit' | 'reassign' | null;

function TaskView({ task, refetch, refetching }: { task: TaskDetail; refetch: () => Promise<unknown>; refetching: boolean }) {
  const { t } = useTranslation();
  const dueState = useTaskDueState(task);
  useDocumentTitle(`${task.reference} · ${t('tasks.list.titleAll')} · ${t('app.short')}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [conflict, setConflict] = useState(false);
  // Someone else changed the task: say so, and show what it is now. Open dialogs keep what was typed.
  const onConflict = () => {
    setConflict(true);
    void refetch();
  };

  return (
    <Stack
      gap="lg"
      data-testid="task-detail"
      data-reference={task.reference}
      data-status={task.status}
      data-version={task.version}
      aria-busy={refetching}
    >
      <BackLink />
      <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
        <Stack gap={6} miw={0} style={{ flex: '1 1 420px' }}>
          <Text ff="monospace" fw={700} c="guinda.7" data-testid="task-reference">
            {task.reference}
          </Text>
          <Title order={1} fz={{ base: 22, sm: 26 }} style={{ overflowWrap: 'anywhere' }} data-testid="task-title">
            {task.title}
          </Title>
          <Group gap="xs" wrap="wrap">
            <TaskStatusBadge status={task.status} size="lg" />
            <TaskPriorityBadge priority={task.priority} size="lg" />
            <TaskDueBadge state={dueState} size="lg" />
          </Group>
        </Stack>
        {task.capabilities.edit || task.capabilities.reassign ? (
          <Group gap="xs">
            {task.capabilities.edit ? (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog('edit')} data-testid="task-edit">
                {t('tasks.detail.edit.open')}
              </Button>
            ) : null}
            {task.capabilities.reassign ? (
              <Button
                variant="default"
                leftSection={<IconArrowsExchange size={16} aria-hidden />}
                onClick={() => setDialog('reassign')}
                data-testid="task-reassign"
              >
                {t('tasks.detail.reassign.open')}
              </Button>
            ) : null}
          </Group>
        ) : null}
      </Group>

      {conflict ? (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('tasks.detail.conflictTitle')}
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setConflict(false)}
          role="alert"
          data-testid="task-conflict"
        >
          {t('tasks.detail.conflictBody')}
        </Alert>
      ) : null}

      <TaskTransitions task={task} onConflict={onConflict} />

      <FactsPanel task={task} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <Paper p="md" data-testid="task-description-panel">
              <SectionTitle>{t('tasks.detail.description')}</SectionTitle>
              <Text
                size="sm"
                c={task.description ? undefined : 'dimmed'}
                style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
                data-testid="task-description"
              >
                {task.description || t('tasks.detail.noDescription')}
              </Text>
            </Paper>
            <TaskHistory task={task} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <LinkPanel task={task} />
        </Grid.Col>
      </Grid>

      <EditTaskModal task={task} opened={dialog === 'edit'} onClose={() => setDialog(null)} onConflict={onConflict} />
      <ReassignTaskModal task={task} opened={dialog === 'reassign'} onClose={() => setDialog(null)} onConflict={onConflict} />
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

/** Who owes it, by when, and who asked: times in Mexico City. */
function FactsPanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const dueState = useTaskDueState(task);
  return (
    <Paper p="md" data-testid="task-facts">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md" verticalSpacing="md">
        <Fact label={t('tasks.detail.facts.agency')} testId="task-agency">
          <Text span ff="monospace" fw={700} size="sm">
            {task.assigneeAgency.code}
          </Text>{' '}
          — {agencyName(task.assigneeAgency, locale)}
        </Fact>
        <Fact label={t('tasks.detail.facts.assignee')} testId="task-assignee">
          {task.assigneeUser?.name ?? (
            <Text span size="sm" c="dimmed">
              {t('tasks.list.wholeAgency')}
            </Text>
          )}
        </Fact>
        <Fact label={t('tasks.detail.facts.dueAt')} testId="task-due-at">
          {formatMxDateTime(task.dueAt, locale)}
          {dueState === 'none' ? null : <TaskCountdown task={task} size="xs" />}
        </Fact>
        <Fact label={t('tasks.detail.facts.creator')}>{task.creator.name}</Fact>
        <Fact label={t('tasks.detail.facts.createdAt')}>{formatMxDateTime(task.createdAt, locale)}</Fact>
      </SimpleGrid>
      <Group gap={6} c="dimmed" mt="sm">
        <IconClock size={14} aria-hidden />
        <Text size="xs" data-testid="task-time-zone">
          {t('tasks.detail.timeZoneNote', { zone: t('incidents.common.timeZone'), updated: formatMxDateTime(task.updatedAt, locale) })}
        </Text>
      </Group>
    </Paper>
  );
}

/** The incident or initiative the task is part of. */
function LinkPanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <Paper p="md" data-testid="task-link-panel">
      <SectionTitle>{t('tasks.detail.link.title')}</SectionTitle>
      {task.incident ? (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('tasks.detail.link.incident')}
          </Text>
          <AnchorLink
            to="/incidentes/$incidentId"
            params={{ incidentId: task.incident.id }}
            ff="monospace"
            fw={700}
            size="sm"
            data-testid="task-incident"
          >
            {task.incident.reference}
          </AnchorLink>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {task.incident.title}
          </Text>
        </Stack>
      ) : task.initiative ? (
        <Stack gap={4}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('tasks.detail.link.initiative')}
          </Text>
          <Text ff="monospace" fw={700} size="sm" data-testid="task-initiative">
            {task.initiative.code}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {task.initiative.title}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t('tasks.detail.link.none')}
        </Text>
      )}
    </Paper>
  );
}
