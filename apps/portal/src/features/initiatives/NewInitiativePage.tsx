/**
 * /iniciativas/nueva: an admin registers an initiative. Checked by the API's own schema as the
 * person types; what the API still refuses (a code already taken: CONFLICT) comes back under the
 * same fields. Milestones and KPIs are added on the initiative's page.
 */
import '@mantine/dates/styles.css';
import { CreateInitiativeInput } from '@anc/domain';
import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useBlocker, useNavigate } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { currentLocale, useLocale } from '../../i18n/index.ts';
import { readApiError } from '../../lib/errors.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { notify } from '../../lib/notify.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { dayjsLocale } from '../incidents/new/dates.ts';
import { storeInitiative } from './cache.ts';
import { EMPTY_INITIATIVE, INITIATIVE_FIELDS, type InitiativeFormValues, toCreateInput } from './form-model.ts';
import { InitiativeFormFields, initiativeFieldId } from './InitiativeFormFields.tsx';

const PREFIX = 'initiative';

function focusFirst(errors: Record<string, unknown>) {
  const first = INITIATIVE_FIELDS.find((f) => errors[f]);
  if (!first) return;
  // After the errors render, so the field is described by its message when it gets focus.
  requestAnimationFrame(() => {
    const element = document.getElementById(initiativeFieldId(PREFIX, first));
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  });
}

export function NewInitiativePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(`${t('initiatives.form.pageTitle')} · ${t('app.short')}`);
  if (user.role !== 'admin') {
    return (
      <Alert color="gray" variant="light" title={t('initiatives.form.heading')} data-testid="no-access" maw={640}>
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('initiatives.form.adminsOnly')}</Text>
          <ButtonLink to="/iniciativas" variant="default" size="xs">
            {t('initiatives.form.backToList')}
          </ButtonLink>
        </Stack>
      </Alert>
    );
  }
  return <NewInitiativeForm />;
}

function NewInitiativeForm() {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<InitiativeFormValues>({
    initialValues: EMPTY_INITIATIVE,
    validate: schemaValidator<InitiativeFormValues>(CreateInitiativeInput, currentLocale, { prepare: toCreateInput }),
    validateInputOnBlur: true,
  });

  const create = useMutation(
    trpc.initiatives.create.mutationOptions({
      onSuccess: (initiative) => {
        storeInitiative(initiative);
        notify(t('initiatives.form.created', { code: initiative.code }));
        void navigate({ to: '/iniciativas/$initiativeId', params: { initiativeId: initiative.id }, ignoreBlocker: true });
      },
      onError: (error) => {
        setFormError(applyServerError(form, error, INITIATIVE_FIELDS, t));
        focusFirst(readApiError(error).fieldErrors);
      },
    }),
  );

  const blocker = useBlocker({
    shouldBlockFn: () => form.isDirty(),
    enableBeforeUnload: () => form.isDirty(),
    withResolver: true,
  });

  const section = (key: 'what' | 'who' | 'when', children: ReactNode) => (
    <Section title={t(`initiatives.form.sections.${key}`)} testId={`initiative-section-${key}`}>
      {children}
    </Section>
  );

  return (
    <DatesProvider settings={{ locale: dayjsLocale(locale), firstDayOfWeek: locale === 'en' ? 0 : 1, consistentWeeks: true }}>
      <Stack gap="lg" maw={960}>
        <div>
          <AnchorLink to="/iniciativas" size="sm" c="dimmed">
            <Group gap={4} component="span">
              <IconArrowLeft size={14} aria-hidden />
              {t('initiatives.form.backToList')}
            </Group>
          </AnchorLink>
          <PageHeader title={t('initiatives.form.heading')} description={t('initiatives.form.subtitle')} />
        </div>
        <form
          noValidate
          data-testid="initiative-form"
          onSubmit={form.onSubmit(
            (v) => {
              setFormError(null);
              const input = CreateInitiativeInput.safeParse(toCreateInput(v));
              if (input.success) create.mutate(input.data);
            },
            (errors) => focusFirst(errors),
          )}
        >
          <Stack gap="lg">
            {formError ? (
              <Alert color="red" variant="light" role="alert" data-testid="initiative-form-error">
                {formError}
              </Alert>
            ) : null}
            <InitiativeFormFields form={form} prefix={PREFIX} layout={section} />
            <Group justify="flex-end" gap="sm">
              <ButtonLink to="/iniciativas" variant="default" data-testid="initiative-form-cancel">
                {t('common.cancel')}
              </ButtonLink>
              <Button type="submit" loading={create.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />} data-testid="initiative-form-submit">
                {t('initiatives.form.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
      <ConfirmDialog
        opened={blocker.status === 'blocked'}
        title={t('initiatives.form.leaveTitle')}
        body={t('initiatives.form.leaveBody')}
        confirmLabel={t('initiatives.form.leaveConfirm')}
        danger
        onConfirm={() => blocker.proceed?.()}
        onClose={() => blocker.reset?.()}
      />
    </DatesProvider>
  );
}

function Section({ title, children, testId }: { title: string; children: ReactNode; testId: string }) {
  const headingId = `${testId}-heading`;
  return (
    <Paper component="section" p={{ base: 'md', sm: 'lg' }} aria-labelledby={headingId} data-testid={testId}>
      <Title order={2} fz="lg" id={headingId} mb="md">
        {title}
      </Title>
      {children}
    </Paper>
  );
}
