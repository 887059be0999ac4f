/**
 * Coordinators change a task's title, description, priority and due time. Only what changed is
 * sent (an overdue task keeps its past due time unless a new one is chosen). On a conflict the
 * dialog stays open with what was typed, and the page behind shows the task as it is now.
 */
import { TASK_DESCRIPTION_MAX, TASK_PRIORITIES, TASK_TITLE_MAX, UpdateTaskInput } from '@anc/domain';
import { SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormModal, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { MxDatesProvider, useDateTimePickerProps } from '../../components/MxDates.tsx';
import { useLocale } from '../../i18n/index.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { mexicoCityOffsetLabel, mexicoCityStartOfToday, mexicoCityWallClockToIso } from '../../lib/dates.ts';
import { isoToMxWall } from '../../lib/time.ts';
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

export function EditTaskModal({ task, opened, onClose, onConflict }: { task: TaskDetail; opened: boolean; onClose: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="lg" title={t('tasks.detail.edit.title', { reference: task.reference })}>
      {/* Keyed by the task only: a refetch after a conflict must not wipe what was typed. */}
      <EditForm key={task.id} task={task} onDone={onClose} onConflict={onConflict} />
    </FormModal>
  );
}

function EditForm({ task, onDone, onConflict }: { task: TaskDetail; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pickerProps = useDateTimePickerProps();
  const [start] = useState(() => initialValues(task));
  const { form, problems, onSubmit } = useSchemaForm({
    schema: UpdateTaskInput,
    initialValues: start,
    prepare: (v: EditValues) => prepare(task, start, v),
    // Not the due date: its picker takes the focus away while the person is still choosing.
    validateInputOnBlur: ['title', 'description'],
    fields: FIELDS,
    onConflict,
  });
  const update = useMutation(
    trpc.tasks.update.mutationOptions({
      onSuccess: (detail) => {
        storeTask(detail);
        notify(t('tasks.detail.edit.saved', { reference: detail.reference }));
        onDone();
      },
      onError: problems.onError,
    }),
  );
  const changed = Object.keys(prepare(task, start, form.values)).length > 2;

  return (
    <MxDatesProvider>
      <form noValidate data-testid="task-edit-form" onSubmit={onSubmit((input) => update.mutate(input))}>
        <Stack gap="md">
          <FormProblems testId="task-edit" conflict={problems.conflict} conflictText={t('tasks.detail.edit.conflict')} error={problems.formError} />
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
            minDate={mexicoCityStartOfToday()}
            {...pickerProps}
            data-testid="task-edit-due-at"
            {...form.getInputProps('dueAt')}
            // Checked as soon as it is picked: a time already past today shows its error at once.
            onChange={(value: string | null) => {
              form.setFieldValue('dueAt', value);
              form.validateField('dueAt');
            }}
          />
          <FormActions
            onCancel={onDone}
            submitLabel={t('common.saveChanges')}
            submitTestId="task-edit-submit"
            loading={update.isPending}
            disabled={!changed}
            mt="xs"
          />
        </Stack>
      </form>
    </MxDatesProvider>
  );
}
