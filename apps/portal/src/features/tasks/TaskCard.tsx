import { Badge, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconLink, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, CodeLink } from '../../components/links.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { TaskDue, TaskPriorityBadge, TaskStatusBadge, useTaskDueState } from './labels.tsx';
import type { TaskSummary } from './types.ts';

/**
 * One task as a card: on the board (no status badge: the column says it) and in the list on a
 * phone. Overdue and due-soon cards carry a coloured edge as well as the badge and the words.
 */
export function TaskCard({ task, withStatus, withAgency }: { task: TaskSummary; withStatus: boolean; withAgency: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = useTaskDueState(task);
  const edge = state === 'overdue' ? 'var(--mantine-color-red-8)' : state === 'due_soon' ? 'var(--mantine-color-orange-6)' : undefined;
  return (
    <Paper
      p="sm"
      shadow="xs"
      component="article"
      aria-labelledby={`task-card-${task.id}`}
      style={edge ? { borderLeft: `4px solid ${edge}` } : undefined}
      data-testid="task-card"
      data-reference={task.reference}
      data-status={task.status}
      data-due={state}
    >
      <Stack gap={6}>
        <CodeLink to="/tareas/$taskId" params={{ taskId: task.id }} id={`task-card-${task.id}`} data-testid="task-link">
          {task.reference}
        </CodeLink>
        <Text size="sm" fw={500} lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
          {task.title}
        </Text>
        <Group gap={6} wrap="wrap">
          {withAgency ? (
            <Badge variant="outline" color="dark" size="sm" ff="monospace" title={agencyName(task.assigneeAgency, locale)}>
              {task.assigneeAgency.code}
              <VisuallyHidden> — {agencyName(task.assigneeAgency, locale)}</VisuallyHidden>
            </Badge>
          ) : null}
          {withStatus ? <TaskStatusBadge status={task.status} size="sm" /> : null}
          <TaskPriorityBadge priority={task.priority} size="sm" />
        </Group>
        <TaskDue task={task} />
        {task.assigneeUser ? (
          <Group gap={4} wrap="nowrap" c="dimmed">
            <IconUser size={14} aria-hidden />
            <Text size="xs" truncate>
              <VisuallyHidden>{t('tasks.list.assignedTo')} </VisuallyHidden>
              {task.assigneeUser.name}
            </Text>
          </Group>
        ) : null}
        <TaskLinkLine task={task} />
      </Stack>
    </Paper>
  );
}

/** "INC-2026-000012" or "PN-2027-004": what the task is about, when it is linked. */
export function TaskLinkLine({ task }: { task: TaskSummary }) {
  const { t } = useTranslation();
  if (task.incident) {
    return (
      <Group gap={4} wrap="nowrap" c="dimmed">
        <IconLink size={14} aria-hidden />
        <Text size="xs" truncate title={task.incident.title}>
          {t('tasks.list.incident')}{' '}
          <AnchorLink to="/incidentes/$incidentId" params={{ incidentId: task.incident.id }} ff="monospace" size="xs" data-testid="task-incident-link">
            {task.incident.reference}
          </AnchorLink>
        </Text>
      </Group>
    );
  }
  if (task.initiative) {
    return (
      <Group gap={4} wrap="nowrap" c="dimmed">
        <IconLink size={14} aria-hidden />
        <Text size="xs" truncate title={task.initiative.title}>
          {t('tasks.list.initiative')}{' '}
          <AnchorLink to="/iniciativas/$initiativeId" params={{ initiativeId: task.initiative.id }} ff="monospace" size="xs" data-testid="task-initiative-link">
            {task.initiative.code}
          </AnchorLink>
        </Text>
      </Group>
    );
  }
  return null;
}
