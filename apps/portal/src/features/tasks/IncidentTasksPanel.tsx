/**
 * The tasks linked to an incident, on the incident's page (staff see their own agency's only),
 * and for coordinators the way to create one: the link and the reporting agency come pre-filled.
 */
import { can } from '@anc/domain';
import { Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, CodeLink } from '../../components/links.tsx';
import { useCurrentUser } from '../../lib/session.ts';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { CreateTaskLink } from './CreateTaskLink.tsx';
import { TaskDue, TaskStatusBadge, useTaskDueState } from './labels.tsx';
import type { TaskSummary } from './types.ts';

export function IncidentTasksPanel({
  incident,
  tasks,
}: {
  incident: { id: string; reference: string; agency: { id: string; code: string } };
  tasks: readonly TaskSummary[];
}) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const canCreate = can(me.role, 'tasks.create');
  return (
    <Paper p="md" component="section" aria-labelledby="incident-tasks-title" data-testid="incident-tasks">
      <SectionTitle
        id="incident-tasks-title"
        extra={
          canCreate ? (
            <CreateTaskLink
              search={{ incidentId: incident.id, assigneeAgencyId: incident.agency.id }}
              ariaLabel={t('tasks.incident.createFor', { reference: incident.reference })}
              testId="incident-create-task"
            >
              {t('tasks.incident.create')}
            </CreateTaskLink>
          ) : null
        }
      >
        {t('tasks.incident.title')}
      </SectionTitle>
      {tasks.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="incident-tasks-empty">
          {canCreate ? t('tasks.incident.emptyCoordinator', { agency: incident.agency.code }) : t('tasks.incident.empty')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {tasks.map((task) => (
            <IncidentTaskItem key={task.id} task={task} />
          ))}
        </Stack>
      )}
      {tasks.length > 0 ? (
        <AnchorLink to="/tareas" search={{ view: 'list', incidentId: incident.id }} size="xs" mt="sm" display="inline-block">
          {t('tasks.incident.seeAll')}
        </AnchorLink>
      ) : null}
    </Paper>
  );
}

function IncidentTaskItem({ task }: { task: TaskSummary }) {
  const state = useTaskDueState(task);
  return (
    <li data-testid="incident-task" data-reference={task.reference} data-status={task.status} data-due={state}>
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <CodeLink to="/tareas/$taskId" params={{ taskId: task.id }} data-testid="incident-task-link">
            {task.reference}
          </CodeLink>
          <Text size="sm" ff="monospace" fw={600}>
            {task.assigneeAgency.code}
          </Text>
        </Group>
        <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          {task.title}
        </Text>
        <Group gap={6} wrap="wrap">
          <TaskStatusBadge status={task.status} size="sm" />
          {state === 'none' ? null : <TaskDue task={task} />}
        </Group>
      </Stack>
    </li>
  );
}
