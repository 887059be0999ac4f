import { ChangePasswordInput } from '@anc/domain';
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../lib/notify.ts';
import { PasswordInput } from './PasswordInput.tsx';
import { currentLocale } from '../i18n/index.ts';
import { readApiError } from '../lib/errors.ts';
import { applyServerError, schemaValidator } from '../lib/forms.ts';
import { trpc } from '../lib/trpc.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<Values>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: schemaValidator<Values>(ChangePasswordInput, currentLocale, {
      extra: (values) => (values.confirmPassword !== values.newPassword ? { confirmPassword: t('changePassword.mismatch') } : {}),
    }),
  });
  const change = useMutation(trpc.auth.changePassword.mutationOptions());

  const close = () => {
    form.reset();
    setFormError(null);
    change.reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('changePassword.title')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          change.mutate(
            { currentPassword: values.currentPassword, newPassword: values.newPassword },
            {
              onSuccess: () => {
                notify(t('changePassword.done'));
                close();
              },
              onError: (error) => {
                const info = readApiError(error);
                if (info.reason === 'wrong_current_password' && info.message && !info.fieldErrors.currentPassword) {
                  form.setFieldError('currentPassword', info.message);
                  return;
                }
                setFormError(applyServerError(form, error, FIELDS, t));
              },
            },
          );
        })}
      >
        <Stack gap="md">
          {formError ? (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('changePassword.current')}
            autoComplete="current-password"
            withAsterisk
            data-autofocus
            data-testid="current-password"
            {...form.getInputProps('currentPassword')}
          />
          <PasswordInput
            label={t('changePassword.new')}
            description={t('password.hint')}
            autoComplete="new-password"
            withAsterisk
            data-testid="new-password"
            {...form.getInputProps('newPassword')}
          />
          <PasswordInput
            label={t('changePassword.confirm')}
            autoComplete="new-password"
            withAsterisk
            data-testid="confirm-password"
            {...form.getInputProps('confirmPassword')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending} data-testid="change-password-submit">
              {t('changePassword.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
