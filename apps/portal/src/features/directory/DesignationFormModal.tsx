/**
 * Designates a person to one role of an agency (directory.designate), checked by the domain's
 * schema as the person types; the server's field errors land under their fields.
 */
import { DesignationFields, type DesignationRole, mexicoCityDate } from '@anc/domain';
import { Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormModal, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { MxDatesProvider } from '../../components/MxDates.tsx';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import type { DirectoryEntry } from './types.ts';

const FIELDS = ['name', 'position', 'email', 'phone', 'designatedAt'] as const;
type Values = Record<(typeof FIELDS)[number], string>;

export function DesignationFormModal({ entry, role, opened, onClose }: { entry: DirectoryEntry; role: DesignationRole; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal opened={opened} onClose={onClose} size="lg" title={t('directory.form.title', { role: t(`directory.roles.${role}`) })}>
      <DesignationForm entry={entry} role={role} onDone={onClose} />
    </FormModal>
  );
}

function DesignationForm({ entry, role, onDone }: { entry: DirectoryEntry; role: DesignationRole; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const current = entry.designations.find((d) => d.role === role);
  // Today in Mexico City, once per form: the default designation date and the latest one allowed.
  const [today] = useState(() => mexicoCityDate(new Date()));
  const { form, problems, onSubmit } = useSchemaForm({
    schema: DesignationFields,
    initialValues: { name: '', position: '', email: '', phone: '', designatedAt: today } satisfies Values,
    prepare: (v: Values) => v,
    fields: FIELDS,
  });
  const designate = useMutation(
    trpc.directory.designate.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.directory.get.queryKey({ agencyId: saved.agency.id }), saved);
        void queryClient.invalidateQueries({ queryKey: trpc.directory.list.queryKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.dashboard.summary.queryKey() });
        notify(t('directory.form.saved'));
        onDone();
      },
      onError: problems.onError,
    }),
  );
  return (
    <MxDatesProvider>
      <form noValidate data-testid="designation-form" onSubmit={onSubmit((input) => designate.mutate({ ...input, agencyId: entry.agency.id, role }))}>
        <Stack gap="md">
          <FormProblems testId="designation" error={problems.formError} />
          {current ? (
            <Text size="sm" c="dimmed">
              {t('directory.form.replaceNote')}
            </Text>
          ) : null}
          <TextInput
            label={t('directory.fields.name')}
            withAsterisk
            data-autofocus
            autoComplete="name"
            data-testid="designation-name"
            {...form.getInputProps('name')}
          />
          <TextInput
            label={t('directory.fields.position')}
            withAsterisk
            autoComplete="organization-title"
            data-testid="designation-position"
            {...form.getInputProps('position')}
          />
          <TextInput
            label={t('directory.fields.email')}
            withAsterisk
            type="email"
            autoComplete="email"
            data-testid="designation-email"
            {...form.getInputProps('email')}
          />
          <TextInput
            label={t('directory.fields.phone')}
            description={t('directory.fields.phoneHint')}
            withAsterisk
            type="tel"
            autoComplete="tel"
            data-testid="designation-phone"
            {...form.getInputProps('phone')}
          />
          <DatePickerInput
            label={t('directory.fields.designatedAt')}
            description={t('directory.fields.designatedAtHint')}
            withAsterisk
            valueFormat="D MMM YYYY"
            maxDate={today}
            leftSection={<IconCalendar size={18} aria-hidden />}
            popoverProps={{ withinPortal: true }}
            ariaLabels={{ nextMonth: t('incidents.form.nextMonth'), previousMonth: t('incidents.form.previousMonth') }}
            data-testid="designation-date"
            {...form.getInputProps('designatedAt')}
          />
          <FormActions onCancel={onDone} submitLabel={t('common.save')} submitTestId="designation-submit" loading={designate.isPending} mt="xs" />
        </Stack>
      </form>
    </MxDatesProvider>
  );
}
