/**
 * /tareas/nueva: a coordinator assigns work to an agency. Opened from an incident, the link and
 * the reporting agency come pre-filled (?incidentId=…&assigneeAgencyId=…). Checked by the API's
 * own schema as the person types; what the API still refuses comes back under the same fields.
 */
import '@mantine/dates/styles.css';
import { CreateTaskInput, TASK_DESCRIPTION_MAX, TASK_PRIORITIES, TASK_TITLE_MAX } from '@anc/domain';
import { Alert, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { DateTimePicker, DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconCalendarClock, IconSend } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useBlocker, useNavigate } from '@tanstack/react-router';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { currentLocale, useLocale } from '../../i18n/index.ts';
import { readApiError } from '../../lib/errors.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { notify } from '../../lib/notify.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { dayjsLocale, mexicoCityNow, mexicoCityOffsetLabel, mexicoCityWallClockToIso } from '../incidents/new/dates.ts';
import { AssigneeUserSelect, useAssignableAgencies } from './assignee.tsx';
import { storeTask } from './cache.ts';
import { IncidentPicker } from './IncidentPicker.tsx';
import { InitiativePicker } from './InitiativePicker.tsx';
import { taskPriorityLabel } from './labels.tsx';

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

/** Quick due times, from now, in Mexico City time. */
const PRESETS = [
  { key: 'h24', hours: 24 },
  { key: 'h72', hours: 72 },
  { key: 'week', hours: 24 * 7 },
] as const;

function focusFirst(errors: Record<string, unknown>) {
  const first = FIELDS.find((f) => errors[f]);
  if (!first) return;
  // After the errors render, so the field is described by its message when it gets focus.
  requestAnimationFrame(() => {
    const element = document.getElementById(fieldId(first));
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  });
}

export function NewTaskPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(`${t('tasks.form.pageTitle')} · ${t('app.short')}`);
  if (user.role !== 'coordinator') {
    return (
      <Alert color="gray" variant="light" title={t('tasks.form.heading')} data-testid="no-access" maw={640}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('tasks.form.coordinatorsOnly')}</Text>
          <ButtonLink to="/tareas" variant="default" size="xs">
            {t('tasks.form.backToList')}
          </ButtonLink>
        </Stack>
      </Alert>
    );
  }
  return <NewTaskForm />;
}

function NewTaskForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const search = route.useSearch();
  const agencies = useAssignableAgencies();
  const [formError, setFormError] = useState<string | null>(null);

  const form = useForm<NewTaskValues>({
    initialValues: {
      title: '',
      description: '',
      priority: 'normal',
      dueAt: null,
      assigneeAgencyId: search.assigneeAgencyId ?? null,
      assigneeUserId: null,
      incidentId: search.incidentId ?? null,
      initiativeId: search.initiativeId ?? null,
    },
    validate: schemaValidator<NewTaskValues>(CreateTaskInput, currentLocale, { prepare }),
    // Not the due date: its picker takes the focus away while the person is still choosing.
    validateInputOnBlur: ['title', 'description'],
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
        setFormError(applyServerError(form, error, FIELDS, t));
        focusFirst(readApiError(error).fieldErrors);
      },
    }),
  );

  const blocker = useBlocker({
    // Only what the person typed counts; the pre-filled link and agency alone are not "unsaved".
    shouldBlockFn: () => form.isDirty(),
    enableBeforeUnload: () => form.isDirty(),
    withResolver: true,
  });

  const zone = t('tasks.form.zone', { offset: mexicoCityOffsetLabel() });
  const setPreset = (hours: number) => {
    // Rounded to the next quarter hour: a due time people can say aloud.
    const at = dayjs().add(hours, 'hour');
    const rounded = at.minute(Math.ceil(at.minute() / 15) * 15).second(0).millisecond(0);
    form.setFieldValue('dueAt', mexicoCityNow(rounded.toDate()));
    form.validateField('dueAt');
  };

  return (
    <DatesProvider settings={{ locale: dayjsLocale(locale), firstDayOfWeek: locale === 'en' ? 0 : 1, consistentWeeks: true }}>
      <Stack gap="lg" maw={880}>
        <div>
          {search.incidentId ? (
            <AnchorLink to="/incidentes/$incidentId" params={{ incidentId: search.incidentId }} size="sm" c="dimmed">
              <Group gap={4} component="span">
                <IconArrowLeft size={14} aria-hidden />
                {t('tasks.form.backToIncident')}
              </Group>
            </AnchorLink>
          ) : search.initiativeId ? (
            <AnchorLink to="/iniciativas/$initiativeId" params={{ initiativeId: search.initiativeId }} size="sm" c="dimmed">
              <Group gap={4} component="span">
                <IconArrowLeft size={14} aria-hidden />
                {t('tasks.form.backToInitiative')}
              </Group>
            </AnchorLink>
          ) : (
            <AnchorLink to="/tareas" size="sm" c="dimmed">
              <Group gap={4} component="span">
                <IconArrowLeft size={14} aria-hidden />
                {t('tasks.form.backToList')}
              </Group>
            </AnchorLink>
          )}
          <PageHeader title={t('tasks.form.heading')} description={t('tasks.form.subtitle')} />
        </div>

        <form
          noValidate
          data-testid="task-form"
          onSubmit={form.onSubmit(
            (v) => {
              setFormError(null);
              const input = CreateTaskInput.safeParse(prepare(v));
              if (input.success) create.mutate(input.data);
            },
            (errors) => focusFirst(errors),
          )}
        >
          <Stack gap="lg">
            {formError ? (
              <Alert color="red" variant="light" role="alert" data-testid="task-form-error">
                {formError}
              </Alert>
            ) : null}

            <Section title={t('tasks.form.sections.what')} testId="task-section-what">
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
            </Section>

            <Section title={t('tasks.form.sections.who')} testId="task-section-who">
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
            </Section>

            <Section title={t('tasks.form.sections.when')} testId="task-section-when">
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
                    valueFormat="DD MMM YYYY, HH:mm"
                    minDate={mexicoCityNow()}
                    clearable
                    leftSection={<IconCalendarClock size={18} aria-hidden />}
                    timePickerProps={{ hoursInputLabel: t('incidents.form.hours'), minutesInputLabel: t('incidents.form.minutes') }}
                    submitButtonProps={{ 'aria-label': t('incidents.form.confirmDate') }}
                    clearButtonProps={{ 'aria-label': t('incidents.form.clearDate') }}
                    ariaLabels={{ nextMonth: t('incidents.form.nextMonth'), previousMonth: t('incidents.form.previousMonth') }}
                    popoverProps={{ withinPortal: true }}
                    data-testid="task-form-due-at"
                    {...form.getInputProps('dueAt')}
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
            </Section>

            <Group justify="flex-end" gap="sm">
              <ButtonLink to="/tareas" variant="default" data-testid="task-form-cancel">
                {t('common.cancel')}
              </ButtonLink>
              <Button type="submit" loading={create.isPending} leftSection={<IconSend size={16} aria-hidden />} data-testid="task-form-submit">
                {t('tasks.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>

      <ConfirmDialog
        opened={blocker.status === 'blocked'}
        title={t('tasks.form.leaveTitle')}
        body={t('tasks.form.leaveBody')}
        confirmLabel={t('tasks.form.leaveConfirm')}
        danger
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      />
    </DatesProvider>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const headingId = `${testId}-heading`;
  return (
    <Paper component="section" p={{ base: 'md', sm: 'lg' }} aria-labelledby={headingId} data-testid={testId}>
      <Title order={2} fz="lg" id={headingId} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
