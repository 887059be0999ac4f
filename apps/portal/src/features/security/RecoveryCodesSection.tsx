import { RegenerateRecoveryCodesInput } from '@anc/domain';
import { Alert, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLifebuoy } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { currentLocale } from '../../i18n/index.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { RecoveryCodesList } from './RecoveryCodesList.tsx';

/** How many recovery codes are left, and ten new ones (which needs a current code). */
export function RecoveryCodesSection() {
  const { t } = useTranslation();
  const status = useQuery(trpc.auth.mfa.status.queryOptions());
  const [open, setOpen] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { code: '' }, validate: schemaValidator<{ code: string }>(RegenerateRecoveryCodesInput, currentLocale) });
  const regenerate = useMutation(trpc.auth.mfa.regenerateRecoveryCodes.mutationOptions());
  const on = status.data?.totp ?? false;

  return (
    <Paper p={{ base: 'md', sm: 'xl' }} withBorder component="section" aria-labelledby="security-recovery">
      <SectionTitle id="security-recovery">
        <Group gap="xs" component="span">
          <IconLifebuoy size={20} aria-hidden />
          {t('security.recovery.title')}
        </Group>
      </SectionTitle>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('security.recovery.description')}
        </Text>
        {status.data ? (
          <Text size="sm" fw={500} data-testid="recovery-left">
            {on ? t('security.recovery.left', { count: status.data.recoveryCodesLeft }) : t('security.recovery.none')}
          </Text>
        ) : null}
        {codes ? <RecoveryCodesList codes={codes} onDone={() => setCodes(null)} /> : null}
        {on && !open && !codes ? (
          <Button w="fit-content" variant="default" onClick={() => setOpen(true)} data-testid="recovery-regenerate">
            {t('security.recovery.regenerate')}
          </Button>
        ) : null}
        {on && open ? (
          <form
            noValidate
            onSubmit={form.onSubmit((values) => {
              setFailure(null);
              regenerate.mutate(values, {
                onSuccess: async ({ recoveryCodes }) => {
                  setOpen(false);
                  form.reset();
                  setCodes(recoveryCodes);
                  await queryClient.invalidateQueries({ queryKey: trpc.auth.mfa.status.queryKey() });
                },
                onError: (error) => {
                  form.setFieldValue('code', '');
                  setFailure(applyServerError(form, error, ['code'], t));
                },
              });
            })}
          >
            <Stack gap="sm" maw={420}>
              <Text fw={600}>{t('security.recovery.regenerateTitle')}</Text>
              <Text size="sm" c="dimmed">
                {t('security.recovery.regenerateIntro')}
              </Text>
              {failure ? (
                <Alert color="red" variant="light" role="alert">
                  {failure}
                </Alert>
              ) : null}
              <TextInput
                label={t('security.totp.code')}
                autoComplete="one-time-code"
                withAsterisk
                data-testid="recovery-regenerate-code"
                {...form.getInputProps('code')}
              />
              <Group gap="sm">
                <Button type="submit" loading={regenerate.isPending} data-testid="recovery-regenerate-submit">
                  {t('security.recovery.regenerateSubmit')}
                </Button>
                <Button variant="subtle" onClick={() => setOpen(false)}>
                  {t('security.totp.cancel')}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : null}
      </Stack>
    </Paper>
  );
}
