// The sign-in page's second step (`/ingresar?mfa=1`): the identity provider vouched for the
// person but asserted no second factor, and the account has one of its own, so the API set the
// pending sign-in cookie and sent the browser here. A TOTP or recovery code completes it
// (`auth.verifyMfa`). Kept apart from the password form so the MFA work can extend it.
import { VerifyMfaInput } from '@anc/domain';
import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconShieldLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale, hasExplicitLocale } from '../../i18n/index.ts';
import { readApiError } from '../../lib/errors.ts';
import { schemaValidator } from '../../lib/forms.ts';
import { meQueryOptions, safeRedirect } from '../../lib/session.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';

export function SecondFactorStep({ redirect }: { redirect: string | undefined }) {
  const { t } = useTranslation();
  const router = useRouter();
  const [failure, setFailure] = useState<{ expired: boolean; message: string } | null>(null);
  const form = useForm<{ code: string }>({ initialValues: { code: '' }, validate: schemaValidator<{ code: string }>(VerifyMfaInput, currentLocale) });
  const verify = useMutation(trpc.auth.verifyMfa.mutationOptions());

  const submit = form.onSubmit((values) => {
    setFailure(null);
    verify.mutate(values, {
      onSuccess: async () => {
        const me = await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
        if (me.user && !hasExplicitLocale()) await changeLocale(me.user.locale, { remember: false });
        router.history.push(safeRedirect(redirect));
      },
      onError: (error) => {
        const info = readApiError(error);
        form.setFieldValue('code', '');
        setFailure({ expired: info.reason === 'mfa_sign_in_expired', message: info.message ?? t('errors.unexpected') });
      },
    });
  });

  return (
    <Stack gap="md" data-testid="second-factor-step">
      <Alert color="guinda" variant="light" icon={<IconShieldLock aria-hidden />} title={t('oidc.secondStep.title')}>
        {t('oidc.secondStep.intro')}
      </Alert>
      {failure ? (
        <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="second-factor-error">
          {failure.message}
        </Alert>
      ) : null}
      {failure?.expired ? (
        <Anchor href="/ingresar" size="sm">
          {t('oidc.secondStep.startAgain')}
        </Anchor>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={t('oidc.secondStep.code')}
              description={t('oidc.secondStep.codeHint')}
              autoComplete="one-time-code"
              inputMode="text"
              withAsterisk
              data-testid="second-factor-code"
              {...form.getInputProps('code')}
            />
            <Button type="submit" fullWidth size="md" loading={verify.isPending} data-testid="second-factor-submit">
              {t('oidc.secondStep.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Text size="xs" c="dimmed">
        {t('oidc.secondStep.help')}
      </Text>
    </Stack>
  );
}
