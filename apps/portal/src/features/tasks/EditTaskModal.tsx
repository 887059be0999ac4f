/**
 * Coordinators change a task's title, description, priority and due time. Only what changed is
 * sent (an overdue task keeps its past due time unless a new one is chosen). On a conflict the
 * dialog stays open with what was typed, and the page behind shows the task as it is now.
 */
import { TASK_DESCRIPTION_MAX, TASK_PRIORITIES, TASK_TITLE_MAX, UpdateTaskInput } from '@anc/domain';
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker, DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCalendarClock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, useLocale } from '../../i18n/index.ts';
import { errorCode } from '../../lib/errors.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { dayjsLocale, mexicoCityNow, mexicoCityOffsetLabel, mexicoCityWallClockToIso } from '../incidents/new/dates.ts';
import { isoToMxWall } from '../incidents/time.ts';
import { storeTask } from './cache.ts';
import { taskPriorityLabel } from './labels.tsx';
import type { TaskDetail } from './types.ts';

interface EditValues {
  title: string;
  description: string;
  priority: string;
  /** Mexico City wall-clock time ("YYYY-MM-DD HH:mm:ss"), as the picker speaks. */
  dueAt: string | null;
}

const FIELDS = ['title', 'description', 'priority', 'dueAt'] as const;

const initialValues = (task: TaskDetail): EditValues => ({
  title: task.title,
  description: task.description,
  priority: task.priority,
  dueAt: isoToMxWall(task.dueAt),
});

/** The changed fields as `tasks.update` takes them, against the task as it is on screen now. */
function prepare(task: TaskDetail, start: EditValues, v: EditValues) {
  return {
    id: task.id,
    version: task.version,
    ...(v.title !== start.title ? { title: v.title } : {}),
    ...(v.description !== start.description ? { description: v.description } : {}),
    ...(v.priority !== start.priority ? { priority: v.priority } : {}),
    ...(v.dueAt !== start.dueAt ? { dueAt: mexicoCityWallClockToIso(v.dueAt) } : {}),
  };
}

export function EditTaskModal({
  task,
  opened,
  onClose,
  onConflict,
}: {
  task: TaskDetail;
  opened: boolean;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="lg"
      title={t('tasks.detail.edit.title', { reference: task.reference })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Keyed by the task only: a refetch after a conflict must not wipe what was typed. */}
      {opened ? <EditForm key={task.id} task={task} onDone={onClose} onConflict={onConflict} /> : null}
    </Modal>
  );
}

function EditForm({ task, onDone, onConflict }: { task: TaskDetail; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [start] = useState(() => initialValues(task));
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const form = useForm<EditValues>({
    initialValues: start,
    validate: schemaValidator<EditValues>(UpdateTaskInput, currentLocale, { prepare: (v) => prepare(task, start, v) }),
    // Not the due date: its picker takes the focus away while the person is still choosing.
    validateInputOnBlur: ['title', 'description'],
  });
  const update = useMutation(
    trpc.tasks.update.mutationOptions({
      onSuccess: (detail) => {
        storeTask(detail);
        notify(t('tasks.detail.edit.saved', { reference: detail.reference }));
        onDone();
      },
      onError: (error) => {
        if (errorCode(error) === 'CONFLICT') {
          setConflict(true);
          onConflict();
          return;
        }
        setFormError(applyServerError(form, error, FIELDS, t));
      },
    }),
  );
  const changed = Object.keys(prepare(task, start, form.values)).length > 2;

  return (
    <DatesProvider settings={{ locale: dayjsLocale(locale), firstDayOfWeek: locale === 'en' ? 0 : 1, consistentWeeks: true }}>
      <form
        noValidate
        data-testid="task-edit-form"
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          setConflict(false);
          const input = UpdateTaskInput.safeParse(prepare(task, start, values));
          if (input.success) update.mutate(input.data);
        })}
      >
        <Stack gap="md">
          {conflict ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="task-edit-conflict">
              {t('tasks.detail.edit.conflict')}
            </Alert>
          ) : null}
          {formError ? (
            <Alert color="red" variant="light" role="alert" data-testid="task-edit-error">
              {formError}
            </Alert>
          ) : null}
          <TextInput
            label={t('tasks.form.title')}
            withAsterisk
            maxLength={TASK_TITLE_MAX}
            data-autofocus
            data-testid="task-edit-title"
            {...form.getInputProps('title')}
          />
          <Textarea
            label={t('tasks.form.description')}
            autosize
            minRows={4}
            maxRows={14}
            maxLength={TASK_DESCRIPTION_MAX}
            data-testid="task-edit-description"
            {...form.getInputProps('description')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="task-edit-priority-label">
              {t('tasks.form.priority')}
            </Text>
            <SegmentedControl
              aria-labelledby="task-edit-priority-label"
              data={TASK_PRIORITIES.map((p) => ({ value: p, label: taskPriorityLabel(p, locale) }))}
              data-testid="task-edit-priority"
              {...form.getInputProps('priority')}
            />
          </Stack>
          <DateTimePicker
            label={t('tasks.form.dueAt')}
            description={t('tasks.form.zone', { offset: mexicoCityOffsetLabel() })}
            withAsterisk
            valueFormat="DD MMM YYYY, HH:mm"
            minDate={mexicoCityNow()}
            leftSection={<IconCalendarClock size={18} aria-hidden />}
            timePickerProps={{ hoursInputLabel: t('incidents.form.hours'), minutesInputLabel: t('incidents.form.minutes') }}
            submitButtonProps={{ 'aria-label': t('incidents.form.confirmDate') }}
            ariaLabels={{ nextMonth: t('incidents.form.nextMonth'), previousMonth: t('incidents.form.previousMonth') }}
            popoverProps={{ withinPortal: true }}
            data-testid="task-edit-due-at"
            {...form.getInputProps('dueAt')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!changed} data-testid="task-edit-submit">
              {t('common.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
