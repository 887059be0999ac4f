import { SignInInput, VerifyMfaInput } from '@anc/domain';
import { Alert, Anchor, Box, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconClock, IconLock, IconShieldLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { getRouteApi, Link, useRouter } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordInput } from '../components/PasswordInput.tsx';
import { PublicPage } from '../components/PublicPage.tsx';
import { InstitutionalSignInButton, InstitutionalSignInError } from '../features/auth/InstitutionalSignIn.tsx';
import { PasskeySignInButton } from '../features/security/PasskeySignInButton.tsx';
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
  // The second step (docs/API.md "MFA"): after `mfaRequired`, or when sent here by another way
  // of signing in that still owes the portal's second factor (`?step=mfa`).
  const [step, setStep] = useState<'password' | 'code'>(search.step === 'mfa' ? 'code' : 'password');
  const codeForm = useForm<{ code: string }>({ initialValues: { code: '' }, validate: schemaValidator<{ code: string }>(VerifyMfaInput, currentLocale) });
  const verify = useMutation(trpc.auth.verifyMfa.mutationOptions());
  // The second step replaces the first in place: the code field takes the focus the submit button had.
  const codeInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (step === 'code') codeInput.current?.focus();
  }, [step]);

  const signedIn = async () => {
    const me = await queryClient.fetchQuery({ ...meQueryOptions(), staleTime: 0 });
    if (me.user && !hasExplicitLocale()) await changeLocale(me.user.locale, { remember: false });
    router.history.push(safeRedirect(search.redirect));
  };

  const submitCode = codeForm.onSubmit((values) => {
    setFailure(null);
    verify.mutate(values, {
      onSuccess: signedIn,
      onError: (error) => {
        const info = readApiError(error);
        codeForm.setFieldValue('code', '');
        if (info.code === 'TOO_MANY_REQUESTS') setFailure({ kind: 'throttled', message: t('signIn.throttled') });
        else if (info.reason === 'mfa_sign_in_expired') {
          setStep('password');
          form.setFieldValue('password', '');
          setFailure({ kind: 'other', message: t('security.signIn.expired') });
        } else if (info.reason === 'invalid_mfa_code') codeForm.setErrors({ code: info.message ?? t('errors.unexpected') });
        else {
          const message = applyServerError(codeForm, error, ['code'], t);
          if (message) setFailure({ kind: 'other', message });
        }
      },
    });
  });

  const submit = form.onSubmit((values) => {
    setFailure(null);
    signIn.mutate(values, {
      onSuccess: async (result) => {
        if (result.mfaRequired) {
          setStep('code');
          return;
        }
        await signedIn();
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
            <Alert
              color="green"
              variant="light"
              icon={<IconCircleCheck aria-hidden />}
              title={t('signIn.passwordResetTitle')}
              data-testid="password-reset-done"
            >
              {t('signIn.passwordReset')}
            </Alert>
          ) : null}

          {search.reason === 'expired' && !failure ? (
            <Alert color="guinda" variant="light" icon={<IconClock aria-hidden />} title={t('signIn.sessionExpiredTitle')} data-testid="session-expired">
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

          {step === 'code' ? (
            <form onSubmit={submitCode} noValidate data-testid="mfa-step">
              <Stack gap="md">
                <Alert color="guinda" variant="light" icon={<IconShieldLock aria-hidden />} title={t('security.signIn.title')}>
                  {t('security.signIn.subtitle')}
                </Alert>
                <TextInput
                  label={t('security.signIn.code')}
                  description={t('security.signIn.codeHint')}
                  autoComplete="one-time-code"
                  ref={codeInput}
                  withAsterisk
                  data-testid="mfa-code"
                  {...codeForm.getInputProps('code')}
                />
                <Button type="submit" fullWidth size="md" loading={verify.isPending} data-testid="mfa-submit">
                  {t('security.signIn.submit')}
                </Button>
                <PasskeySignInButton
                  onStart={() => setFailure(null)}
                  onSignedIn={signedIn}
                  onFailure={({ kind, message }) => {
                    if (kind === 'expired') {
                      setStep('password');
                      form.setFieldValue('password', '');
                    }
                    setFailure({ kind: kind === 'throttled' ? 'throttled' : 'other', message });
                  }}
                />
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => {
                    setFailure(null);
                    setStep('password');
                  }}
                >
                  {t('security.signIn.back')}
                </Anchor>
              </Stack>
            </form>
          ) : null}

          {step === 'code' ? null : <InstitutionalSignInButton redirect={search.redirect} />}

          <form onSubmit={submit} noValidate hidden={step === 'code'}>
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
        </Stack>
      </Paper>
    </PublicPage>
  );
}
