import { type ReportKind, SubmitReportInput, formatMxDateTime } from '@anc/domain';
import { Alert, Badge, Button, Divider, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, useLocale } from '../../i18n/index.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeIncident } from './cache.ts';
import { DeadlineCountdown } from '../../components/Countdown.tsx';
import { obligationLabel } from './labels.tsx';
import type { IncidentDetail } from './types.ts';
import { SectionTitle } from '../../components/SectionTitle.tsx';

/** The report still owed, in the order the law asks for them: the notification, then the final report. */
function missingReport(incident: IncidentDetail): ReportKind | null {
  const has = (kind: ReportKind) => incident.reports.some((r) => r.kind === kind);
  if (!has('notification')) return 'notification';
  if (!has('final_report')) return 'final_report';
  return null;
}

/** The follow-up reports filed so far, and the form for the next one when the reader files them. */
export function ReportsPanel({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const next = incident.can.submitReport ? missingReport(incident) : null;
  return (
    <Paper p="md" component="section" aria-labelledby="incident-reports-title" data-testid="incident-followups">
      <SectionTitle id="incident-reports-title">{t('incidents.detail.reports.title')}</SectionTitle>
      {incident.reports.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="followups-empty">
          {t('incidents.detail.reports.empty')}
        </Text>
      ) : (
        <Stack gap="md">
          {incident.reports.map((r) => (
            <Stack key={r.id} gap={4} data-testid="followup-item" data-kind={r.kind}>
              <Group gap="xs" justify="space-between" wrap="wrap">
                <Badge variant="light" color="green">
                  {obligationLabel(r.kind, locale)}
                </Badge>
                <Text size="xs" c="dimmed">
                  {formatMxDateTime(r.submittedAt, locale)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {t('incidents.detail.reports.by', { name: r.submittedBy.name })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {r.body}
              </Text>
            </Stack>
          ))}
        </Stack>
      )}
      {next ? (
        <>
          <Divider my="md" />
          <ReportForm key={next} incident={incident} kind={next} />
        </>
      ) : null}
    </Paper>
  );
}

function ReportForm({ incident, kind }: { incident: IncidentDetail; kind: ReportKind }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const obligation = incident.obligations.find((o) => o.kind === kind);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ body: string }>({
    initialValues: { body: '' },
    validate: schemaValidator<{ body: string }>(SubmitReportInput, currentLocale, { prepare: (v) => ({ id: incident.id, kind, body: v.body }) }),
  });
  const submit = useMutation(
    trpc.incidents.submitReport.mutationOptions({
      onSuccess: (detail) => {
        storeIncident(detail);
        notify(t('incidents.detail.reports.submitted', { report: obligationLabel(kind, locale) }));
      },
      onError: (error) => setFormError(applyServerError(form, error, ['body'], t)),
    }),
  );
  return (
    <form
      noValidate
      data-testid="followup-form"
      data-kind={kind}
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        submit.mutate({ id: incident.id, kind, body: values.body });
      })}
    >
      <Stack gap="sm">
        <Text fw={650} size="sm">
          {t(kind === 'notification' ? 'incidents.detail.reports.formTitleNotification' : 'incidents.detail.reports.formTitleFinal')}
        </Text>
        <Text size="xs" c="dimmed">
          {t(kind === 'notification' ? 'incidents.detail.reports.explainNotification' : 'incidents.detail.reports.explainFinal')}
        </Text>
        {obligation ? (
          <Group gap={6} wrap="wrap">
            <Text size="sm">{t('incidents.detail.reports.dueAt', { date: formatMxDateTime(obligation.dueAt, locale) })}</Text>
            <DeadlineCountdown dueAt={obligation.dueAt} state={obligation.state} />
          </Group>
        ) : null}
        {formError ? (
          <Alert color="red" variant="light" role="alert">
            {formError}
          </Alert>
        ) : null}
        <Textarea
          label={t('incidents.detail.reports.body')}
          description={t(kind === 'notification' ? 'incidents.detail.reports.bodyHintNotification' : 'incidents.detail.reports.bodyHintFinal')}
          autosize
          minRows={5}
          maxRows={16}
          withAsterisk
          data-testid="followup-body"
          {...form.getInputProps('body')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={submit.isPending} data-testid="followup-submit">
            {t(kind === 'notification' ? 'incidents.detail.reports.submitNotification' : 'incidents.detail.reports.submitFinal')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
