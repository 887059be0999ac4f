/**
 * Coordinators hand a task to another agency (its staff are told) or name the person in charge.
 * A task under way at the old agency starts again as "open" at the new one.
 */
import { UpdateTaskInput } from '@anc/domain';
import { Alert, Select, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormActions, FormModal, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { useLocale } from '../../i18n/index.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { AssigneeUserSelect, useAssignableAgencies } from './assignee.tsx';
import { storeTask } from './cache.ts';
import { taskStatusLabel } from './labels.tsx';
import type { TaskDetail } from './types.ts';

interface ReassignValues {
  assigneeAgencyId: string | null;
  assigneeUserId: string | null;
}

const FIELDS = ['assigneeAgencyId', 'assigneeUserId'] as const;
const UNDER_WAY = ['in_progress', 'blocked', 'in_review'];

const current = (task: TaskDetail): ReassignValues => ({ assigneeAgencyId: task.assigneeAgency.id, assigneeUserId: task.assigneeUser?.id ?? null });

function prepare(task: TaskDetail, v: ReassignValues) {
  const agencyChanged = v.assigneeAgencyId !== task.assigneeAgency.id;
  const userChanged = v.assigneeUserId !== (task.assigneeUser?.id ?? null);
  return {
    id: task.id,
    version: task.version,
    ...(agencyChanged ? { assigneeAgencyId: v.assigneeAgencyId ?? undefined } : {}),
    // A new agency always says who (or nobody) explicitly.
    ...(agencyChanged || userChanged ? { assigneeUserId: v.assigneeUserId } : {}),
  };
}

export function ReassignTaskModal({ task, opened, onClose, onConflict }: { task: TaskDetail; opened: boolean; onClose: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="lg" title={t('tasks.detail.reassign.title', { reference: task.reference })}>
      <ReassignForm key={task.id} task={task} onDone={onClose} onConflict={onConflict} />
    </FormModal>
  );
}

function ReassignForm({ task, onDone, onConflict }: { task: TaskDetail; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useAssignableAgencies();
  const { form, problems, onSubmit } = useSchemaForm({
    schema: UpdateTaskInput,
    initialValues: current(task),
    prepare: (v: ReassignValues) => prepare(task, v),
    validateInputOnBlur: false,
    fields: FIELDS,
    onConflict,
  });
  const update = useMutation(
    trpc.tasks.update.mutationOptions({
      onSuccess: (detail) => {
        storeTask(detail);
        notify(t('tasks.detail.reassign.saved', { reference: detail.reference, agency: detail.assigneeAgency.code }));
        onDone();
      },
      onError: problems.onError,
    }),
  );
  const values = form.values;
  const agencyChanged = values.assigneeAgencyId !== task.assigneeAgency.id;
  const changed = Object.keys(prepare(task, values)).length > 2;

  return (
    <form noValidate data-testid="task-reassign-form" onSubmit={onSubmit((input) => update.mutate(input))}>
      <Stack gap="md">
        <FormProblems testId="task-reassign" conflict={problems.conflict} conflictText={t('tasks.detail.edit.conflict')} error={problems.formError} />
        <Select
          label={t('tasks.form.assigneeAgency')}
          data={agencies.options}
          searchable
          allowDeselect={false}
          withAsterisk
          nothingFoundMessage={t('tasks.form.assigneeAgencyNothingFound')}
          comboboxProps={{ withinPortal: true }}
          data-autofocus
          data-testid="task-reassign-agency"
          {...form.getInputProps('assigneeAgencyId')}
          onChange={(value) => {
            if (value === form.getValues().assigneeAgencyId) return;
            form.setFieldValue('assigneeAgencyId', value);
            // A person belongs to one agency: a new agency starts without one.
            form.setFieldValue('assigneeUserId', null);
          }}
        />
        <AssigneeUserSelect agencyId={values.assigneeAgencyId} data-testid="task-reassign-user" {...form.getInputProps('assigneeUserId')} />
        {agencyChanged ? (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden />} data-testid="task-reassign-note">
            <Text size="sm">
              {UNDER_WAY.includes(task.status)
                ? t('tasks.detail.reassign.backToOpen', { status: taskStatusLabel(task.status, locale) })
                : t('tasks.detail.reassign.notify')}
            </Text>
          </Alert>
        ) : null}
        <FormActions
          onCancel={onDone}
          submitLabel={t('tasks.detail.reassign.submit')}
          submitTestId="task-reassign-submit"
          loading={update.isPending}
          disabled={!changed}
          mt="xs"
        />
      </Stack>
    </form>
  );
}
