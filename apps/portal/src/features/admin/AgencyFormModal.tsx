import { AGENCY_KINDS, type AgencyDto, CreateAgencyInput, SECTORS, UpdateAgencyInput } from '@anc/domain';
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../lib/notify.ts';
import { currentLocale } from '../../i18n/index.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';

interface Values {
  code: string;
  name: string;
  nameEn: string;
  kind: string | null;
  sector: string | null;
}

const FIELDS = ['code', 'name', 'nameEn', 'kind', 'sector'] as const;

const prepare = (values: Values) => ({ ...values, kind: values.kind ?? undefined, sector: values.sector ?? null });

/** The ANC's kind is fixed: an edit of the ANC never sends it. */
const updateInput = (agency: AgencyDto, values: Values) => ({
  id: agency.id,
  ...prepare(values),
  kind: agency.kind === 'national_agency' ? undefined : (values.kind ?? undefined),
});

export type AgencyFormTarget = { mode: 'create' } | { mode: 'edit'; agency: AgencyDto };

/** Register or edit an agency; validated by the same schemas as the API. */
export function AgencyFormModal({ target, onClose }: { target: AgencyFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      size="lg"
      title={target?.mode === 'edit' ? t('agencies.form.editTitle', { code: target.agency.code }) : t('agencies.form.createTitle')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {target ? <AgencyForm key={target.mode === 'edit' ? target.agency.id : 'new'} target={target} onDone={onClose} /> : null}
    </Modal>
  );
}

function AgencyForm({ target, onDone }: { target: AgencyFormTarget; onDone: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const editing = target.mode === 'edit' ? target.agency : null;
  const isNational = editing?.kind === 'national_agency';
  const form = useForm<Values>({
    initialValues: editing
      ? { code: editing.code, name: editing.name, nameEn: editing.nameEn, kind: editing.kind, sector: editing.sector }
      : { code: '', name: '', nameEn: '', kind: null, sector: null },
    validate: schemaValidator<Values>(editing ? UpdateAgencyInput : CreateAgencyInput, currentLocale, {
      prepare: (values) => (editing ? updateInput(editing, values) : prepare(values)),
    }),
    validateInputOnBlur: true,
  });

  const done = (code: string, message: 'agencies.created' | 'agencies.updated') => {
    void queryClient.invalidateQueries(trpc.agencies.list.pathFilter());
    void queryClient.invalidateQueries(trpc.admin.users.list.pathFilter());
    notify(t(message, { code }));
    onDone();
  };
  const onError = (error: unknown) => setFormError(applyServerError(form, error, FIELDS, t));
  const create = useMutation(trpc.admin.agencies.create.mutationOptions({ onSuccess: (a) => done(a.code, 'agencies.created'), onError }));
  const update = useMutation(trpc.admin.agencies.update.mutationOptions({ onSuccess: (a) => done(a.code, 'agencies.updated'), onError }));

  const kindOptions = AGENCY_KINDS.filter((kind) => kind !== 'national_agency' || isNational).map((kind) => ({
    value: kind,
    label: t(`agencyKinds.${kind}`),
  }));
  const sectorOptions = SECTORS.map((sector) => ({ value: sector, label: t(`sectors.${sector}`) }));

  return (
    <form
      noValidate
      data-testid="agency-form"
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        if (editing) {
          const input = UpdateAgencyInput.safeParse(updateInput(editing, values));
          if (input.success) update.mutate(input.data);
        } else {
          const input = CreateAgencyInput.safeParse(prepare(values));
          if (input.success) create.mutate(input.data);
        }
      })}
    >
      <Stack gap="md">
        {formError ? (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        ) : null}
        <TextInput
          label={t('agencies.form.code')}
          description={t('agencies.form.codeHint')}
          withAsterisk
          maxLength={16}
          autoComplete="off"
          data-autofocus
          data-testid="agency-code"
          styles={{ input: { textTransform: 'uppercase' } }}
          {...form.getInputProps('code')}
        />
        <TextInput label={t('agencies.form.name')} withAsterisk autoComplete="off" data-testid="agency-name" {...form.getInputProps('name')} />
        <TextInput label={t('agencies.form.nameEn')} withAsterisk autoComplete="off" lang="en" data-testid="agency-name-en" {...form.getInputProps('nameEn')} />
        <Group grow align="flex-start">
          <Select
            label={t('agencies.form.kind')}
            data={kindOptions}
            withAsterisk
            allowDeselect={false}
            disabled={isNational}
            description={isNational ? t('agencies.form.kindLocked') : undefined}
            comboboxProps={{ withinPortal: true }}
            data-testid="agency-kind"
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('agencies.form.sector')}
            data={sectorOptions}
            placeholder={t('agencies.form.sectorNone')}
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="agency-sector"
            {...form.getInputProps('sector')}
          />
        </Group>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} data-testid="agency-submit">
            {editing ? t('common.saveChanges') : t('agencies.form.submitCreate')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
