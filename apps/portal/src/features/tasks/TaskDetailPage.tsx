/**
 * /tareas/$taskId: what the task asks, who owes it and by when, the steps this reader may take
 * now, its whole history with comments, and (coordinators) editing and reassignment. A task the
 * reader may not see answers exactly like one that does not exist.
 */
import { formatMxDateTime } from '@anc/domain';
import { Button, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowsExchange, IconPencil } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
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
import { CodeLink } from '../../components/links.tsx';
import { ClockNote } from '../../components/ListPage.tsx';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { isUuid } from '../../lib/search-params.ts';
import { trpc } from '../../lib/trpc.ts';
import { EditTaskModal } from './EditTaskModal.tsx';
import { TaskCountdown, TaskDueBadge, TaskPriorityBadge, TaskStatusBadge, useTaskDueState } from './labels.tsx';
import { ReassignTaskModal } from './ReassignTaskModal.tsx';
import { TaskHistory } from './TaskHistory.tsx';
import { EvidencePanel } from '../files/EvidencePanel.tsx';
import { refreshTask } from './cache.ts';
import { TaskTransitions } from './TaskTransitions.tsx';
import type { TaskDetail } from './types.ts';
import { TaskContactsPanel } from '../directory/AgencyContactsPanel.tsx';

const route = getRouteApi('/app/tareas/$taskId');

export function TaskDetailPage() {
  const { taskId } = route.useParams();
  const valid = isUuid(taskId);
  const detail = useQuery({ ...trpc.tasks.get.queryOptions({ id: taskId }), enabled: valid });
  return (
    <DetailGate
      kind="task"
      valid={valid}
      query={detail}
      skeleton={
        <DetailSkeleton kind="task" badges={[90, 110]}>
          <Skeleton height={120} />
          <Skeleton height={240} />
        </DetailSkeleton>
      }
    >
      {(task) => <TaskView task={task} refetch={() => detail.refetch()} refetching={detail.isFetching} />}
    </DetailGate>
  );
}

type Dialog = 'edit' | 'reassign' | null;

function TaskView({ task, refetch, refetching }: { task: TaskDetail; refetch: () => Promise<unknown>; refetching: boolean }) {
  const { t } = useTranslation();
  const dueState = useTaskDueState(task);
  useDocumentTitle(`${task.reference} · ${t('tasks.list.titleAll')} · ${t('app.short')}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Someone else changed the task: say so, and show what it is now. Open dialogs keep what was typed.
  const note = useConflictNote(refetch);
  const { onConflict } = note;

  return (
    <Stack gap="lg" data-testid="task-detail" data-reference={task.reference} data-status={task.status} data-version={task.version} aria-busy={refetching}>
      <BackLink kind="task" />
      <DetailHeader
        kind="task"
        reference={task.reference}
        title={task.title}
        badges={
          <>
            <TaskStatusBadge status={task.status} size="lg" />
            <TaskPriorityBadge priority={task.priority} size="lg" />
            <TaskDueBadge state={dueState} size="lg" />
          </>
        }
        actions={
          task.capabilities.edit || task.capabilities.reassign ? (
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
          ) : null
        }
      />

      <ConflictNote kind="task" note={note} />

      <TaskTransitions task={task} onConflict={onConflict} />

      <FactsPanel task={task} />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="lg">
            <TextPanel
              title={t('tasks.detail.description')}
              text={task.description}
              empty={t('tasks.detail.noDescription')}
              testId="task-description-panel"
              textTestId="task-description"
            />
            <TaskHistory task={task} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="lg">
            <LinkPanel task={task} />
            <TaskContactsPanel taskId={task.id} />
            {/* Evidence files (features/files/): who may comment on the task uploads. */}
            <EvidencePanel
              parent={{ kind: 'task', id: task.id }}
              attachments={task.attachments}
              canUpload={task.capabilities.comment}
              onChanged={() => refreshTask(task.id)}
            />
          </Stack>
        </Grid.Col>
      </Grid>

      <EditTaskModal task={task} opened={dialog === 'edit'} onClose={() => setDialog(null)} onConflict={onConflict} />
      <ReassignTaskModal task={task} opened={dialog === 'reassign'} onClose={() => setDialog(null)} onConflict={onConflict} />
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
          <AgencyFact code={task.assigneeAgency.code} name={agencyName(task.assigneeAgency, locale)} />
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
      <ClockNote testId="task-time-zone" mt="sm">
        {t('tasks.detail.timeZoneNote', { zone: t('incidents.common.timeZoneInline'), updated: formatMxDateTime(task.updatedAt, locale) })}
      </ClockNote>
    </Paper>
  );
}

/** The incident or initiative the task is part of, each a link to its own page. */
function LinkPanel({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  return (
    <Paper p="md" data-testid="task-link-panel">
      <SectionTitle>{t('tasks.detail.link.title')}</SectionTitle>
      {task.incident ? (
        <LinkedRecord
          label={t('tasks.detail.link.incident')}
          title={task.incident.title}
          link={
            <CodeLink to="/incidentes/$incidentId" params={{ incidentId: task.incident.id }} data-testid="task-incident">
              {task.incident.reference}
            </CodeLink>
          }
        />
      ) : task.initiative ? (
        <LinkedRecord
          label={t('tasks.detail.link.initiative')}
          title={task.initiative.title}
          link={
            <CodeLink to="/iniciativas/$initiativeId" params={{ initiativeId: task.initiative.id }} data-testid="task-initiative">
              {task.initiative.code}
            </CodeLink>
          }
        />
      ) : (
        <Text size="sm" c="dimmed">
          {t('tasks.detail.link.none')}
        </Text>
      )}
    </Paper>
  );
}

function LinkedRecord({ label, link, title }: { label: string; link: ReactNode; title: string }) {
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      {link}
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {title}
      </Text>
    </Stack>
  );
}
