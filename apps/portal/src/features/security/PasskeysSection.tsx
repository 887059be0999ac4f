/**
 * "Llaves de acceso" of the account security page: register a passkey (named first, then the
 * browser's own prompt), list, rename and remove one's own. WebAuthn in the browser is
 * @simplewebauthn/browser; the server checks everything (apps/api/src/modules/passkeys).
 */
import { formatMxDateTime, PasskeyName, type PasskeySummary } from '@anc/domain';
import { Alert, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { browserSupportsWebAuthn, startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import { IconFingerprint, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormActions, FormModal, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { useLocale } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { meQueryOptions } from '../../lib/session.ts';
import { queryClient, trpc, trpcClient } from '../../lib/trpc.ts';

const NameForm = z.object({ name: PasskeyName });

/** What went wrong in the browser's part of a ceremony (the server's errors carry their own reason). */
export function webAuthnProblem(error: unknown): 'cancelled' | 'alreadyRegistered' | 'browserFailed' | null {
  const name = error instanceof Error ? error.name : '';
  if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return 'alreadyRegistered';
  if (name === 'NotAllowedError' || name === 'AbortError' || (error instanceof WebAuthnError && error.code === 'ERROR_CEREMONY_ABORTED')) return 'cancelled';
  if (error instanceof WebAuthnError || name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotSupportedError') return 'browserFailed';
  return null;
}

/** The list, the factor counts (`auth.mfa.status`) and whether the account must still enrol (`auth.me`). */
async function invalidatePasskeys() {
  await queryClient.invalidateQueries({ queryKey: trpc.auth.mfa.pathKey() });
  await queryClient.invalidateQueries({ queryKey: meQueryOptions().queryKey });
}

function RegisterForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const { form, problems, onSubmit } = useSchemaForm({ schema: NameForm, initialValues: { name: '' }, prepare: (v) => v, fields: ['name'] });
  const [browserError, setBrowserError] = useState<string | null>(null);
  const register = useMutation({
    mutationFn: async (name: string) => {
      // Options (a fresh challenge), the browser's prompt, then the server's verification.
      const optionsJSON = await trpcClient.auth.mfa.passkeyRegistrationOptions.mutate();
      const response = await startRegistration({ optionsJSON });
      return trpcClient.auth.mfa.registerPasskey.mutate({ name, response });
    },
    onSuccess: async (passkey) => {
      await invalidatePasskeys();
      notify(t('account.passkeys.registered', { name: passkey.name }));
      onDone();
    },
    onError: (error) => {
      const problem = webAuthnProblem(error);
      if (problem) setBrowserError(t(`account.passkeys.${problem}`));
      else problems.onError(error);
    },
  });
  return (
    <form
      noValidate
      onSubmit={onSubmit((input) => {
        setBrowserError(null);
        register.mutate(input.name);
      })}
    >
      <Stack gap="md">
        <Text size="sm">{t('account.passkeys.addIntro')}</Text>
        <FormProblems testId="passkey-register" error={browserError ?? problems.formError} />
        <TextInput
          label={t('account.passkeys.name')}
          placeholder={t('account.passkeys.namePlaceholder')}
          required
          maxLength={64}
          data-autofocus
          data-testid="passkey-name"
          {...form.getInputProps('name')}
        />
        <FormActions onCancel={onDone} submitLabel={t('account.passkeys.continue')} submitTestId="passkey-register-submit" loading={register.isPending} />
      </Stack>
    </form>
  );
}

function RenameForm({ passkey, onDone }: { passkey: PasskeySummary; onDone: () => void }) {
  const { t } = useTranslation();
  const { form, problems, onSubmit } = useSchemaForm({ schema: NameForm, initialValues: { name: passkey.name }, prepare: (v) => v, fields: ['name'] });
  const rename = useMutation(
    trpc.auth.mfa.renamePasskey.mutationOptions({
      onSuccess: async () => {
        await invalidatePasskeys();
        notify(t('account.passkeys.renamed'));
        onDone();
      },
      onError: problems.onError,
    }),
  );
  return (
    <form noValidate onSubmit={onSubmit((input) => rename.mutate({ id: passkey.id, name: input.name }))}>
      <Stack gap="md">
        <FormProblems testId="passkey-rename" error={problems.formError} />
        <TextInput
          label={t('account.passkeys.name')}
          required
          maxLength={64}
          data-autofocus
          data-testid="passkey-rename-name"
          {...form.getInputProps('name')}
        />
        <FormActions onCancel={onDone} submitLabel={t('common.save')} submitTestId="passkey-rename-submit" loading={rename.isPending} />
      </Stack>
    </form>
  );
}

function PasskeyRow({ passkey, onRename, onRemove }: { passkey: PasskeySummary; onRename: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="passkey-row" style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <IconFingerprint size={22} aria-hidden />
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs">
              <Text fw={600} data-testid="passkey-name-text" style={{ overflowWrap: 'anywhere' }}>
                {passkey.name}
              </Text>
              {passkey.backedUp ? (
                <Badge size="sm" variant="light">
                  {t('account.passkeys.synced')}
                </Badge>
              ) : null}
            </Group>
            <Text size="xs" c="dimmed">
              {t('account.passkeys.created', { date: formatMxDateTime(passkey.createdAt, locale) })} ·{' '}
              {passkey.lastUsedAt ? t('account.passkeys.lastUsed', { date: formatMxDateTime(passkey.lastUsedAt, locale) }) : t('account.passkeys.neverUsed')}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={onRename}
            aria-label={t('account.passkeys.renameFor', { name: passkey.name })}
            data-testid="passkey-rename"
          >
            {t('account.passkeys.rename')}
          </Button>
          <Button
            size="xs"
            variant="default"
            color="red"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={onRemove}
            aria-label={t('account.passkeys.removeFor', { name: passkey.name })}
            data-testid="passkey-remove"
          >
            {t('account.passkeys.remove')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

export function PasskeysSection() {
  const { t } = useTranslation();
  const list = useQuery(trpc.auth.mfa.passkeys.queryOptions());
  const [adding, add] = useDisclosure(false);
  const [renaming, setRenaming] = useState<PasskeySummary | null>(null);
  const [removing, setRemoving] = useState<PasskeySummary | null>(null);
  const supported = browserSupportsWebAuthn();
  const count = list.data?.items.length ?? 0;
  const remove = useMutation(
    trpc.auth.mfa.removePasskey.mutationOptions({
      onSuccess: async () => {
        await invalidatePasskeys();
        notify(t('account.passkeys.removed', { name: removing?.name ?? '' }));
        setRemoving(null);
      },
    }),
  );

  return (
    <Paper component="section" p={{ base: 'md', sm: 'xl' }} withBorder aria-labelledby="passkeys-title" data-testid="passkeys-section">
      <SectionTitle
        id="passkeys-title"
        extra={
          list.data ? (
            <Badge color={count > 0 ? 'green' : 'gray'} variant="light" data-testid="passkeys-status">
              {count > 0 ? t('account.passkeys.count', { count }) : t('account.passkeys.none')}
            </Badge>
          ) : null
        }
      >
        <Group gap="xs" component="span">
          <IconFingerprint size={20} aria-hidden />
          {t('account.passkeys.title')}
        </Group>
      </SectionTitle>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('account.passkeys.intro')}
        </Text>
        {supported ? null : (
          <Alert color="orange" variant="light">
            {t('account.passkeys.unsupported')}
          </Alert>
        )}
        {list.isError ? (
          <QueryError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.data?.items.length === 0 ? (
          <Text size="sm" c="dimmed" data-testid="passkeys-empty">
            {t('account.passkeys.empty')}
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('account.passkeys.listLabel')}>
            {(list.data?.items ?? []).map((p) => (
              <PasskeyRow key={p.id} passkey={p} onRename={() => setRenaming(p)} onRemove={() => setRemoving(p)} />
            ))}
          </Stack>
        )}
        <Button w="fit-content" leftSection={<IconPlus size={16} aria-hidden />} onClick={add.open} disabled={!supported} data-testid="passkey-add">
          {t('account.passkeys.add')}
        </Button>
      </Stack>
      <FormModal opened={adding} onClose={add.close} title={t('account.passkeys.addTitle')}>
        <RegisterForm onDone={add.close} />
      </FormModal>
      <FormModal opened={renaming !== null} onClose={() => setRenaming(null)} title={t('account.passkeys.renameTitle')}>
        {renaming ? <RenameForm passkey={renaming} onDone={() => setRenaming(null)} /> : null}
      </FormModal>
      <ConfirmDialog
        opened={removing !== null}
        title={t('account.passkeys.removeTitle')}
        body={t('account.passkeys.removeBody', { name: removing?.name ?? '' })}
        confirmLabel={t('account.passkeys.removeConfirm')}
        danger
        loading={remove.isPending}
        error={remove.error ? errorMessage(remove.error, t) : null}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      />
    </Paper>
  );
}
