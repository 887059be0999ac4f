import { ResetPasswordInput, type UserDto } from '@anc/domain';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../lib/notify.ts';
import { currentLocale } from '../../i18n/index.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { trpc } from '../../lib/trpc.ts';
import { PasswordField } from './PasswordField.tsx';

export function ResetPasswordModal({ user, onClose }: { user: UserDto | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.resetTitle', { name: user.name }) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {user ? <ResetPasswordForm key={user.id} user={user} onDone={onClose} /> : null}
    </Modal>
  );
}

function ResetPasswordForm({ user, onDone }: { user: UserDto; onDone: () => void }) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ password: string }>({
    initialValues: { password: '' },
    validate: schemaValidator<{ password: string }>(ResetPasswordInput, currentLocale, {
      prepare: (values) => ({ id: user.id, password: values.password }),
    }),
  });
  const reset = useMutation(
    trpc.admin.users.resetPassword.mutationOptions({
      onSuccess: () => {
        notify(t('users.resetDone', { name: user.name }));
        onDone();
      },
      onError: (error) => setFormError(applyServerError(form, error, ['password'], t)),
    }),
  );
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        reset.mutate({ id: user.id, password: values.password });
      })}
    >
      <Stack gap="md">
        <Text size="sm">{t('users.resetBody', { email: user.email })}</Text>
        {formError ? (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        ) : null}
        <PasswordField
          label={t('users.resetPassword')}
          description={t('password.hint')}
          inputProps={form.getInputProps('password')}
          onGenerate={(password) => form.setFieldValue('password', password)}
          testId="reset-password-input"
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={reset.isPending} data-testid="reset-password-submit">
            {t('users.resetSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
