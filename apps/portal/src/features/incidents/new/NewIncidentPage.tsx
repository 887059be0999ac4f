/**
 * "Nuevo reporte": the form a body's staff (or an ANC coordinator, on a body's behalf) files an
 * incident with. Checked by the API's own schema as the person types; what the API still refuses
 * comes back under the same fields.
 */
import '@mantine/dates/styles.css';
import { CreateIncidentInput, INCIDENT_DESCRIPTION_MAX, INCIDENT_TITLE_MAX } from '@anc/domain';
import { Alert, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconSend } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../components/FormDialog.tsx';
import { BackLabel, FormNoAccess, FormSection, LeaveGuard } from '../../../components/FormPage.tsx';
import { AnchorLink } from '../../../components/links.tsx';
import { MxDatesProvider, useDateTimePickerProps } from '../../../components/MxDates.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { agencyName, currentLocale, useLocale } from '../../../i18n/index.ts';
import { useAgencyOptions } from '../../../lib/agency-options.ts';
import { readApiError } from '../../../lib/errors.ts';
import { applyServerError, schemaValidator } from '../../../lib/forms.ts';
import { notify } from '../../../lib/notify.ts';
import { useCurrentUser } from '../../../lib/session.ts';
import { queryClient, trpc } from '../../../lib/trpc.ts';
import { ClassificationFields } from './ClassificationFields.tsx';
import { mexicoCityEndOfToday, mexicoCityOffsetLabel, mexicoCityWallClockToIso } from '../../../lib/dates.ts';
import { DeadlinesPreview } from './DeadlinesPreview.tsx';
import { ErrorSummary, type SummaryItem, focusField } from './ErrorSummary.tsx';
import {
  type FieldPath,
  type IncidentFormValues,
  analyseIndicators,
  crossFieldErrors,
  fieldId,
  formatLossPreview,
  indicatorCounts,
  initialIncidentValues,
  invalidFields,
  prepareIncidentInput,
  serverErrorPaths,
} from './form-model.ts';
import { IndicatorsField } from './IndicatorsField.tsx';

/** The catalogue key naming each field (in the error summary). */
const FIELD_LABELS = {
  agencyId: 'incidents.form.reportingAgency',
  title: 'incidents.form.titleLabel',
  description: 'incidents.form.description',
  affectedSystems: 'incidents.form.affectedSystems',
  rsitClass: 'incidents.form.rsitClass',
  rsitType: 'incidents.form.rsitType',
  severity: 'incidents.form.severity',
  tlp: 'incidents.form.tlp',
  'impact.personalData': 'incidents.form.personalData',
  'impact.records': 'incidents.form.records',
  'impact.criticalService': 'incidents.form.criticalService',
  'impact.crossBorder': 'incidents.form.crossBorder',
  'impact.estimatedLossMxn': 'incidents.form.estimatedLoss',
  observables: 'incidents.form.observables',
  detectedAt: 'incidents.form.detectedAt',
  awareAt: 'incidents.form.awareAt',
} as const satisfies Record<FieldPath, string>;

function CharacterCount({ length, max }: { length: number; max: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const number = (n: number) => n.toLocaleString(locale === 'en' ? 'en-US' : 'es-MX');
  return (
    <Text size="xs" c={length > max ? 'red.8' : 'dimmed'} ta="right" mt={4}>
      {t('incidents.form.characters', { length: number(length), max: number(max) })}
    </Text>
  );
}

export function NewIncidentPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(`${t('incidents.form.pageTitle')} · ${t('app.short')}`);
  if (user.role === 'admin') {
    return <FormNoAccess title={t('incidents.form.title')} body={t('errors.forbidden')} backTo="/incidentes" backLabel={t('incidents.form.backToList')} />;
  }
  return <NewIncidentForm fileForAgency={user.role === 'coordinator'} />;
}

function NewIncidentForm({ fileForAgency }: { fileForAgency: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [formError, setFormError] = useState<string | null>(null);
  const [showSummary, setShowSummary] = useState(false);

  const form = useForm<IncidentFormValues>({
    initialValues: initialIncidentValues(),
    validate: schemaValidator<IncidentFormValues>(CreateIncidentInput, currentLocale, {
      prepare: (values) => prepareIncidentInput(values, { fileForAgency }),
      extra: (values, lang) => crossFieldErrors(values, lang, { fileForAgency }),
    }),
    validateInputOnBlur: true,
  });
  const values = form.values;
  const lines = analyseIndicators(values.observablesText, values.observableTypes);

  const agencyOptions = useAgencyOptions({ enabled: fileForAgency, where: (a) => a.active }).options;

  const create = useMutation(
    trpc.incidents.create.mutationOptions({
      onSuccess: (incident) => {
        void queryClient.invalidateQueries(trpc.incidents.list.pathFilter());
        notify(t('incidents.form.created', { reference: incident.reference }));
        // Filed: going to its page is not leaving unsaved changes behind.
        void navigate({ to: '/incidentes/$incidentId', params: { incidentId: incident.id }, ignoreBlocker: true });
      },
      onError: (error) => {
        setFormError(applyServerError(form, error, serverErrorPaths(lines.length), t));
        setShowSummary(true);
        // From the answer itself: the form's errors in this closure are those of the last render.
        const first = invalidFields(readApiError(error).fieldErrors)[0];
        if (first) requestAnimationFrame(() => focusField(first));
      },
    }),
  );

  const invalid = invalidFields(form.errors);
  const lineErrorCount = indicatorCounts(lines).invalid;
  const summary: SummaryItem[] = invalid.map((field) => ({
    field,
    label: t(FIELD_LABELS[field]),
    message:
      field === 'observables'
        ? (form.errors.observables?.toString() ?? t('incidents.form.observablesHaveErrors', { count: Math.max(lineErrorCount, 1) }))
        : String(form.errors[field] ?? ''),
  }));

  const maxDate = mexicoCityEndOfToday();
  const zone = t('incidents.form.zone', { offset: mexicoCityOffsetLabel() });
  const pickerProps = {
    ...useDateTimePickerProps(),
    placeholder: t('incidents.form.datePlaceholder'),
    maxDate,
    clearable: true,
    nextLabel: t('incidents.form.nextMonth'),
    previousLabel: t('incidents.form.previousMonth'),
    withAsterisk: true,
  } as const;
  const lossPreview = formatLossPreview(values.impact.estimatedLossMxn);

  return (
    <MxDatesProvider>
      <Stack gap="lg" maw={920}>
        <div>
          <AnchorLink to="/incidentes" size="sm" c="dimmed">
            <BackLabel>{t('incidents.form.backToList')}</BackLabel>
          </AnchorLink>
          <PageHeader title={t('incidents.form.title')} description={t('incidents.form.subtitle')} />
        </div>

        <form
          noValidate
          data-testid="report-form"
          onSubmit={form.onSubmit(
            (formValues) => {
              setFormError(null);
              setShowSummary(false);
              const input = CreateIncidentInput.safeParse(prepareIncidentInput(formValues, { fileForAgency }));
              if (input.success) create.mutate(input.data);
            },
            (errors) => {
              setShowSummary(true);
              const first = invalidFields(errors)[0];
              // After the errors render, so the field is described by its message when it gets focus.
              if (first) requestAnimationFrame(() => focusField(first));
            },
          )}
        >
          <Stack gap="lg">
            {showSummary && summary.length > 0 ? <ErrorSummary items={summary} /> : null}
            {formError && !(showSummary && summary.length > 0) ? (
              <Alert color="red" variant="light" role="alert" data-testid="form-error">
                {formError}
              </Alert>
            ) : null}

            <Paper p={{ base: 'md', sm: 'lg' }}>
              {fileForAgency ? (
                <Select
                  id={fieldId('agencyId')}
                  label={t('incidents.form.reportingAgency')}
                  description={t('incidents.form.reportingAgencyHint')}
                  placeholder={t('incidents.form.reportingAgencyPlaceholder')}
                  nothingFoundMessage={t('incidents.form.reportingAgencyNothingFound')}
                  data={agencyOptions}
                  searchable
                  openOnFocus={false}
                  withAsterisk
                  comboboxProps={{ withinPortal: true }}
                  data-testid="report-agency"
                  {...form.getInputProps('agencyId')}
                />
              ) : (
                <Stack gap={2}>
                  <Text size="sm" fw={500}>
                    {t('incidents.form.reportingAgency')}
                  </Text>
                  <Text fw={600} data-testid="report-agency-fixed">
                    {user.agency.code} — {agencyName(user.agency, locale)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('incidents.form.ownAgencyHint')}
                  </Text>
                </Stack>
              )}
            </Paper>

            <FormSection index={1} title={t('incidents.form.sections.what')} hint={t('incidents.form.sectionHints.what')} testId="section-what">
              <Stack gap="md">
                <div>
                  <TextInput
                    id={fieldId('title')}
                    label={t('incidents.form.titleLabel')}
                    placeholder={t('incidents.form.titlePlaceholder')}
                    withAsterisk
                    autoComplete="off"
                    data-testid="report-title"
                    {...form.getInputProps('title')}
                  />
                  <CharacterCount length={values.title.length} max={INCIDENT_TITLE_MAX} />
                </div>
                <div>
                  <Textarea
                    id={fieldId('description')}
                    label={t('incidents.form.description')}
                    description={t('incidents.form.descriptionHint')}
                    withAsterisk
                    autosize
                    minRows={5}
                    maxRows={16}
                    data-testid="report-description"
                    {...form.getInputProps('description')}
                  />
                  <CharacterCount length={values.description.length} max={INCIDENT_DESCRIPTION_MAX} />
                </div>
                <Textarea
                  id={fieldId('affectedSystems')}
                  label={t('incidents.form.affectedSystems')}
                  description={t('incidents.form.affectedSystemsHint')}
                  autosize
                  minRows={2}
                  maxRows={6}
                  data-testid="report-affected-systems"
                  {...form.getInputProps('affectedSystems')}
                />
              </Stack>
            </FormSection>

            <FormSection
              index={2}
              title={t('incidents.form.sections.classification')}
              hint={t('incidents.form.sectionHints.classification')}
              testId="section-classification"
            >
              <ClassificationFields form={form} />
            </FormSection>

            <FormSection index={3} title={t('incidents.form.sections.impact')} hint={t('incidents.form.sectionHints.impact')} testId="section-impact">
              <Stack gap="lg">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="md">
                  <Switch
                    id={fieldId('impact.personalData')}
                    label={t('incidents.form.personalData')}
                    description={t('incidents.form.personalDataHint')}
                    data-testid="report-personal-data"
                    {...form.getInputProps('impact.personalData', { type: 'checkbox' })}
                    onChange={(event) => {
                      const checked = event.currentTarget.checked;
                      form.setFieldValue('impact.personalData', checked);
                      if (!checked) form.setFieldValue('impact.records', '');
                    }}
                  />
                  <NumberInput
                    id={fieldId('impact.records')}
                    label={t('incidents.form.records')}
                    description={values.impact.personalData ? t('incidents.form.recordsHint') : t('incidents.form.recordsDisabled')}
                    disabled={!values.impact.personalData}
                    min={0}
                    allowNegative={false}
                    allowDecimal={false}
                    thousandSeparator=","
                    hideControls
                    inputMode="numeric"
                    data-testid="report-records"
                    {...form.getInputProps('impact.records')}
                  />
                  <Switch
                    id={fieldId('impact.criticalService')}
                    label={t('incidents.form.criticalService')}
                    description={t('incidents.form.criticalServiceHint')}
                    data-testid="report-critical-service"
                    {...form.getInputProps('impact.criticalService', { type: 'checkbox' })}
                  />
                  <Switch
                    id={fieldId('impact.crossBorder')}
                    label={t('incidents.form.crossBorder')}
                    description={t('incidents.form.crossBorderHint')}
                    data-testid="report-cross-border"
                    {...form.getInputProps('impact.crossBorder', { type: 'checkbox' })}
                  />
                </SimpleGrid>
                <div>
                  <TextInput
                    id={fieldId('impact.estimatedLossMxn')}
                    label={t('incidents.form.estimatedLoss')}
                    description={t('incidents.form.estimatedLossHint')}
                    placeholder="1,500,000.00"
                    inputMode="decimal"
                    autoComplete="off"
                    leftSection={<Text size="sm">$</Text>}
                    rightSection={
                      <Text size="xs" c="dimmed">
                        MXN
                      </Text>
                    }
                    rightSectionWidth={48}
                    maw={360}
                    data-testid="report-loss"
                    {...form.getInputProps('impact.estimatedLossMxn')}
                  />
                  {lossPreview ? (
                    <Text size="xs" c="dimmed" mt={4} data-testid="report-loss-preview">
                      {t('incidents.form.estimatedLossPreview', { amount: lossPreview })}
                    </Text>
                  ) : null}
                </div>
              </Stack>
            </FormSection>

            <FormSection
              index={4}
              title={t('incidents.form.sections.indicators')}
              hint={t('incidents.form.sectionHints.indicators')}
              testId="section-indicators"
            >
              <IndicatorsField form={form} lines={lines} />
            </FormSection>

            <FormSection index={5} title={t('incidents.form.sections.dates')} hint={t('incidents.form.sectionHints.dates')} testId="section-dates">
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <DateTimePicker
                    id={fieldId('detectedAt')}
                    label={t('incidents.form.detectedAt')}
                    description={zone}
                    data-testid="report-detected-at"
                    {...pickerProps}
                    {...form.getInputProps('detectedAt')}
                    onDropdownClose={() => form.validateField('detectedAt')}
                  />
                  <DateTimePicker
                    id={fieldId('awareAt')}
                    label={t('incidents.form.awareAt')}
                    description={zone}
                    data-testid="report-aware-at"
                    {...pickerProps}
                    {...form.getInputProps('awareAt')}
                    onDropdownClose={() => form.validateField('awareAt')}
                  />
                </SimpleGrid>
                <DeadlinesPreview awareAt={mexicoCityWallClockToIso(values.awareAt)} />
              </Stack>
            </FormSection>

            <FormActions
              cancelTo="/incidentes"
              cancelTestId="report-cancel"
              submitLabel={t('incidents.form.submit')}
              submitTestId="report-submit"
              leftSection={<IconSend size={16} aria-hidden />}
              loading={create.isPending}
            />
          </Stack>
        </form>
      </Stack>

      <LeaveGuard
        isDirty={() => form.isDirty()}
        title={t('incidents.form.leaveTitle')}
        body={t('incidents.form.leaveBody')}
        confirmLabel={t('incidents.form.leaveConfirm')}
      />
    </MxDatesProvider>
  );
}
