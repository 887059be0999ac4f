/**
 * Admins correct or change an initiative. Only what changed is sent, with the version on screen.
 * On a conflict the dialog stays open with what was typed, says someone else changed it, and the
 * page behind shows the initiative as it is now (the next save uses the new version).
 */
import { UpdateInitiativeInput, initiativeDateProblems, messageFor } from '@anc/domain';
import { Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormModal, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { MxDatesProvider } from '../../components/MxDates.tsx';
import { errorCode, readApiError } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeInitiative } from './cache.ts';
import { INITIATIVE_FIELDS, type InitiativeFormValues, toUpdateInput } from './form-model.ts';
import { InitiativeFormFields } from './InitiativeFormFields.tsx';
import type { InitiativeDetail } from './types.ts';

const initialValues = (i: InitiativeDetail): InitiativeFormValues => ({
  code: i.code,
  title: i.title,
  description: i.description,
  objective: i.objective,
  axes: [...i.axes],
  leadAgencyId: i.leadAgency.id,
  participantAgencyIds: i.participants.map((p) => p.id),
  startDate: i.startDate,
  endDate: i.endDate,
  budgetMxn: i.budgetMxn,
});

/** In the dialog the fields follow each other without section headings. */
const plainSection = (_key: 'what' | 'who' | 'when', children: ReactNode) => children;

export function EditInitiativeModal({
  initiative,
  opened,
  onClose,
  onConflict,
}: {
  initiative: InitiativeDetail;
  opened: boolean;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="xl" title={t('initiatives.form.editTitle', { code: initiative.code })}>
      {/* Keyed by the initiative only: a refetch after a conflict must not wipe what was typed. */}
      <EditForm key={initiative.id} initiative={initiative} onDone={onClose} onConflict={onConflict} />
    </FormModal>
  );
}

// A stale version is a conflict; a code already taken is one too, but it belongs to the code field.
const isStale = (error: unknown) => errorCode(error) === 'CONFLICT' && !readApiError(error).fieldErrors.code;

function EditForm({ initiative, onDone, onConflict }: { initiative: InitiativeDetail; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const [start] = useState(() => initialValues(initiative));
  const prepare = (v: InitiativeFormValues) => toUpdateInput(initiative.id, initiative.version, start, v);
  const { form, problems, onSubmit } = useSchemaForm({
    schema: UpdateInitiativeInput,
    initialValues: start,
    prepare,
    // The schema checks the dates only when both changed; the merged pair must hold too.
    extra: (v, lang) => {
      const dates = initiativeDateProblems(v.startDate ?? '', v.endDate ?? '');
      return Object.fromEntries(Object.entries(dates).map(([path, keys]) => [path, messageFor(keys[0] ?? 'invalid_input', lang)]));
    },
    fields: INITIATIVE_FIELDS,
    onConflict,
    isConflict: isStale,
  });
  const update = useMutation(
    trpc.initiatives.update.mutationOptions({
      onSuccess: (detail) => {
        storeInitiative(detail);
        notify(t('initiatives.form.saved', { code: detail.code }));
        onDone();
      },
      onError: problems.onError,
    }),
  );
  const changed = Object.keys(prepare(form.values)).length > 2;

  return (
    <MxDatesProvider>
      <form noValidate data-testid="initiative-edit-form" onSubmit={onSubmit((_, prepared) => update.mutate(prepared))}>
        <Stack gap="md">
          <FormProblems testId="initiative-edit" conflict={problems.conflict} conflictText={t('initiatives.form.conflict')} error={problems.formError} />
          <InitiativeFormFields
            form={form}
            prefix="initiative-edit"
            keepAgencyIds={[start.leadAgencyId ?? '', ...start.participantAgencyIds]}
            layout={plainSection}
          />
          <FormActions
            onCancel={onDone}
            submitLabel={t('common.saveChanges')}
            submitTestId="initiative-edit-submit"
            loading={update.isPending}
            disabled={!changed}
            mt="xs"
          />
        </Stack>
      </form>
    </MxDatesProvider>
  );
}
