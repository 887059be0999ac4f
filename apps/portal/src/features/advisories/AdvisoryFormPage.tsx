/**
 * /alertas/nueva and /alertas/$advisoryId/editar: a coordinator drafts an advisory, or edits a
 * draft. Checked by the API's own schema (CreateAdvisoryInput: the TLP audience rule, CVEs as an
 * incident's CVE observables are) as the person types; what the API still refuses comes back under
 * the same fields; a stale version says someone else changed the draft.
 */
import '@mantine/dates/styles.css';
import { CreateAdvisoryInput, SEVERITIES, TLP_LEVELS, ADVISORY_TITLE_MAX, type Tlp } from '@anc/domain';
import { MultiSelect, Select, SimpleGrid, Stack, Switch, TagsInput, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useDocumentTitle } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { RecordNotFound } from '../../components/DetailPage.tsx';
import { FormActions, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { BackLabel, FormNoAccess, FormSection, LeaveGuard, focusFirstError } from '../../components/FormPage.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { MxDatesProvider, useDateTimePickerProps } from '../../components/MxDates.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useAgencyOptions } from '../../lib/agency-options.ts';
import { readApiError } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { mexicoCityNow, mexicoCityOffsetLabel, mexicoCityStartOfToday, mexicoCityWallClockToIso } from '../../lib/dates.ts';
import { severityLabel, tlpLabel } from '../incidents/labels.tsx';
import type { AdvisoryDetail } from './types.ts';

interface AdvisoryValues {
  title: string;
  summary: string;
  body: string;
  severity: string;
  tlp: string;
  cves: string[];
  actionRequired: string;
  /** Mexico City wall-clock time, as the picker speaks. */
  respondBy: string | null;
  allAgencies: boolean;
  agencyIds: string[];
}

const FIELDS = ['title', 'summary', 'severity', 'tlp', 'cves', 'body', 'actionRequired', 'respondBy', 'allAgencies', 'agencyIds'] as const;
type Field = (typeof FIELDS)[number];
const fieldId = (field: Field) => `advisory-${field}`;
const focusFirst = (errors: Record<string, unknown>) => focusFirstError(FIELDS, errors, fieldId);

const prepare = (v: AdvisoryValues) => ({
  title: v.title,
  summary: v.summary,
  body: v.body,
  severity: v.severity === '' ? undefined : Number(v.severity),
  tlp: v.tlp || undefined,
  cves: v.cves,
  actionRequired: v.actionRequired,
  respondBy: mexicoCityWallClockToIso(v.respondBy),
  allAgencies: v.allAgencies,
  agencyIds: v.allAgencies ? [] : v.agencyIds,
});

/** A new advisory asks for answers within 72 hours by default (rounded to the hour). */
const defaultRespondBy = () => {
  const at = new Date(Date.now() + 72 * 3_600_000);
  at.setMinutes(0, 0, 0);
  return mexicoCityNow(at);
};

const empty = (): AdvisoryValues => ({
  title: '',
  summary: '',
  body: '',
  severity: '3',
  tlp: 'AMBER',
  cves: [],
  actionRequired: '',
  respondBy: defaultRespondBy(),
  allAgencies: false,
  agencyIds: [],
});

const fromDetail = (a: AdvisoryDetail): AdvisoryValues => ({
  title: a.title,
  summary: a.summary,
  body: a.body,
  severity: String(a.severity),
  tlp: a.tlp,
  cves: a.cves,
  actionRequired: a.actionRequired,
  respondBy: mexicoCityNow(new Date(a.respondBy)),
  allAgencies: a.allAgencies,
  agencyIds: a.allAgencies ? [] : a.agencies.map((x) => x.id),
});

export function NewAdvisoryPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useDocumentTitle(`${t('advisories.form.pageTitle')} · ${t('app.short')}`);
  if (user.role !== 'coordinator') {
    return (
      <FormNoAccess
        title={t('advisories.form.heading')}
        body={t('advisories.form.coordinatorsOnly')}
        backTo="/alertas"
        backLabel={t('advisories.form.backToList')}
      />
    );
  }
  return <AdvisoryForm initial={empty()} />;
}

const editRoute = getRouteApi('/app/alertas/$advisoryId/editar');

export function EditAdvisoryPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { advisoryId } = editRoute.useParams();
  useDocumentTitle(`${t('advisories.form.editHeading')} · ${t('app.short')}`);
  const query = useQuery({ ...trpc.advisories.get.queryOptions({ id: advisoryId }), enabled: user.role === 'coordinator' });
  if (user.role !== 'coordinator') {
    return (
      <FormNoAccess
        title={t('advisories.form.editHeading')}
        body={t('advisories.form.coordinatorsOnly')}
        backTo="/alertas"
        backLabel={t('advisories.form.backToList')}
      />
    );
  }
  if (query.isError || (query.data && query.data.status !== 'draft')) return <RecordNotFound kind="advisory" />;
  if (!query.data) return null;
  return <AdvisoryForm initial={fromDetail(query.data)} existing={query.data} />;
}

function AdvisoryForm({ initial, existing }: { initial: AdvisoryValues; existing?: AdvisoryDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const pickerProps = useDateTimePickerProps();
  const agencies = useAgencyOptions({ where: (a) => a.active && a.kind !== 'national_agency' });
  const { form, problems, onSubmit } = useSchemaForm({
    schema: CreateAdvisoryInput,
    initialValues: initial,
    prepare,
    validateInputOnBlur: ['title', 'summary', 'body', 'actionRequired'],
    fields: FIELDS,
  });

  const done = (advisory: AdvisoryDetail, message: string) => {
    queryClient.setQueryData(trpc.advisories.get.queryKey({ id: advisory.id }), advisory);
    void queryClient.invalidateQueries({ queryKey: trpc.advisories.list.queryKey() });
    notify(message);
    void navigate({ to: '/alertas/$advisoryId', params: { advisoryId: advisory.id }, ignoreBlocker: true });
  };
  const onError = (error: unknown) => {
    problems.onError(error);
    focusFirst(readApiError(error).fieldErrors);
  };
  const create = useMutation(
    trpc.advisories.create.mutationOptions({ onSuccess: (a) => done(a, t('advisories.form.created', { reference: a.reference })), onError }),
  );
  const update = useMutation(trpc.advisories.update.mutationOptions({ onSuccess: (a) => done(a, t('advisories.form.saved')), onError }));

  const tlp = form.values.tlp as Tlp;
  const broadcastable = tlp === 'CLEAR' || tlp === 'GREEN';

  return (
    <MxDatesProvider>
      <Stack gap="lg" maw={960}>
        <div>
          <AnchorLink to="/alertas" size="sm" c="dimmed">
            <BackLabel>{t('advisories.form.backToList')}</BackLabel>
          </AnchorLink>
          <PageHeader
            title={existing ? `${t('advisories.form.editHeading')} ${existing.reference}` : t('advisories.form.heading')}
            description={t('advisories.form.subtitle')}
          />
        </div>
        <form
          noValidate
          data-testid="advisory-form"
          onSubmit={onSubmit(
            (input) => (existing ? update.mutate({ ...input, id: existing.id, version: existing.version }) : create.mutate(input)),
            focusFirst,
          )}
        >
          <Stack gap="lg">
            <FormProblems testId="advisory-form" error={problems.formError} />
            <FormSection title={t('advisories.form.sectionWhat')} testId="advisory-section-what">
              <Stack gap="md">
                <TextInput
                  id={fieldId('title')}
                  label={t('advisories.form.title')}
                  withAsterisk
                  maxLength={ADVISORY_TITLE_MAX}
                  data-testid="advisory-form-title"
                  {...form.getInputProps('title')}
                />
                <Textarea
                  id={fieldId('summary')}
                  label={t('advisories.form.summary')}
                  withAsterisk
                  autosize
                  minRows={2}
                  data-testid="advisory-form-summary"
                  {...form.getInputProps('summary')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                  <Select
                    id={fieldId('severity')}
                    label={t('advisories.form.severity')}
                    withAsterisk
                    allowDeselect={false}
                    data={SEVERITIES.map((s) => ({ value: String(s), label: `${s} — ${severityLabel(s, locale)}` }))}
                    data-testid="advisory-form-severity"
                    {...form.getInputProps('severity')}
                  />
                  <Select
                    id={fieldId('tlp')}
                    label={t('advisories.form.tlp')}
                    withAsterisk
                    allowDeselect={false}
                    data={TLP_LEVELS.map((l) => ({ value: l, label: tlpLabel(l, locale) }))}
                    data-testid="advisory-form-tlp"
                    {...form.getInputProps('tlp')}
                    onChange={(v) => {
                      form.setFieldValue('tlp', v ?? '');
                      if (v !== 'CLEAR' && v !== 'GREEN') form.setFieldValue('allAgencies', false);
                    }}
                  />
                </SimpleGrid>
                <TagsInput
                  id={fieldId('cves')}
                  label={t('advisories.form.cves')}
                  placeholder={t('advisories.form.cvesPlaceholder')}
                  data-testid="advisory-form-cves"
                  {...form.getInputProps('cves')}
                  error={form.errors.cves ?? Object.entries(form.errors).find(([k]) => k.startsWith('cves.'))?.[1]}
                />
                <Textarea
                  id={fieldId('body')}
                  label={t('advisories.form.body')}
                  withAsterisk
                  autosize
                  minRows={4}
                  data-testid="advisory-form-body"
                  {...form.getInputProps('body')}
                />
                <Textarea
                  id={fieldId('actionRequired')}
                  label={t('advisories.form.actionRequired')}
                  withAsterisk
                  autosize
                  minRows={2}
                  data-testid="advisory-form-action"
                  {...form.getInputProps('actionRequired')}
                />
              </Stack>
            </FormSection>
            <FormSection title={t('advisories.form.audience')} testId="advisory-section-who">
              <Stack gap="md">
                <DateTimePicker
                  id={fieldId('respondBy')}
                  label={t('advisories.form.respondBy')}
                  description={t('tasks.form.zone', { offset: mexicoCityOffsetLabel() })}
                  withAsterisk
                  minDate={mexicoCityStartOfToday()}
                  clearable
                  maw={480}
                  {...pickerProps}
                  data-testid="advisory-form-respond-by"
                  {...form.getInputProps('respondBy')}
                  onChange={(value: string | null) => {
                    form.setFieldValue('respondBy', value);
                    form.validateField('respondBy');
                  }}
                />
                <Switch
                  id={fieldId('allAgencies')}
                  label={t('advisories.form.allAgencies')}
                  disabled={!broadcastable}
                  data-testid="advisory-form-all"
                  {...form.getInputProps('allAgencies', { type: 'checkbox' })}
                />
                {!form.values.allAgencies ? (
                  <MultiSelect
                    id={fieldId('agencyIds')}
                    label={t('advisories.form.agencyIds')}
                    placeholder={t('advisories.form.agencyIdsPlaceholder')}
                    searchable
                    withAsterisk
                    data={agencies.options}
                    data-testid="advisory-form-agencies"
                    {...form.getInputProps('agencyIds')}
                    onChange={(value) => {
                      form.setFieldValue('agencyIds', value);
                      form.validateField('agencyIds');
                    }}
                  />
                ) : null}
              </Stack>
            </FormSection>
            <FormActions
              cancelTo="/alertas"
              cancelTestId="advisory-form-cancel"
              submitLabel={existing ? t('advisories.form.save') : t('advisories.form.submit')}
              submitTestId="advisory-form-submit"
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
              loading={create.isPending || update.isPending}
            />
          </Stack>
        </form>
      </Stack>
      <LeaveGuard
        isDirty={() => form.isDirty()}
        title={t('advisories.form.leaveTitle')}
        body={t('advisories.form.leaveBody')}
        confirmLabel={t('advisories.form.leaveConfirm')}
      />
    </MxDatesProvider>
  );
}
