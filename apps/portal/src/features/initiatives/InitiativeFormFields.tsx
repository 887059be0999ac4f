/** The fields of an initiative, shared by the create page and the edit dialog. */
import { INITIATIVE_DESCRIPTION_MAX, INITIATIVE_TITLE_MAX, TRANSVERSAL_AXES } from '@anc/domain';
import { MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { IconCalendar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { useAgencyOptions } from '../../lib/agency-options.ts';
import { dayjsLocale } from '../../lib/dates.ts';
import { budgetPreview, type InitiativeField, type InitiativeFormValues } from './form-model.ts';
import { axisLabel, objectiveOptions } from './labels.tsx';

/** Hints under the input, so that inputs side by side line up whether or not they have one. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

export const initiativeFieldId = (prefix: string, field: InitiativeField) => `${prefix}-${field}`;

/** Active agencies (and any already on the record), "SEDENA — Secretaría de la Defensa Nacional". */
function useChoosableAgencies(keep: readonly string[]) {
  return useAgencyOptions({ includeInactive: true, where: (a) => a.active || keep.includes(a.id) }).options;
}

export function InitiativeFormFields({
  form,
  prefix,
  keepAgencyIds = [],
  layout,
}: {
  form: UseFormReturnType<InitiativeFormValues>;
  /** Test ids and element ids start with it ("initiative" → "initiative-code"). */
  prefix: string;
  keepAgencyIds?: readonly string[];
  /** Wrap each group of fields (the create page puts them in titled sections). */
  layout: (section: 'what' | 'who' | 'when', children: ReactNode) => ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const agencies = useChoosableAgencies(keepAgencyIds);
  const id = (field: InitiativeField) => initiativeFieldId(prefix, field);
  const preview = budgetPreview(form.values.budgetMxn);
  const lead = form.values.leadAgencyId;
  const monthLabels = { nextMonth: t('incidents.form.nextMonth'), previousMonth: t('incidents.form.previousMonth') };

  return (
    <>
      {layout(
        'what',
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              id={id('code')}
              label={t('initiatives.form.code')}
              placeholder={t('initiatives.form.codePlaceholder')}
              description={t('initiatives.form.codeHint')}
              inputWrapperOrder={BELOW}
              withAsterisk
              maxLength={20}
              autoComplete="off"
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', textTransform: 'uppercase' } }}
              data-testid={id('code')}
              {...form.getInputProps('code')}
            />
            <TextInput
              id={id('title')}
              label={t('initiatives.form.title')}
              withAsterisk
              maxLength={INITIATIVE_TITLE_MAX}
              style={{ gridColumn: 'span 2' }}
              data-testid={id('title')}
              {...form.getInputProps('title')}
            />
          </SimpleGrid>
          <Textarea
            id={id('description')}
            label={t('initiatives.form.description')}
            placeholder={t('initiatives.form.descriptionPlaceholder')}
            autosize
            minRows={3}
            maxRows={12}
            maxLength={INITIATIVE_DESCRIPTION_MAX}
            data-testid={id('description')}
            {...form.getInputProps('description')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              id={id('objective')}
              label={t('initiatives.form.objective')}
              placeholder={t('initiatives.form.objectivePlaceholder')}
              data={objectiveOptions(locale)}
              withAsterisk
              comboboxProps={{ withinPortal: true }}
              data-testid={id('objective')}
              {...form.getInputProps('objective')}
            />
            <MultiSelect
              id={id('axes')}
              label={t('initiatives.form.axes')}
              placeholder={form.values.axes.length ? undefined : t('initiatives.form.axesPlaceholder')}
              data={TRANSVERSAL_AXES.map((a) => ({ value: a, label: axisLabel(a, locale) }))}
              clearable
              comboboxProps={{ withinPortal: true }}
              data-testid={id('axes')}
              {...form.getInputProps('axes')}
            />
          </SimpleGrid>
        </Stack>,
      )}
      {layout(
        'who',
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <Select
            id={id('leadAgencyId')}
            label={t('initiatives.form.lead')}
            placeholder={t('initiatives.form.leadPlaceholder')}
            description={t('initiatives.form.leadHint')}
            inputWrapperOrder={BELOW}
            data={agencies}
            withAsterisk
            searchable
            comboboxProps={{ withinPortal: true }}
            data-testid={id('leadAgencyId')}
            {...form.getInputProps('leadAgencyId')}
          />
          <MultiSelect
            id={id('participantAgencyIds')}
            label={t('initiatives.form.participants')}
            placeholder={form.values.participantAgencyIds.length ? undefined : t('initiatives.form.participantsPlaceholder')}
            data={agencies.filter((a) => a.value !== lead)}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
            data-testid={id('participantAgencyIds')}
            {...form.getInputProps('participantAgencyIds')}
          />
        </SimpleGrid>,
      )}
      {layout(
        'when',
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <DatePickerInput
            id={id('startDate')}
            label={t('initiatives.form.startDate')}
            withAsterisk
            valueFormat="D MMM YYYY"
            locale={dayjsLocale(locale)}
            leftSection={<IconCalendar size={18} aria-hidden />}
            popoverProps={{ withinPortal: true }}
            ariaLabels={monthLabels}
            data-testid={id('startDate')}
            {...form.getInputProps('startDate')}
          />
          <DatePickerInput
            id={id('endDate')}
            label={t('initiatives.form.endDate')}
            withAsterisk
            valueFormat="D MMM YYYY"
            locale={dayjsLocale(locale)}
            minDate={form.values.startDate ?? undefined}
            leftSection={<IconCalendar size={18} aria-hidden />}
            popoverProps={{ withinPortal: true }}
            ariaLabels={monthLabels}
            data-testid={id('endDate')}
            {...form.getInputProps('endDate')}
          />
          <Stack gap={4}>
            <TextInput
              id={id('budgetMxn')}
              label={t('initiatives.form.budget')}
              placeholder={t('initiatives.form.budgetPlaceholder')}
              description={t('initiatives.form.budgetHint')}
              inputWrapperOrder={BELOW}
              withAsterisk
              inputMode="decimal"
              autoComplete="off"
              leftSection={<Text size="sm">$</Text>}
              styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
              data-testid={id('budgetMxn')}
              {...form.getInputProps('budgetMxn')}
            />
            {preview ? (
              <Text size="xs" c="dimmed" data-testid={`${prefix}-budget-preview`}>
                {t('initiatives.form.budgetPreview', { amount: preview })}
              </Text>
            ) : null}
          </Stack>
        </SimpleGrid>,
      )}
    </>
  );
}
