/**
 * The tasks that carry the initiative out, with their state; each opens its own page. Coordinators
 * create one from here: the initiative and its lead agency come pre-filled.
 */
import { ANC_AGENCY_CODE, can } from '@anc/domain';
import { Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink, CodeLink } from '../../components/links.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { formatMxDate } from '../../lib/time.ts';
import { CreateTaskLink } from '../tasks/CreateTaskLink.tsx';
import { TaskDueBadge, TaskStatusBadge } from '../tasks/labels.tsx';
import type { InitiativeDetail } from './types.ts';

export function LinkedTasks({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  const canCreate = can(me.role, 'tasks.create');
  // Work is never assigned to the ANC itself: an initiative it leads leaves the agency to choose.
  const lead = initiative.leadAgency.code === ANC_AGENCY_CODE ? {} : { assigneeAgencyId: initiative.leadAgency.id };
  return (
    <Paper p="md" component="section" aria-labelledby="initiative-tasks-heading" data-testid="initiative-tasks">
      <SectionTitle
        id="initiative-tasks-heading"
        extra={
          <Group gap="sm">
            {initiative.tasks.length > 0 ? (
              <AnchorLink to="/tareas" search={{ view: 'list', initiativeId: initiative.id }} size="sm">
                {t('initiatives.tasks.viewAll')}
              </AnchorLink>
            ) : null}
            {canCreate ? (
              <CreateTaskLink
                search={{ initiativeId: initiative.id, ...lead }}
                ariaLabel={t('initiatives.tasks.createFor', { code: initiative.code })}
                testId="initiative-create-task"
              >
                {t('initiatives.tasks.create')}
              </CreateTaskLink>
            ) : null}
          </Group>
        }
      >
        {t('initiatives.tasks.title')}
      </SectionTitle>
      {initiative.tasks.length === 0 ? (
        initiative.hiddenTaskCount > 0 ? null : (
          <Text size="sm" c="dimmed" data-testid="initiative-tasks-empty">
            {t('initiatives.tasks.none')}
          </Text>
        )
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('initiatives.tasks.label')} verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('initiatives.tasks.columns.reference')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.columns.title')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.columns.due')}</Table.Th>
                <Table.Th scope="col">{t('initiatives.tasks.columns.agency')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {initiative.tasks.map((task) => (
                <Table.Tr key={task.id} data-testid="initiative-task" data-reference={task.reference}>
                  <Table.Td>
                    <CodeLink to="/tareas/$taskId" params={{ taskId: task.id }}>
                      {task.reference}
                    </CodeLink>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" lineClamp={2}>
                      {task.title}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <TaskStatusBadge status={task.status} size="sm" />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                      {formatMxDate(task.dueAt, locale)}
                    </Text>
                    <TaskDueBadge state={task.dueState} size="xs" />
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" fw={600} title={agencyName(task.assigneeAgency, locale)}>
                      {task.assigneeAgency.code}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {initiative.hiddenTaskCount > 0 ? (
        // Other agencies' tasks are theirs to read: only how many there are (issue 10, defect 12).
        <Text size="sm" c="dimmed" mt="xs" data-testid="initiative-tasks-hidden">
          {t('initiatives.tasks.hiddenCount', { count: initiative.hiddenTaskCount })}
        </Text>
      ) : null}
    </Paper>
  );
}
