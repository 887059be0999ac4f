/**
 * /iniciativas/nueva: an admin registers an initiative. Checked by the API's own schema as the
 * person types; what the API still refuses (a code already taken: CONFLICT) comes back under the
 * same fields. Milestones and KPIs are added on the initiative's page.
 */
import '@mantine/dates/styles.css';
import { CreateInitiativeInput } from '@anc/domain';
import { Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { BackLabel, FormNoAccess, FormSection, LeaveGuard, focusFirstError } from '../../components/FormPage.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { MxDatesProvider } from '../../components/MxDates.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { readApiError } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeInitiative } from './cache.ts';
import { EMPTY_INITIATIVE, INITIATIVE_FIELDS, toCreateInput } from './form-model.ts';
import { InitiativeFormFields, initiativeFieldId } from './InitiativeFormFields.tsx';

const PREFIX = 'initiative';

const focusFirst = (errors: Record<string, unknown>) => focusFirstError(INITIATIVE_FIELDS, errors, (f) => initiativeFieldId(PREFIX, f));

export function NewInitiativePage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(`${t('initiatives.form.pageTitle')} · ${t('app.short')}`);
  if (user.role !== 'admin') {
    return (
      <FormNoAccess
        title={t('initiatives.form.heading')}
        body={t('initiatives.form.adminsOnly')}
        backTo="/iniciativas"
        backLabel={t('initiatives.form.backToList')}
      />
    );
  }
  return <NewInitiativeForm />;
}

function NewInitiativeForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { form, problems, onSubmit } = useSchemaForm({
    schema: CreateInitiativeInput,
    initialValues: EMPTY_INITIATIVE,
    prepare: toCreateInput,
    fields: INITIATIVE_FIELDS,
  });

  const create = useMutation(
    trpc.initiatives.create.mutationOptions({
      onSuccess: (initiative) => {
        storeInitiative(initiative);
        notify(t('initiatives.form.created', { code: initiative.code }));
        void navigate({ to: '/iniciativas/$initiativeId', params: { initiativeId: initiative.id }, ignoreBlocker: true });
      },
      onError: (error) => {
        problems.onError(error);
        focusFirst(readApiError(error).fieldErrors);
      },
    }),
  );

  const section = (key: 'what' | 'who' | 'when', children: ReactNode) => (
    <FormSection title={t(`initiatives.form.sections.${key}`)} testId={`initiative-section-${key}`}>
      {children}
    </FormSection>
  );

  return (
    <MxDatesProvider>
      <Stack gap="lg" maw={960}>
        <div>
          <AnchorLink to="/iniciativas" size="sm" c="dimmed">
            <BackLabel>{t('initiatives.form.backToList')}</BackLabel>
          </AnchorLink>
          <PageHeader title={t('initiatives.form.heading')} description={t('initiatives.form.subtitle')} />
        </div>
        <form noValidate data-testid="initiative-form" onSubmit={onSubmit((input) => create.mutate(input), focusFirst)}>
          <Stack gap="lg">
            <FormProblems testId="initiative-form" error={problems.formError} />
            <InitiativeFormFields form={form} prefix={PREFIX} layout={section} />
            <FormActions
              cancelTo="/iniciativas"
              cancelTestId="initiative-form-cancel"
              submitLabel={t('initiatives.form.submit')}
              submitTestId="initiative-form-submit"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={create.isPending}
            />
          </Stack>
        </form>
      </Stack>
      <LeaveGuard
        isDirty={() => form.isDirty()}
        title={t('initiatives.form.leaveTitle')}
        body={t('initiatives.form.leaveBody')}
        confirmLabel={t('initiatives.form.leaveConfirm')}
      />
    </MxDatesProvider>
  );
}
