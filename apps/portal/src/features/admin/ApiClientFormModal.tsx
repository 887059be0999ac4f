// Creating an API client: the form checked by the domain's own schema (CreateApiClientInput), then
// the token, shown this once with a copy button; closing the dialog forgets it.
import { API_SCOPES, type ApiScope, type CreatedApiClientDto, CreateApiClientInput, addDays, mexicoCityDate, mexicoCityDayStart } from '@anc/domain';
import { Alert, Button, Checkbox, Code, CopyButton, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconAlertTriangle, IconCalendar, IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { MxDatesProvider } from '../../components/MxDates.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useAgencyOptions } from '../../lib/agency-options.ts';
import { notify } from '../../lib/notify.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { dayjsLocale } from '../../lib/dates.ts';

/** Catalogue keys of the scopes (i18next reads a `:` in a key as a namespace separator). */
export const SCOPE_KEYS = {
  'incidents:read': 'incidentsRead',
  'incidents:write': 'incidentsWrite',
  'indicators:read': 'indicatorsRead',
} as const satisfies Record<ApiScope, string>;

interface Values {
  agencyId: string | null;
  name: string;
  scopes: string[];
  /** The last day the token works (a Mexico City day, `YYYY-MM-DD`), or none. */
  expiresAt: string | null;
}

const FIELDS = ['agencyId', 'name', 'scopes', 'expiresAt'] as const;
const EMPTY: Values = { agencyId: null, name: '', scopes: [], expiresAt: null };

/** The token works through the chosen day: it expires at its last millisecond, Mexico City time (23:59 in the list). */
const endOfMexicoCityDay = (day: string) => new Date(mexicoCityDayStart(addDays(day, 1)).getTime() - 1).toISOString();
const prepare = (v: Values) => ({
  agencyId: v.agencyId ?? '',
  name: v.name,
  scopes: v.scopes,
  ...(v.expiresAt ? { expiresAt: endOfMexicoCityDay(v.expiresAt) } : {}),
});

export function ApiClientFormModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [created, setCreated] = useState<CreatedApiClientDto | null>(null);
  const close = () => {
    setCreated(null);
    onClose();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      size="lg"
      title={created ? t('apiClients.token.title', { name: created.client.name }) : t('apiClients.form.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      // The token must not vanish on a stray click or Escape before it was copied.
      closeOnClickOutside={!created}
      closeOnEscape={!created}
    >
      {opened && created ? <TokenOnce created={created} onDone={close} /> : null}
      {opened && !created ? <CreateApiClientForm onCreated={setCreated} onCancel={close} /> : null}
    </Modal>
  );
}

function CreateApiClientForm({ onCreated, onCancel }: { onCreated: (c: CreatedApiClientDto) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // A client acts as staff of its agency: any active agency but the ANC itself.
  const agencies = useAgencyOptions({ includeInactive: false, where: (a) => a.active && a.kind !== 'national_agency' });
  // The first day an expiry may be: today in Mexico City, as the form opened.
  const [today] = useState(() => mexicoCityDate(new Date()));
  const { form, problems, onSubmit } = useSchemaForm({ schema: CreateApiClientInput, initialValues: EMPTY, prepare, fields: FIELDS });
  const create = useMutation(
    trpc.apiClients.create.mutationOptions({
      onSuccess: (answer) => {
        void queryClient.invalidateQueries(trpc.apiClients.list.pathFilter());
        notify(t('apiClients.created', { name: answer.client.name }));
        onCreated(answer);
      },
      onError: problems.onError,
    }),
  );

  return (
    <MxDatesProvider>
      <form noValidate data-testid="api-client-form" onSubmit={onSubmit((input) => create.mutate(input))}>
        <Stack gap="md">
          <FormProblems testId="api-client-form" error={problems.formError} />
          <Select
            label={t('apiClients.form.agency')}
            placeholder={t('apiClients.form.agencyPlaceholder')}
            description={t('apiClients.form.agencyHint')}
            nothingFoundMessage={t('apiClients.form.agencyNothingFound')}
            data={agencies.options}
            searchable
            withAsterisk
            data-autofocus
            comboboxProps={{ withinPortal: true }}
            data-testid="api-client-agency"
            {...form.getInputProps('agencyId')}
          />
          <TextInput
            label={t('apiClients.form.name')}
            placeholder={t('apiClients.form.namePlaceholder')}
            autoComplete="off"
            withAsterisk
            maxLength={100}
            data-testid="api-client-name"
            {...form.getInputProps('name')}
          />
          <Checkbox.Group label={t('apiClients.form.scopes')} withAsterisk data-testid="api-client-scopes" {...form.getInputProps('scopes')}>
            <Stack gap="xs" mt={6}>
              {API_SCOPES.map((scope) => (
                <Checkbox
                  key={scope}
                  value={scope}
                  label={t(`apiClients.scopes.${SCOPE_KEYS[scope]}`)}
                  description={t(`apiClients.scopeHints.${SCOPE_KEYS[scope]}`)}
                  data-testid={`api-client-scope-${scope}`}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <DatePickerInput
            label={t('apiClients.form.expiresAt')}
            description={t('apiClients.form.expiresAtHint')}
            valueFormat="D MMM YYYY"
            locale={dayjsLocale(locale)}
            minDate={today}
            clearable
            leftSection={<IconCalendar size={18} aria-hidden />}
            popoverProps={{ withinPortal: true }}
            ariaLabels={{ nextMonth: t('incidents.form.nextMonth'), previousMonth: t('incidents.form.previousMonth') }}
            clearButtonProps={{ 'aria-label': t('incidents.form.clearDate') }}
            data-testid="api-client-expires"
            {...form.getInputProps('expiresAt')}
          />
          <FormActions onCancel={onCancel} submitLabel={t('apiClients.form.submit')} submitTestId="api-client-submit" loading={create.isPending} mt="xs" />
        </Stack>
      </form>
    </MxDatesProvider>
  );
}

function TokenOnce({ created, onDone }: { created: CreatedApiClientDto; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('apiClients.token.warningTitle')} role="alert">
        {t('apiClients.token.warning')}
      </Alert>
      <Stack gap={4}>
        <Text size="sm" fw={600} id="api-client-token-label">
          {t('apiClients.token.label')}
        </Text>
        <Group gap="xs" wrap="nowrap" align="stretch">
          <Code
            block
            flex={1}
            style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}
            aria-labelledby="api-client-token-label"
            data-testid="api-client-token"
          >
            {created.token}
          </Code>
          <CopyButton value={created.token} timeout={3000}>
            {({ copied, copy }) => (
              <Button
                variant={copied ? 'light' : 'filled'}
                color={copied ? 'green' : undefined}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                onClick={copy}
                miw={130}
                data-testid="api-client-token-copy"
              >
                {copied ? t('apiClients.token.copied') : t('apiClients.token.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          {t('apiClients.token.usage')}
        </Text>
      </Stack>
      <Group justify="flex-end">
        <Button onClick={onDone} data-testid="api-client-token-done">
          {t('apiClients.token.done')}
        </Button>
      </Group>
    </Stack>
  );
}
