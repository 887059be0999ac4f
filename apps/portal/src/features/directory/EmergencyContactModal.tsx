/** Records or changes the agency's 24/7 emergency contact (directory.setEmergencyContact). */
import { EmergencyContactFields } from '@anc/domain';
import { Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormActions, FormModal, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import type { DirectoryEntry } from './types.ts';

const FIELDS = ['name', 'phone', 'email'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export function EmergencyContactModal({ entry, opened, onClose }: { entry: DirectoryEntry; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} title={t('directory.form.contactTitle')}>
      <ContactForm entry={entry} onDone={onClose} />
    </FormModal>
  );
}

function ContactForm({ entry, onDone }: { entry: DirectoryEntry; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const c = entry.emergencyContact;
  const { form, problems, onSubmit } = useSchemaForm({
    schema: EmergencyContactFields,
    initialValues: { name: c?.name ?? '', phone: c?.phone ?? '', email: c?.email ?? '' } satisfies Values,
    prepare: (v: Values) => v,
    fields: FIELDS,
  });
  const save = useMutation(
    trpc.directory.setEmergencyContact.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.directory.get.queryKey({ agencyId: saved.agency.id }), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.directory.list.queryKey() });
        notify(t('directory.form.contactSaved'));
        onDone();
      },
      onError: problems.onError,
    }),
  );
  return (
    <form noValidate data-testid="emergency-form" onSubmit={onSubmit((input) => save.mutate({ ...input, agencyId: entry.agency.id }))}>
      <Stack gap="md">
        <FormProblems testId="emergency" error={problems.formError} />
        <TextInput label={t('directory.fields.contactName')} withAsterisk data-autofocus data-testid="emergency-name" {...form.getInputProps('name')} />
        <TextInput
          label={t('directory.fields.phone')}
          description={t('directory.fields.phoneHint')}
          withAsterisk
          type="tel"
          data-testid="emergency-phone"
          {...form.getInputProps('phone')}
        />
        <TextInput label={t('directory.fields.email')} withAsterisk type="email" data-testid="emergency-email" {...form.getInputProps('email')} />
        <FormActions onCancel={onDone} submitLabel={t('common.save')} submitTestId="emergency-submit" loading={save.isPending} mt="xs" />
      </Stack>
    </form>
  );
}
