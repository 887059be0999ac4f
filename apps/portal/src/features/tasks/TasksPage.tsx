/**
 * /tareas. Staff: "Tareas de mi dependencia", as a board by status (default) or as a list.
 * Coordinators and admins: every task, as a list (default) or a board, with the agency filter and
 * the per-agency summary. The view and every filter live in the address.
 */
import { can } from '@anc/domain';
import { Group, SegmentedControl, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconLayoutKanban, IconList, IconPlus } from '@tabler/icons-react';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.tsx';
import { ClockNote, usePhone } from '../../components/ListPage.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { AgencySummary } from './AgencySummary.tsx';
import { TASK_VIEWS, type TaskView, type TasksSearch, hasTaskFilters, taskSortOf, tasksSearchFromView, toTaskFilters, toTaskListView } from './search.ts';
import { SavedFiltersMenu } from '../lists/SavedFiltersMenu.tsx';
import { TaskBoard } from './TaskBoard.tsx';
import { TaskFiltersPanel } from './TaskFiltersPanel.tsx';
import { TaskList } from './TaskList.tsx';

const route = getRouteApi('/app/tareas');

export function TasksPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  const seesAll = me.role === 'coordinator' || me.role === 'admin';
  useDocumentTitle(`${seesAll ? t('tasks.list.titleAll') : t('tasks.list.titleMine')} · ${t('app.short')}`);
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/tareas' });
  const view: TaskView = search.view ?? (seesAll ? 'list' : 'board');
  const filters = toTaskFilters(search, { withAgency: seesAll });
  const filtered = hasTaskFilters(search);
  const canCreate = can(me.role, 'tasks.create');
  const phone = usePhone();
  // Clearing from outside the panel (the empty state) also resets what the panel holds locally.
  const [resetKey, setResetKey] = useState(0);
  const clearFilters = () => {
    setResetKey((k) => k + 1);
    void navigate({ search: { view: search.view }, replace: true });
  };
  const patch = (change: Partial<TasksSearch>) => void navigate({ search: (prev) => ({ ...prev, ...change }), replace: true });

  return (
    <>
      <PageHeader
        title={seesAll ? t('tasks.list.titleAll') : t('tasks.list.titleMine')}
        description={seesAll ? t('tasks.list.subtitleAll') : t('tasks.list.subtitleMine', { agency: agencyName(me.agency, locale) })}
        actions={
          <>
            <SavedFiltersMenu
              list="tasks"
              current={toTaskListView(search, { withAgency: seesAll })}
              onApply={(filter) => {
                setResetKey((k) => k + 1);
                void navigate({ search: tasksSearchFromView(filter.query, search), replace: true });
              }}
            />
            <SegmentedControl
              value={view}
              onChange={(value) => patch({ view: TASK_VIEWS.find((v) => v === value) })}
              aria-label={t('tasks.list.viewLabel')}
              data={[
                { value: 'board', label: <ViewLabel icon={<IconLayoutKanban size={16} aria-hidden />} text={t('tasks.list.viewBoard')} /> },
                { value: 'list', label: <ViewLabel icon={<IconList size={16} aria-hidden />} text={t('tasks.list.viewList')} /> },
              ]}
              data-testid="tasks-view"
            />
            {canCreate ? (
              <ButtonLink to="/tareas/nueva" leftSection={<IconPlus size={16} aria-hidden />} data-testid="task-new">
                {t('tasks.list.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Stack gap="md">
        {seesAll ? <AgencySummary selectedAgencyId={search.agencyId} /> : null}
        <TaskFiltersPanel
          key={resetKey}
          search={search}
          view={view}
          seesAll={seesAll}
          canFilterMine={me.role === 'staff'}
          collapsible={phone}
          onChange={patch}
          onClear={clearFilters}
        />
        <ClockNote testId="tasks-time-zone">{t('tasks.list.timeZoneNote', { zone: t('incidents.common.timeZoneInline') })}</ClockNote>
        {view === 'board' ? (
          <TaskBoard filters={filters} seesAll={seesAll} phone={phone} />
        ) : (
          <TaskList
            filters={filters}
            seesAll={seesAll}
            phone={phone}
            filtered={filtered}
            canCreate={canCreate}
            onClear={clearFilters}
            sort={taskSortOf(search)}
            onSort={(next) => patch(next)}
          />
        )}
      </Stack>
    </>
  );
}

function ViewLabel({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <Group gap={6} wrap="nowrap" justify="center">
      {icon}
      <span>{text}</span>
    </Group>
  );
}
