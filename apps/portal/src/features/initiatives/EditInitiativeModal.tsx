/**
 * Admins correct or change an initiative. Only what changed is sent, with the version on screen.
 * On a conflict the dialog stays open with what was typed, says someone else changed it, and the
 * page behind shows the initiative as it is now (the next save uses the new version).
 */
import { UpdateInitiativeInput, initiativeDateProblems, messageFor } from '@anc/domain';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, useLocale } from '../../i18n/index.ts';
import { errorCode, readApiError } from '../../lib/errors.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { dayjsLocale } from '../incidents/new/dates.ts';
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
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={t('initiatives.form.editTitle', { code: initiative.code })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Keyed by the initiative only: a refetch after a conflict must not wipe what was typed. */}
      {opened ? <EditForm key={initiative.id} initiative={initiative} onDone={onClose} onConflict={onConflict} /> : null}
    </Modal>
  );
}

function EditForm({ initiative, onDone, onConflict }: { initiative: InitiativeDetail; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [start] = useState(() => initialValues(initiative));
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const prepare = (v: InitiativeFormValues) => toUpdateInput(initiative.id, initiative.version, start, v);
  const form = useForm<InitiativeFormValues>({
    initialValues: start,
    validate: schemaValidator<InitiativeFormValues>(UpdateInitiativeInput, currentLocale, {
      prepare,
      // The schema checks the dates only when both changed; the merged pair must hold too.
      extra: (v, lang) => {
        const problems = initiativeDateProblems(v.startDate ?? '', v.endDate ?? '');
        return Object.fromEntries(Object.entries(problems).map(([path, keys]) => [path, messageFor(keys[0] ?? 'invalid_input', lang)]));
      },
    }),
    validateInputOnBlur: true,
  });
  const update = useMutation(
    trpc.initiatives.update.mutationOptions({
      onSuccess: (detail) => {
        storeInitiative(detail);
        notify(t('initiatives.form.saved', { code: detail.code }));
        onDone();
      },
      onError: (error) => {
        // A stale version is a conflict; a code already taken is one too, but it belongs to the code field.
        if (errorCode(error) === 'CONFLICT' && !readApiError(error).fieldErrors.code) {
          setConflict(true);
          onConflict();
          return;
        }
        setFormError(applyServerError(form, error, INITIATIVE_FIELDS, t));
      },
    }),
  );
  const changed = Object.keys(prepare(form.values)).length > 2;

  return (
    <DatesProvider settings={{ locale: dayjsLocale(locale), firstDayOfWeek: locale === 'en' ? 0 : 1, consistentWeeks: true }}>
      <form
        noValidate
        data-testid="initiative-edit-form"
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          setConflict(false);
          if (UpdateInitiativeInput.safeParse(prepare(v)).success) update.mutate(prepare(v));
        })}
      >
        <Stack gap="md">
          {conflict ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="initiative-edit-conflict">
              {t('initiatives.form.conflict')}
            </Alert>
          ) : null}
          {formError ? (
            <Alert color="red" variant="light" role="alert" data-testid="initiative-edit-error">
              {formError}
            </Alert>
          ) : null}
          <InitiativeFormFields form={form} prefix="initiative-edit" keepAgencyIds={[start.leadAgencyId ?? '', ...start.participantAgencyIds]} layout={plainSection} />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!changed} data-testid="initiative-edit-submit">
              {t('common.saveChanges')}
            </Button>
          </Group>
        </Stack>
      </form>
    </DatesProvider>
  );
}
