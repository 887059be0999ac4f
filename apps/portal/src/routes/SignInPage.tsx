import { SignInInput } from '@anc/domain';
import { Alert, Anchor, Box, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordInput } from '../components/PasswordInput.tsx';
import { PublicPage } from '../components/PublicPage.tsx';
import { InstitutionalSignInButton, InstitutionalSignInError } from '../features/auth/InstitutionalSignIn.tsx';
import { SecondFactorStep } from '../features/auth/SecondFactorStep.tsx';
import { changeLocale, currentLocale, hasExplicitLocale } from '../i18n/index.ts';
import { readApiError } from '../lib/errors.ts';
import { applyServerError, schemaValidator } from '../lib/forms.ts';
import { meQueryOptions, safeRedirect } from '../lib/session.ts';
import { queryClient, trpc } from '../lib/trpc.ts';

const route = getRouteApi('/ingresar');

interface Values {
  email: string;
  password: string;
}

export function SignInPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('signIn.pageTitle')} · ${t('app.short')}`);
  const router = useRouter();
  const search = route.useSearch();
  const [failure, setFailure] = useState<{ kind: 'throttled' | 'other'; message: string } | null>(null);
  const form = useForm<Values>({
    initialValues: { email: '', password: '' },
    validate: schemaValidator<Values>(SignInInput, currentLocale),
  });
  const signIn = useMutation(trpc.auth.signIn.mutationOptions());

  const submit = form.onSubmit((values) => {
    setFailure(null);
    signIn.mutate(values, {
      onSuccess: async () => {
        const me = await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
        if (me.user && !hasExplicitLocale()) await changeLocale(me.user.locale, { remember: false });
        router.history.push(safeRedirect(search.redirect));
      },
      onError: (error) => {
        const info = readApiError(error);
        form.setFieldValue('password', '');
        if (info.code === 'TOO_MANY_REQUESTS') setFailure({ kind: 'throttled', message: t('signIn.throttled') });
        else if (info.code === 'UNAUTHORIZED') setFailure({ kind: 'other', message: t('signIn.invalidCredentials') });
        else {
          const message = applyServerError(form, error, ['email', 'password'], t);
          if (message) setFailure({ kind: 'other', message });
        }
      },
    });
  });

  return (
    <PublicPage
      footer={
        <Text size="xs" c="dimmed" ta="center" px="md">
          {t('signIn.notice')}
        </Text>
      }
    >
          <Paper p={{ base: 'lg', sm: 'xl' }} shadow="xs">
            <Stack gap="lg">
              <Box>
                <Text size="sm" c="guinda.7" fw={600} tt="uppercase" lts="0.05em">
                  {t('app.portal')}
                </Text>
                <Title order={1} fz={26} mt={4}>
                  {t('signIn.title')}
                </Title>
                <Text c="dimmed" size="sm" mt={4}>
                  {t('signIn.subtitle')}
                </Text>
              </Box>

              {search.reason === 'passwordReset' && !failure ? (
                <Alert color="green" variant="light" icon={<IconCircleCheck aria-hidden />} title={t('signIn.passwordResetTitle')} data-testid="password-reset-done">
                  {t('signIn.passwordReset')}
                </Alert>
              ) : null}

              {search.reason === 'expired' && !failure ? (
                <Alert
                  color="guinda"
                  variant="light"
                  icon={<IconClock aria-hidden />}
                  title={t('signIn.sessionExpiredTitle')}
                  data-testid="session-expired"
                >
                  {t('signIn.sessionExpired')}
                </Alert>
              ) : null}

              {!failure ? <InstitutionalSignInError code={search.oidc} /> : null}

              {failure ? (
                <Alert
                  color="red"
                  variant="light"
                  icon={failure.kind === 'throttled' ? <IconLock aria-hidden /> : <IconAlertTriangle aria-hidden />}
                  title={failure.kind === 'throttled' ? t('signIn.throttledTitle') : t('signIn.errorTitle')}
                  role="alert"
                  data-testid={failure.kind === 'throttled' ? 'sign-in-throttled' : 'sign-in-error'}
                >
                  {failure.message}
                </Alert>
              ) : null}

              {search.mfa ? (
                <SecondFactorStep redirect={search.redirect} />
              ) : (
                <>
                  <InstitutionalSignInButton redirect={search.redirect} />

                  <form onSubmit={submit} noValidate>
                    <Stack gap="md">
                      <TextInput
                        label={t('signIn.email')}
                        placeholder={t('signIn.emailPlaceholder')}
                        type="email"
                        autoComplete="username"
                        inputMode="email"
                        withAsterisk
                        data-testid="sign-in-email"
                        {...form.getInputProps('email')}
                      />
                      <PasswordInput
                        label={t('signIn.password')}
                        autoComplete="current-password"
                        withAsterisk
                        data-testid="sign-in-password"
                        {...form.getInputProps('password')}
                      />
                      <Button type="submit" fullWidth size="md" loading={signIn.isPending} mt="xs" data-testid="sign-in-submit">
                        {t('signIn.submit')}
                      </Button>
                    </Stack>
                  </form>
                  <Anchor component={Link} to="/restablecer" size="sm" data-testid="forgot-password">
                    {t('account.forgot.link')}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {t('signIn.help')}
                  </Text>
                </>
              )}
            </Stack>
          </Paper>
    </PublicPage>
  );
}
