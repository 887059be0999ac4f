import { TASK_PRIORITIES, TASK_STATUSES } from '@anc/domain';
import { Chip, Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type FilterNoteSpec, FilterPanel, SearchField } from '../../components/FilterPanel.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useAgencyOptions } from '../../lib/agency-options.ts';
import { many } from '../../lib/search-params.ts';
import { IncidentPicker } from './IncidentPicker.tsx';
import { InitiativePicker } from './InitiativePicker.tsx';
import { taskPriorityLabel, taskStatusLabel } from './labels.tsx';
import { type TaskDueFilter, type TaskView, type TasksSearch, countTaskFilters, hasTaskFilters } from './search.ts';

/** A fieldset that looks like the other fields' wrappers (no border, no padding). */
const FIELDSET = { border: 0, padding: 0, margin: 0, minWidth: 0 } as const;

/** The filters of the task page; every change goes to the address (replace, not push). */
export function TaskFiltersPanel({
  search,
  view,
  seesAll,
  canFilterMine,
  collapsible,
  onChange,
  onClear,
}: {
  search: TasksSearch;
  view: TaskView;
  seesAll: boolean;
  canFilterMine: boolean;
  collapsible: boolean;
  onChange: (patch: Partial<TasksSearch>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useAgencyOptions({ includeInactive: true, enabled: seesAll });
  const active = countTaskFilters(search);
  const toggleDue = (value: TaskDueFilter) => onChange({ due: search.due === value ? undefined : value });
  // An incident's or an initiative's tasks, reached by a link: staff have no field for it here.
  const notes: FilterNoteSpec[] = [];
  if (!seesAll && search.incidentId) {
    notes.push({
      text: t('tasks.filters.incidentSet'),
      removeLabel: t('tasks.filters.removeLink'),
      onRemove: () => onChange({ incidentId: undefined }),
      testId: 'tasks-link-filter',
    });
  }
  if (!seesAll && search.initiativeId) {
    notes.push({
      text: t('tasks.filters.initiativeSet'),
      removeLabel: t('tasks.filters.removeLink'),
      onRemove: () => onChange({ initiativeId: undefined }),
      testId: 'tasks-link-filter',
    });
  }

  return (
    <FilterPanel
      name="tasks"
      collapsible={collapsible}
      toggleText={active ? t('tasks.filters.toggleActive', { count: active }) : t('tasks.filters.toggle')}
      columns={4}
      notes={notes}
      canClear={hasTaskFilters(search)}
      onClear={onClear}
    >
      <SearchField
        label={t('tasks.filters.q')}
        placeholder={t('tasks.filters.qPlaceholder')}
        value={search.q}
        onSearch={(q) => onChange({ q })}
        testId="tasks-filter-q"
      />
      {seesAll ? (
        <Select
          label={t('tasks.filters.agency')}
          placeholder={t('tasks.filters.agencyAll')}
          data={agencies.options}
          value={search.agencyId ?? null}
          onChange={(value) => onChange({ agencyId: value ?? undefined })}
          searchable
          clearable
          nothingFoundMessage={t('tasks.filters.agencyNothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-testid="tasks-filter-agency"
        />
      ) : null}
      {view === 'list' ? (
        <MultiSelect
          label={t('tasks.filters.status')}
          placeholder={search.status ? undefined : t('tasks.filters.any')}
          data={TASK_STATUSES.map((s) => ({ value: s, label: taskStatusLabel(s, locale) }))}
          value={search.status ?? []}
          onChange={(values) => onChange({ status: many(TASK_STATUSES.filter((s) => values.includes(s))) })}
          clearable
          comboboxProps={{ withinPortal: true }}
          data-testid="tasks-filter-status"
        />
      ) : null}
      <MultiSelect
        label={t('tasks.filters.priority')}
        placeholder={search.priority ? undefined : t('tasks.filters.any')}
        data={TASK_PRIORITIES.map((p) => ({ value: p, label: taskPriorityLabel(p, locale) }))}
        value={search.priority ?? []}
        onChange={(values) => onChange({ priority: many(TASK_PRIORITIES.filter((p) => values.includes(p))) })}
        clearable
        comboboxProps={{ withinPortal: true }}
        data-testid="tasks-filter-priority"
      />
      <Stack gap={4} component="fieldset" style={FIELDSET}>
        <Text size="sm" fw={500} component="legend" p={0} mb={4}>
          {t('tasks.filters.due')}
        </Text>
        <Group gap="xs" wrap="wrap">
          <Chip checked={search.due === 'overdue'} onChange={() => toggleDue('overdue')} color="red" size="xs" data-testid="tasks-filter-overdue">
            {t('tasks.filters.overdue')}
          </Chip>
          <Chip checked={search.due === 'due_soon'} onChange={() => toggleDue('due_soon')} color="orange" size="xs" data-testid="tasks-filter-due-soon">
            {t('tasks.filters.dueSoon')}
          </Chip>
          {canFilterMine ? (
            <Chip checked={search.mine === true} onChange={() => onChange({ mine: search.mine ? undefined : true })} size="xs" data-testid="tasks-filter-mine">
              {t('tasks.filters.mine')}
            </Chip>
          ) : null}
        </Group>
      </Stack>
      {seesAll ? (
        <Stack gap="xs">
          <IncidentPicker
            label={t('tasks.filters.incident')}
            value={search.incidentId ?? null}
            onChange={(incidentId) => onChange({ incidentId: incidentId ?? undefined, initiativeId: undefined })}
            testId="tasks-filter-incident"
          />
          <InitiativePicker
            label={t('tasks.filters.initiative')}
            value={search.initiativeId ?? null}
            onChange={(initiativeId) => onChange({ initiativeId: initiativeId ?? undefined, incidentId: undefined })}
            testId="tasks-filter-initiative"
          />
        </Stack>
      ) : null}
    </FilterPanel>
  );
}
