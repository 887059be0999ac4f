/**
 * /tareas/nueva: a coordinator assigns work to an agency. Opened from an incident, the link and
 * the reporting agency come pre-filled (?incidentId=…&assigneeAgencyId=…). Checked by the API's
 * own schema as the person types; what the API still refuses comes back under the same fields.
 */
import '@mantine/dates/styles.css';
import { CreateTaskInput, TASK_DESCRIPTION_MAX, TASK_PRIORITIES, TASK_TITLE_MAX } from '@anc/domain';
import { Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useDocumentTitle } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormActions, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { BackLabel, FormNoAccess, FormSection, LeaveGuard, focusFirstError } from '../../components/FormPage.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { MxDatesProvider, useDateTimePickerProps } from '../../components/MxDates.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { readApiError } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { mexicoCityNow, mexicoCityOffsetLabel, mexicoCityStartOfToday, mexicoCityWallClockToIso } from '../../lib/dates.ts';
import { AssigneeUserSelect, useAssignableAgencies } from './assignee.tsx';
import { storeTask } from './cache.ts';
import { IncidentPicker } from './IncidentPicker.tsx';
import { InitiativePicker } from './InitiativePicker.tsx';
import { taskPriorityLabel } from './labels.tsx';
import type { NewTaskSearch } from './search.ts';

const route = getRouteApi('/app/tareas/nueva');

interface NewTaskValues {
  title: string;
  description: string;
  priority: string;
  /** Mexico City wall-clock time ("YYYY-MM-DD HH:mm:ss"), as the picker speaks. */
  dueAt: string | null;
  assigneeAgencyId: string | null;
  assigneeUserId: string | null;
  incidentId: string | null;
  initiativeId: string | null;
}

const FIELDS = ['title', 'description', 'priority', 'dueAt', 'assigneeAgencyId', 'assigneeUserId', 'incidentId', 'initiativeId'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (field: Field) => `task-${field}`;

/** Blank selects travel as undefined / null so the schema names what is missing. */
const prepare = (v: NewTaskValues) => ({
  title: v.title,
  description: v.description,
  priority: v.priority || undefined,
  dueAt: mexicoCityWallClockToIso(v.dueAt),
  assigneeAgencyId: v.assigneeAgencyId ?? '',
  assigneeUserId: v.assigneeUserId,
  incidentId: v.incidentId,
  initiativeId: v.initiativeId,
});

/** An empty form, with the link and the agency the address brings (from an incident's or an initiative's page). */
const startingValues = (search: NewTaskSearch): NewTaskValues => ({
  title: '',
  description: '',
  priority: 'normal',
  dueAt: null,
  assigneeAgencyId: search.assigneeAgencyId ?? null,
  assigneeUserId: null,
  incidentId: search.incidentId ?? null,
  initiativeId: search.initiativeId ?? null,
});

/** Quick due times, from now, in Mexico City time. */
const PRESETS = [
  { key: 'h24', hours: 24 },
  { key: 'h72', hours: 72 },
  { key: 'week', hours: 24 * 7 },
] as const;

const focusFirst = (errors: Record<string, unknown>) => focusFirstError(FIELDS, errors, fieldId);

export function NewTaskPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(`${t('tasks.form.pageTitle')} · ${t('app.short')}`);
  if (user.role !== 'coordinator') {
    return <FormNoAccess title={t('tasks.form.heading')} body={t('tasks.form.coordinatorsOnly')} backTo="/tareas" backLabel={t('tasks.form.backToList')} />;
  }
  return <NewTaskForm />;
}

function NewTaskForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const search = route.useSearch();
  const agencies = useAssignableAgencies();
  const pickerProps = useDateTimePickerProps();

  const { form, problems, onSubmit } = useSchemaForm({
    schema: CreateTaskInput,
    initialValues: startingValues(search),
    prepare,
    // Not the due date: its picker takes the focus away while the person is still choosing.
    validateInputOnBlur: ['title', 'description'],
    fields: FIELDS,
  });
  const values = form.values;
  const incident = useQuery({ ...trpc.incidents.get.queryOptions({ id: values.incidentId ?? '' }), enabled: Boolean(values.incidentId) });
  const reportingAgency = values.incidentId ? incident.data?.agency : undefined;
  const initiative = useQuery({ ...trpc.initiatives.get.queryOptions({ id: values.initiativeId ?? '' }), enabled: Boolean(values.initiativeId) });

  const create = useMutation(
    trpc.tasks.create.mutationOptions({
      onSuccess: (task) => {
        storeTask(task);
        notify(t('tasks.form.created', { reference: task.reference, agency: task.assigneeAgency.code }));
        // Created: going to its page is not leaving unsaved changes behind.
        void navigate({ to: '/tareas/$taskId', params: { taskId: task.id }, ignoreBlocker: true });
      },
      onError: (error) => {
        problems.onError(error);
        focusFirst(readApiError(error).fieldErrors);
      },
    }),
  );

  const zone = t('tasks.form.zone', { offset: mexicoCityOffsetLabel() });
  const setPreset = (hours: number) => {
    // Rounded to the next quarter hour: a due time people can say aloud.
    const at = dayjs().add(hours, 'hour');
    const rounded = at
      .minute(Math.ceil(at.minute() / 15) * 15)
      .second(0)
      .millisecond(0);
    form.setFieldValue('dueAt', mexicoCityNow(rounded.toDate()));
    form.validateField('dueAt');
  };

  return (
    <MxDatesProvider>
      <Stack gap="lg" maw={880}>
        <div>
          {search.incidentId ? (
            <AnchorLink to="/incidentes/$incidentId" params={{ incidentId: search.incidentId }} size="sm" c="dimmed">
              <BackLabel>{t('tasks.form.backToIncident')}</BackLabel>
            </AnchorLink>
          ) : search.initiativeId ? (
            <AnchorLink to="/iniciativas/$initiativeId" params={{ initiativeId: search.initiativeId }} size="sm" c="dimmed">
              <BackLabel>{t('tasks.form.backToInitiative')}</BackLabel>
            </AnchorLink>
          ) : (
            <AnchorLink to="/tareas" size="sm" c="dimmed">
              <BackLabel>{t('tasks.form.backToList')}</BackLabel>
            </AnchorLink>
          )}
          <PageHeader title={t('tasks.form.heading')} description={t('tasks.form.subtitle')} />
        </div>

        <form noValidate data-testid="task-form" onSubmit={onSubmit((input) => create.mutate(input), focusFirst)}>
          <Stack gap="lg">
            <FormProblems testId="task-form" error={problems.formError} />

            <FormSection title={t('tasks.form.sections.what')} testId="task-section-what">
              <Stack gap="md">
                <TextInput
                  id={fieldId('title')}
                  label={t('tasks.form.title')}
                  placeholder={t('tasks.form.titlePlaceholder')}
                  withAsterisk
                  maxLength={TASK_TITLE_MAX}
                  autoComplete="off"
                  data-testid="task-form-title"
                  {...form.getInputProps('title')}
                />
                <Textarea
                  id={fieldId('description')}
                  label={t('tasks.form.description')}
                  description={t('tasks.form.descriptionHint')}
                  autosize
                  minRows={4}
                  maxRows={14}
                  maxLength={TASK_DESCRIPTION_MAX}
                  data-testid="task-form-description"
                  {...form.getInputProps('description')}
                />
                <IncidentPicker
                  id={fieldId('incidentId')}
                  label={t('tasks.form.incident')}
                  description={t('tasks.form.incidentHint')}
                  value={values.incidentId}
                  onChange={(id) => {
                    // One link per task: choosing an incident drops the initiative.
                    form.setFieldValue('incidentId', id);
                    if (id) form.setFieldValue('initiativeId', null);
                  }}
                  error={typeof form.errors.incidentId === 'string' ? form.errors.incidentId : null}
                  testId="task-form-incident"
                />
                {values.incidentId && incident.data ? (
                  <Text size="xs" c="dimmed" data-testid="task-form-incident-summary">
                    {t('tasks.form.incidentSummary', { reference: incident.data.reference, agency: incident.data.agency.code })}
                  </Text>
                ) : null}
                <InitiativePicker
                  id={fieldId('initiativeId')}
                  label={t('tasks.form.initiative')}
                  description={t('tasks.form.initiativeHint')}
                  value={values.initiativeId}
                  onChange={(id) => {
                    form.setFieldValue('initiativeId', id);
                    if (id) form.setFieldValue('incidentId', null);
                  }}
                  error={typeof form.errors.initiativeId === 'string' ? form.errors.initiativeId : null}
                  testId="task-form-initiative"
                />
                {values.initiativeId && initiative.data ? (
                  <Text size="xs" c="dimmed" data-testid="task-form-initiative-summary">
                    {t('tasks.form.initiativeSummary', { code: initiative.data.code, agency: initiative.data.leadAgency.code })}
                  </Text>
                ) : null}
              </Stack>
            </FormSection>

            <FormSection title={t('tasks.form.sections.who')} testId="task-section-who">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <Stack gap={4}>
                  <Select
                    id={fieldId('assigneeAgencyId')}
                    label={t('tasks.form.assigneeAgency')}
                    description={t('tasks.form.assigneeAgencyHint')}
                    placeholder={t('tasks.form.assigneeAgencyPlaceholder')}
                    data={agencies.options}
                    searchable
                    withAsterisk
                    nothingFoundMessage={t('tasks.form.assigneeAgencyNothingFound')}
                    comboboxProps={{ withinPortal: true }}
                    data-testid="task-form-agency"
                    {...form.getInputProps('assigneeAgencyId')}
                    onChange={(value) => {
                      if (value === form.getValues().assigneeAgencyId) return;
                      form.setFieldValue('assigneeAgencyId', value);
                      // A person belongs to one agency: a new agency starts without one.
                      form.setFieldValue('assigneeUserId', null);
                    }}
                  />
                  {reportingAgency && reportingAgency.id !== values.assigneeAgencyId ? (
                    <Group gap={4}>
                      <Button
                        variant="subtle"
                        size="compact-xs"
                        onClick={() => {
                          form.setFieldValue('assigneeAgencyId', reportingAgency.id);
                          form.setFieldValue('assigneeUserId', null);
                        }}
                        data-testid="task-form-use-reporting-agency"
                      >
                        {t('tasks.form.useReportingAgency', { agency: reportingAgency.code })}
                      </Button>
                    </Group>
                  ) : null}
                </Stack>
                <AssigneeUserSelect
                  id={fieldId('assigneeUserId')}
                  agencyId={values.assigneeAgencyId}
                  data-testid="task-form-user"
                  {...form.getInputProps('assigneeUserId')}
                />
              </SimpleGrid>
            </FormSection>

            <FormSection title={t('tasks.form.sections.when')} testId="task-section-when">
              <Stack gap="md">
                <Stack gap={4}>
                  <Text size="sm" fw={500} id="task-priority-label">
                    {t('tasks.form.priority')}
                  </Text>
                  <SegmentedControl
                    id={fieldId('priority')}
                    aria-labelledby="task-priority-label"
                    data={TASK_PRIORITIES.map((p) => ({ value: p, label: taskPriorityLabel(p, locale) }))}
                    maw={480}
                    data-testid="task-form-priority"
                    {...form.getInputProps('priority')}
                  />
                </Stack>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <DateTimePicker
                    id={fieldId('dueAt')}
                    label={t('tasks.form.dueAt')}
                    description={zone}
                    placeholder={t('tasks.form.dueAtPlaceholder')}
                    withAsterisk
                    minDate={mexicoCityStartOfToday()}
                    clearable
                    {...pickerProps}
                    data-testid="task-form-due-at"
                    {...form.getInputProps('dueAt')}
                    // Checked as soon as it is picked: a time already past today shows its error at once.
                    onChange={(value: string | null) => {
                      form.setFieldValue('dueAt', value);
                      form.validateField('dueAt');
                    }}
                  />
                  <Stack gap={4} component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
                    <Text size="sm" fw={500} component="legend" p={0} mb={4}>
                      {t('tasks.form.presets')}
                    </Text>
                    <Group gap="xs">
                      {PRESETS.map((preset) => (
                        <Button
                          key={preset.key}
                          variant="default"
                          size="xs"
                          onClick={() => setPreset(preset.hours)}
                          data-testid={`task-form-due-${preset.key}`}
                        >
                          {t(`tasks.form.preset.${preset.key}`)}
                        </Button>
                      ))}
                    </Group>
                  </Stack>
                </SimpleGrid>
              </Stack>
            </FormSection>

            <FormActions
              cancelTo="/tareas"
              cancelTestId="task-form-cancel"
              submitLabel={t('tasks.form.submit')}
              submitTestId="task-form-submit"
              leftSection={<IconSend size={16} aria-hidden />}
              loading={create.isPending}
            />
          </Stack>
        </form>
      </Stack>

      {/* Only what the person typed counts; the pre-filled link and agency alone are not "unsaved". */}
      <LeaveGuard
        isDirty={() => form.isDirty()}
        title={t('tasks.form.leaveTitle')}
        body={t('tasks.form.leaveBody')}
        confirmLabel={t('tasks.form.leaveConfirm')}
      />
    </MxDatesProvider>
  );
}
