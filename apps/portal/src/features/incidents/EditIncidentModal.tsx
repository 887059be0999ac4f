import {
  INCIDENT_DESCRIPTION_MAX,
  INCIDENT_TITLE_MAX,
  type Locale,
  RSIT_CLASSES,
  type RsitClass,
  SEVERITY_LEVELS,
  TLP_LEVELS,
  UpdateIncidentInput,
  incidentDateProblems,
  messageFor,
  rsitTypeProblem,
  rsitTypesOf,
} from '@anc/domain';
import { NumberInput, Select, SimpleGrid, Stack, Switch, TextInput, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import type { FormErrors } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormModal, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { useDateTimePickerProps } from '../../components/MxDates.tsx';
import { useLocale } from '../../i18n/index.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeIncident } from './cache.ts';
import { rsitClassLabel, rsitTypeLabel } from './labels.tsx';
import { mexicoCityEndOfToday } from '../../lib/dates.ts';
import { isoToMxWall, mxWallToIso } from '../../lib/time.ts';
import type { IncidentDetail } from './types.ts';

interface EditValues {
  title: string;
  description: string;
  rsitClass: string;
  rsitType: string | null;
  severity: string;
  tlp: string;
  /** Mexico City wall-clock times ("YYYY-MM-DD HH:mm:ss"), as the pickers speak. */
  detectedAt: string | null;
  awareAt: string | null;
  affectedSystems: string;
  impact: {
    personalData: boolean;
    /** NumberInput gives '' when empty. */
    records: number | string;
    criticalService: boolean;
    crossBorder: boolean;
    estimatedLossMxn: string;
  };
}

const FIELDS = [
  'title',
  'description',
  'rsitClass',
  'rsitType',
  'severity',
  'tlp',
  'detectedAt',
  'awareAt',
  'affectedSystems',
  'impact.personalData',
  'impact.records',
  'impact.criticalService',
  'impact.crossBorder',
  'impact.estimatedLossMxn',
] as const;

const isRsitClass = (value: string | null): value is RsitClass => (RSIT_CLASSES as readonly (string | null)[]).includes(value);

function initialValues(incident: IncidentDetail): EditValues {
  return {
    title: incident.title,
    description: incident.description,
    rsitClass: incident.rsitClass,
    rsitType: incident.rsitType,
    severity: String(incident.severity),
    tlp: incident.tlp,
    detectedAt: isoToMxWall(incident.detectedAt),
    awareAt: isoToMxWall(incident.awareAt),
    affectedSystems: incident.affectedSystems,
    impact: {
      personalData: incident.impact.personalData,
      records: incident.impact.records ?? '',
      criticalService: incident.impact.criticalService,
      crossBorder: incident.impact.crossBorder,
      estimatedLossMxn: incident.impact.estimatedLossMxn ?? '',
    },
  };
}

/** The form's values as `incidents.update` takes them; blank selects travel as undefined so the schema names them. */
function prepare(incident: IncidentDetail, v: EditValues) {
  const records = v.impact.personalData && v.impact.records !== '' ? Number(v.impact.records) : null;
  return {
    id: incident.id,
    version: incident.version,
    title: v.title,
    description: v.description,
    rsitClass: v.rsitClass || undefined,
    rsitType: v.rsitType ?? null,
    severity: v.severity === '' ? undefined : Number(v.severity),
    tlp: v.tlp || undefined,
    detectedAt: v.detectedAt ? (mxWallToIso(v.detectedAt) ?? '') : '',
    awareAt: v.awareAt ? (mxWallToIso(v.awareAt) ?? '') : '',
    affectedSystems: v.affectedSystems,
    impact: {
      personalData: v.impact.personalData,
      records,
      criticalService: v.impact.criticalService,
      crossBorder: v.impact.crossBorder,
      estimatedLossMxn: v.impact.estimatedLossMxn.trim() === '' ? null : v.impact.estimatedLossMxn,
    },
  };
}

/** What the schema checks only for a whole incident (the use-case checks the merged result). */
function crossFieldErrors(incident: IncidentDetail) {
  return (v: EditValues, locale: Locale): FormErrors => {
    const errors: FormErrors = {};
    const input = prepare(incident, v);
    if (input.detectedAt && input.awareAt) {
      for (const [path, keys] of Object.entries(incidentDateProblems(input.detectedAt, input.awareAt))) {
        if (keys[0]) errors[path] = messageFor(keys[0], locale);
      }
    }
    if (isRsitClass(v.rsitClass)) {
      const problem = rsitTypeProblem(v.rsitClass, v.rsitType);
      if (problem) errors.rsitType = messageFor(problem, locale);
    }
    return errors;
  };
}

export function EditIncidentModal({ incident, onClose, onConflict }: { incident: IncidentDetail | null; onClose: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  return (
    <FormModal
      opened={incident !== null}
      onClose={onClose}
      size="xl"
      title={incident ? t('incidents.detail.edit.title', { reference: incident.reference }) : ''}
    >
      {incident ? <EditForm key={`${incident.id}:${incident.version}`} incident={incident} onDone={onClose} onConflict={onConflict} /> : null}
    </FormModal>
  );
}

function EditForm({ incident, onDone, onConflict }: { incident: IncidentDetail; onDone: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The end of today, not "now": a later time today is refused with a message, never clamped (./new/dates.ts).
  const [maxDate] = useState(() => mexicoCityEndOfToday());
  // The shared pickers' segment, focus and label handling (../../components/MxDates.tsx).
  const { timePickerProps, popoverProps, submitButtonProps } = useDateTimePickerProps();
  // A conflict closes the dialog: the page says so and shows the incident as it is now.
  const { form, problems, onSubmit } = useSchemaForm({
    schema: UpdateIncidentInput,
    initialValues: initialValues(incident),
    prepare: (v: EditValues) => prepare(incident, v),
    extra: crossFieldErrors(incident),
    fields: FIELDS,
    onConflict: () => {
      onDone();
      onConflict();
    },
  });
  const update = useMutation(
    trpc.incidents.update.mutationOptions({
      onSuccess: (detail) => {
        storeIncident(detail);
        notify(t('incidents.detail.edit.saved', { reference: detail.reference }));
        onDone();
      },
      onError: problems.onError,
    }),
  );
  const rsitClass = form.values.rsitClass;
  const typeOptions = isRsitClass(rsitClass)
    ? rsitTypesOf(rsitClass).map((type) => ({ value: type, label: rsitTypeLabel(rsitClass, type, locale) ?? type }))
    : [];
  const dayjsLocale = locale === 'en' ? 'en' : 'es-mx';

  return (
    <form noValidate data-testid="edit-form" onSubmit={onSubmit((input) => update.mutate(input))}>
      <Stack gap="md">
        <FormProblems testId="edit" error={problems.formError} />
        <TextInput
          label={t('incidents.detail.fields.title')}
          withAsterisk
          maxLength={INCIDENT_TITLE_MAX}
          data-autofocus
          data-testid="edit-title"
          {...form.getInputProps('title')}
        />
        <Textarea
          label={t('incidents.detail.fields.descriptionLength')}
          withAsterisk
          autosize
          minRows={4}
          maxRows={14}
          maxLength={INCIDENT_DESCRIPTION_MAX}
          data-testid="edit-description"
          {...form.getInputProps('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            label={t('incidents.detail.fields.rsitClass')}
            data={RSIT_CLASSES.map((c) => ({ value: c, label: rsitClassLabel(c, locale) }))}
            withAsterisk
            searchable
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="edit-rsit-class"
            {...form.getInputProps('rsitClass')}
            onChange={(value) => {
              if (value === form.getValues().rsitClass) return;
              form.setFieldValue('rsitClass', value ?? '');
              // A type belongs to one class: a new class starts without one.
              form.setFieldValue('rsitType', null);
            }}
          />
          <Select
            label={t('incidents.detail.fields.rsitType')}
            data={typeOptions}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid="edit-rsit-type"
            {...form.getInputProps('rsitType')}
          />
          <Select
            label={t('incidents.detail.fields.severity')}
            data={SEVERITY_LEVELS.map((s) => ({ value: String(s.level), label: s.label[locale] }))}
            withAsterisk
            allowDeselect={false}
            comboboxProps={{ withinPortal: true }}
            data-testid="edit-severity"
            {...form.getInputProps('severity')}
          />
          <Select
            label={t('incidents.detail.fields.tlp')}
            data={TLP_LEVELS.map((level) => ({ value: level, label: `TLP:${level}` }))}
            withAsterisk
            allowDeselect={false}
            description={form.values.tlp === 'RED' && incident.tlp !== 'RED' ? t('incidents.detail.edit.redNarrows') : undefined}
            comboboxProps={{ withinPortal: true }}
            data-testid="edit-tlp"
            {...form.getInputProps('tlp')}
          />
          <DateTimePicker
            label={t('incidents.detail.fields.detectedAt')}
            description={t('incidents.common.timeZone')}
            withAsterisk
            locale={dayjsLocale}
            valueFormat="D MMM YYYY, HH:mm"
            maxDate={maxDate}
            timePickerProps={timePickerProps}
            submitButtonProps={submitButtonProps}
            popoverProps={popoverProps}
            data-testid="edit-detected-at"
            {...form.getInputProps('detectedAt')}
          />
          <DateTimePicker
            label={t('incidents.detail.fields.awareAt')}
            description={t('incidents.detail.edit.awareHint')}
            withAsterisk
            locale={dayjsLocale}
            valueFormat="D MMM YYYY, HH:mm"
            maxDate={maxDate}
            timePickerProps={timePickerProps}
            submitButtonProps={submitButtonProps}
            popoverProps={popoverProps}
            data-testid="edit-aware-at"
            {...form.getInputProps('awareAt')}
          />
        </SimpleGrid>
        <Textarea
          label={t('incidents.detail.fields.affectedSystems')}
          autosize
          minRows={2}
          maxRows={8}
          data-testid="edit-affected-systems"
          {...form.getInputProps('affectedSystems')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Stack gap="xs">
            <Switch
              label={t('incidents.detail.fields.personalData')}
              data-testid="edit-personal-data"
              {...form.getInputProps('impact.personalData', { type: 'checkbox' })}
              onChange={(e) => {
                form.setFieldValue('impact.personalData', e.currentTarget.checked);
                if (!e.currentTarget.checked) form.setFieldValue('impact.records', '');
              }}
            />
            <NumberInput
              label={t('incidents.detail.fields.records')}
              min={0}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              disabled={!form.values.impact.personalData}
              data-testid="edit-records"
              {...form.getInputProps('impact.records')}
            />
          </Stack>
          <Stack gap="xs">
            <Switch
              label={t('incidents.detail.fields.criticalService')}
              data-testid="edit-critical-service"
              {...form.getInputProps('impact.criticalService', { type: 'checkbox' })}
            />
            <Switch
              label={t('incidents.detail.fields.crossBorder')}
              data-testid="edit-cross-border"
              {...form.getInputProps('impact.crossBorder', { type: 'checkbox' })}
            />
            <TextInput
              label={t('incidents.detail.fields.estimatedLossMxn')}
              description={t('incidents.detail.edit.lossHint')}
              inputMode="decimal"
              leftSection="$"
              data-testid="edit-loss"
              {...form.getInputProps('impact.estimatedLossMxn')}
            />
          </Stack>
        </SimpleGrid>
        <FormActions onCancel={onDone} submitLabel={t('common.saveChanges')} submitTestId="edit-submit" loading={update.isPending} mt="xs" />
      </Stack>
    </form>
  );
}
