import { RequestPasswordResetInput, ResetPasswordWithTokenInput } from '@anc/domain';
import { Alert, Anchor, Box, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconLock, IconMailCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordInput } from '../components/PasswordInput.tsx';
import { PublicPage } from '../components/PublicPage.tsx';
import { currentLocale } from '../i18n/index.ts';
import { errorMessage, readApiError } from '../lib/errors.ts';
import { applyServerError, schemaValidator } from '../lib/forms.ts';
import { meQueryOptions } from '../lib/session.ts';
import { queryClient, trpc } from '../lib/trpc.ts';

const route = getRouteApi('/restablecer');

/** `/restablecer`: without a token, ask for a link by e-mail; with the e-mail's token, choose the new password. */
export function PasswordResetPage() {
  const { token } = route.useSearch();
  return <PublicPage>{token ? <NewPasswordForm token={token} /> : <RequestLinkForm />}</PublicPage>;
}

function Heading({ title, intro }: { title: string; intro: string }) {
  const { t } = useTranslation();
  return (
    <Box>
      <Text size="sm" c="guinda.7" fw={600} tt="uppercase" lts="0.05em">
        {t('app.portal')}
      </Text>
      <Title order={1} fz={26} mt={4}>
        {title}
      </Title>
      <Text c="dimmed" size="sm" mt={4}>
        {intro}
      </Text>
    </Box>
  );
}

function BackToSignIn() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/ingresar" size="sm" data-testid="back-to-sign-in">
      {t('account.forgot.backToSignIn')}
    </Anchor>
  );
}

function RequestLinkForm() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.forgot.pageTitle')} · ${t('app.short')}`);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ throttled: boolean; message: string } | null>(null);
  const form = useForm<{ email: string }>({
    initialValues: { email: '' },
    validate: schemaValidator<{ email: string }>(RequestPasswordResetInput, currentLocale),
  });
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());

  const submit = form.onSubmit((values) => {
    setFailure(null);
    request.mutate(values, {
      onSuccess: () => setSentTo(values.email.trim()),
      onError: (error) => {
        const info = readApiError(error);
        if (info.code === 'TOO_MANY_REQUESTS') setFailure({ throttled: true, message: errorMessage(error, t) });
        else {
          const message = applyServerError(form, error, ['email'], t);
          if (message) setFailure({ throttled: false, message });
        }
      },
    });
  });

  return (
    <Paper p={{ base: 'lg', sm: 'xl' }} shadow="xs">
      <Stack gap="lg">
        <Heading title={t('account.forgot.title')} intro={t('account.forgot.intro')} />
        {sentTo ? (
          <Alert
            color="green"
            variant="light"
            icon={<IconMailCheck aria-hidden />}
            title={t('account.forgot.sentTitle')}
            aria-live="polite"
            data-testid="reset-link-sent"
          >
            {t('account.forgot.sent', { email: sentTo })}
          </Alert>
        ) : (
          <>
            {failure ? (
              <Alert
                color="red"
                variant="light"
                icon={failure.throttled ? <IconLock aria-hidden /> : <IconAlertTriangle aria-hidden />}
                title={failure.throttled ? t('account.forgot.throttledTitle') : undefined}
                role="alert"
                data-testid="reset-request-error"
              >
                {failure.message}
              </Alert>
            ) : null}
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <TextInput
                  label={t('signIn.email')}
                  placeholder={t('signIn.emailPlaceholder')}
                  type="email"
                  autoComplete="username"
                  inputMode="email"
                  withAsterisk
                  data-autofocus
                  data-testid="reset-email"
                  {...form.getInputProps('email')}
                />
                <Button type="submit" fullWidth size="md" loading={request.isPending} data-testid="reset-request-submit">
                  {t('account.forgot.submit')}
                </Button>
              </Stack>
            </form>
          </>
        )}
        <BackToSignIn />
      </Stack>
    </Paper>
  );
}

interface NewPasswordValues {
  password: string;
  confirmPassword: string;
}

function NewPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.reset.pageTitle')} · ${t('app.short')}`);
  const router = useRouter();
  const [failure, setFailure] = useState<{ invalidLink: boolean; message: string } | null>(null);
  const form = useForm<NewPasswordValues>({
    initialValues: { password: '', confirmPassword: '' },
    // The same schema the API applies (NewPassword, as for changing a password); the token is the link's.
    validate: schemaValidator<NewPasswordValues>(ResetPasswordWithTokenInput, currentLocale, {
      prepare: (values) => ({ token, password: values.password }),
      extra: (values) => (values.confirmPassword !== values.password ? { confirmPassword: t('account.reset.mismatch') } : {}),
    }),
  });
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions());

  const submit = form.onSubmit((values) => {
    setFailure(null);
    reset.mutate(
      { token, password: values.password },
      {
        onSuccess: async () => {
          // Every session of the account ended, this browser's too if it had one.
          await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
          await router.navigate({ to: '/ingresar', search: { reason: 'passwordReset' } });
        },
        onError: (error) => {
          const info = readApiError(error);
          if (info.reason === 'reset_link_invalid') {
            setFailure({ invalidLink: true, message: info.message ?? errorMessage(error, t) });
            return;
          }
          const message = applyServerError(form, error, ['password'], t);
          if (message) setFailure({ invalidLink: false, message });
        },
      },
    );
  });

  return (
    <Paper p={{ base: 'lg', sm: 'xl' }} shadow="xs">
      <Stack gap="lg">
        <Heading title={t('account.reset.title')} intro={t('account.reset.intro')} />
        {failure ? (
          <Alert
            color="red"
            variant="light"
            icon={<IconAlertTriangle aria-hidden />}
            title={failure.invalidLink ? t('account.reset.invalidTitle') : undefined}
            role="alert"
            data-testid="reset-error"
          >
            <Stack gap="xs">
              <Text size="sm">{failure.message}</Text>
              {failure.invalidLink ? (
                <Anchor component={Link} to="/restablecer" size="sm" data-testid="request-another-link">
                  {t('account.reset.requestAnother')}
                </Anchor>
              ) : null}
            </Stack>
          </Alert>
        ) : null}
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <PasswordInput
              label={t('account.reset.password')}
              description={t('password.hint')}
              autoComplete="new-password"
              withAsterisk
              data-autofocus
              data-testid="reset-password"
              {...form.getInputProps('password')}
            />
            <PasswordInput
              label={t('account.reset.confirm')}
              autoComplete="new-password"
              withAsterisk
              data-testid="reset-confirm-password"
              {...form.getInputProps('confirmPassword')}
            />
            <Button type="submit" fullWidth size="md" loading={reset.isPending} data-testid="reset-submit">
              {t('account.reset.submit')}
            </Button>
          </Stack>
        </form>
        <BackToSignIn />
      </Stack>
    </Paper>
  );
}
