import { TASK_PRIORITIES, TASK_STATUSES } from '@anc/domain';
import { Button, Chip, CloseButton, Collapse, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconChevronDown, IconFilter, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';
import { IncidentPicker } from './IncidentPicker.tsx';
import { InitiativePicker } from './InitiativePicker.tsx';
import { taskPriorityLabel, taskStatusLabel } from './labels.tsx';
import { type TaskDueFilter, type TaskView, type TasksSearch, countTaskFilters, hasTaskFilters } from './search.ts';

/** A fieldset that looks like the other fields' wrappers (no border, no padding). */
const FIELDSET = { border: 0, padding: 0, margin: 0, minWidth: 0 } as const;

const many = <T,>(values: T[]) => (values.length ? values : undefined);

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
  const [text, setText] = useState(search.q ?? '');
  const setQuery = useDebouncedCallback((q: string) => onChange({ q: q.trim() || undefined }), 350);
  const agencies = useQuery({ ...trpc.agencies.list.queryOptions({ includeInactive: true }), enabled: seesAll });
  const [open, setOpen] = useState(false);
  const active = countTaskFilters(search);
  const toggleDue = (value: TaskDueFilter) => onChange({ due: search.due === value ? undefined : value });

  return (
    <Paper p="md" data-testid="tasks-filters">
      {collapsible ? (
        <Button
          variant="subtle"
          fullWidth
          justify="space-between"
          rightSection={<IconChevronDown size={16} aria-hidden style={{ transform: open ? 'rotate(180deg)' : undefined }} />}
          leftSection={<IconFilter size={16} aria-hidden />}
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls="tasks-filter-fields"
          mb={open ? 'sm' : 0}
          data-testid="tasks-filters-toggle"
        >
          {active ? t('tasks.filters.toggleActive', { count: active }) : t('tasks.filters.toggle')}
        </Button>
      ) : null}
      <Collapse expanded={!collapsible || open} id="tasks-filter-fields">
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" verticalSpacing="sm">
            <TextInput
              label={t('tasks.filters.q')}
              placeholder={t('tasks.filters.qPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={text}
              onChange={(e) => {
                setText(e.currentTarget.value);
                setQuery(e.currentTarget.value);
              }}
              data-testid="tasks-filter-q"
            />
            {seesAll ? (
              <Select
                label={t('tasks.filters.agency')}
                placeholder={t('tasks.filters.agencyAll')}
                data={(agencies.data?.items ?? [])
                  .toSorted((a, b) => a.code.localeCompare(b.code))
                  .map((a) => ({ value: a.id, label: `${a.code} — ${agencyName(a, locale)}` }))}
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
          </SimpleGrid>
          {!seesAll && search.incidentId ? (
            <LinkFilterNote text={t('tasks.filters.incidentSet')} onClear={() => onChange({ incidentId: undefined })} />
          ) : null}
          {!seesAll && search.initiativeId ? <LinkFilterNote text={t('tasks.filters.initiativeSet')} onClear={() => onChange({ initiativeId: undefined })} /> : null}
          {hasTaskFilters(search) ? (
            <Group justify="flex-end">
              <Button
                variant="subtle"
                color="gray"
                size="xs"
                leftSection={<IconFilterOff size={16} aria-hidden />}
                onClick={onClear}
                data-testid="tasks-clear-filters"
              >
                {t('common.clearFilters')}
              </Button>
            </Group>
          ) : null}
        </Stack>
      </Collapse>
    </Paper>
  );
}

/** A filter set by a link (an incident's or an initiative's tasks) that has no field of its own here. */
function LinkFilterNote({ text, onClear }: { text: string; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" data-testid="tasks-link-filter">
      <Text size="sm">{text}</Text>
      <CloseButton size="sm" onClick={onClear} aria-label={t('tasks.filters.removeLink')} />
    </Group>
  );
}
