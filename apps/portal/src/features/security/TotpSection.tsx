import { DisableMfaInput, TotpCodeInput } from '@anc/domain';
import { Alert, Badge, Button, Code, CopyButton, Group, Image, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCheck, IconCopy, IconDeviceMobile } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { notify } from '../../lib/notify.ts';
import { meQueryOptions } from '../../lib/session.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { RecoveryCodesList } from './RecoveryCodesList.tsx';

const refresh = async () => {
  await queryClient.invalidateQueries({ queryKey: trpc.auth.mfa.status.queryKey() });
  await queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
};

/** The QR code of an otpauth URI, drawn in the browser (the secret never leaves the page). */
function QrCode({ uri, alt }: { uri: string; alt: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(uri, { margin: 1, width: 200, errorCorrectionLevel: 'M' }).then((url) => live && setSrc(url));
    return () => {
      live = false;
    };
  }, [uri]);
  return src ? <Image src={src} alt={alt} w={200} h={200} radius="sm" data-testid="totp-qr" /> : <div style={{ width: 200, height: 200 }} />;
}

function Enrolment({
  secret,
  otpauthUri,
  onCancel,
  onConfirmed,
}: {
  secret: string;
  otpauthUri: string;
  onCancel: () => void;
  onConfirmed: (codes: string[]) => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ initialValues: { code: '' }, validate: schemaValidator<{ code: string }>(TotpCodeInput, currentLocale) });
  const [failure, setFailure] = useState<string | null>(null);
  const confirm = useMutation(trpc.auth.mfa.confirmTotp.mutationOptions());
  const grouped = secret.match(/.{1,4}/g)?.join(' ') ?? secret;
  return (
    <Stack gap="md" data-testid="totp-enrolment">
      <Text fw={600}>{t('security.totp.step1')}</Text>
      <Group align="flex-start" gap="lg">
        <QrCode uri={otpauthUri} alt={t('security.totp.qrAlt')} />
        <Stack gap={6} maw={360}>
          <Text size="sm">{t('security.totp.manual')}</Text>
          <Code block fz="md" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }} aria-label={t('security.totp.secretLabel')} data-testid="totp-secret">
            {grouped}
          </Code>
          <CopyButton value={secret} timeout={3000}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="default"
                leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
                onClick={copy}
                w="fit-content"
              >
                {t('security.totp.copySecret')}
              </Button>
            )}
          </CopyButton>
        </Stack>
      </Group>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFailure(null);
          confirm.mutate(values, {
            onSuccess: async ({ recoveryCodes }) => {
              notify(t('security.totp.enabled'));
              onConfirmed(recoveryCodes);
              await refresh();
            },
            onError: (error) => {
              form.setFieldValue('code', '');
              setFailure(applyServerError(form, error, ['code'], t));
            },
          });
        })}
      >
        <Stack gap="sm" maw={360}>
          <Text fw={600}>{t('security.totp.step2')}</Text>
          {failure ? (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          ) : null}
          <TextInput
            label={t('security.totp.code')}
            description={t('security.totp.codeHint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            withAsterisk
            data-testid="totp-code"
            {...form.getInputProps('code')}
          />
          <Group gap="sm">
            <Button type="submit" loading={confirm.isPending} data-testid="totp-confirm">
              {t('security.totp.confirm')}
            </Button>
            <Button variant="subtle" onClick={onCancel}>
              {t('security.totp.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    initialValues: { password: '', code: '' },
    validate: schemaValidator<{ password: string; code: string }>(DisableMfaInput, currentLocale),
  });
  const [failure, setFailure] = useState<string | null>(null);
  const disable = useMutation(trpc.auth.mfa.disable.mutationOptions());
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFailure(null);
        disable.mutate(values, {
          onSuccess: async () => {
            notify(t('security.totp.disabled'));
            onDone();
            await refresh();
          },
          onError: (error) => {
            form.setValues({ password: '', code: '' });
            setFailure(applyServerError(form, error, ['password', 'code'], t));
          },
        });
      })}
    >
      <Stack gap="sm" maw={420} data-testid="totp-disable-form">
        <Text fw={600}>{t('security.totp.disableTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('security.totp.disableIntro')}
        </Text>
        {failure ? (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        ) : null}
        <PasswordInput
          label={t('security.totp.password')}
          autoComplete="current-password"
          withAsterisk
          data-testid="totp-disable-password"
          {...form.getInputProps('password')}
        />
        <TextInput
          label={t('security.totp.disableCode')}
          autoComplete="one-time-code"
          withAsterisk
          data-testid="totp-disable-code"
          {...form.getInputProps('code')}
        />
        <Group gap="sm">
          <Button type="submit" color="red" loading={disable.isPending} data-testid="totp-disable-submit">
            {t('security.totp.disable')}
          </Button>
          <Button variant="subtle" onClick={onDone}>
            {t('security.totp.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The authenticator app: its state, enrolment (QR code, key as text, a code to confirm) and turning it off. */
export function TotpSection() {
  const { t } = useTranslation();
  const status = useQuery(trpc.auth.mfa.status.queryOptions());
  const begin = useMutation(trpc.auth.mfa.beginTotp.mutationOptions());
  const [enrolment, setEnrolment] = useState<{ secret: string; otpauthUri: string } | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabling, setDisabling] = useState(false);
  const on = status.data?.totp ?? false;

  return (
    <Paper p={{ base: 'md', sm: 'xl' }} withBorder component="section" aria-labelledby="security-totp">
      <SectionTitle
        id="security-totp"
        extra={
          status.data ? (
            <Badge color={on ? 'green' : 'gray'} variant="light" data-testid="totp-status">
              {on ? t('security.totp.on') : t('security.totp.off')}
            </Badge>
          ) : null
        }
      >
        <Group gap="xs" component="span">
          <IconDeviceMobile size={20} aria-hidden />
          {t('security.totp.title')}
        </Group>
      </SectionTitle>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('security.totp.description')}
        </Text>
        {codes ? <RecoveryCodesList codes={codes} onDone={() => setCodes(null)} /> : null}
        {enrolment && !on ? (
          <Enrolment
            {...enrolment}
            onCancel={() => setEnrolment(null)}
            onConfirmed={(fresh) => {
              setEnrolment(null);
              setCodes(fresh);
            }}
          />
        ) : null}
        {!on && !enrolment && status.data ? (
          <Button
            w="fit-content"
            loading={begin.isPending}
            onClick={() => begin.mutate(undefined, { onSuccess: (started) => setEnrolment(started) })}
            data-testid="totp-start"
          >
            {t('security.totp.start')}
          </Button>
        ) : null}
        {on && !disabling && !codes ? (
          <Button w="fit-content" variant="default" color="red" onClick={() => setDisabling(true)} data-testid="totp-disable">
            {t('security.totp.disable')}
          </Button>
        ) : null}
        {on && disabling ? <DisableForm onDone={() => setDisabling(false)} /> : null}
      </Stack>
    </Paper>
  );
}
