import { MAX_OBSERVABLES, OBSERVABLE_TYPES, type ObservableType, messageFor } from '@anc/domain';
import { Badge, Group, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconAlertCircle, IconAlertTriangle, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../i18n/index.ts';
import { observableTypeLabel } from '../labels.tsx';
import { type IncidentFormValues, type IndicatorLine, fieldId, indicatorCounts } from './form-model.ts';

type Form = UseFormReturnType<IncidentFormValues>;

const isObservableType = (value: string): value is ObservableType => (OBSERVABLE_TYPES as readonly string[]).includes(value);

const lineErrorKey = (line: IndicatorLine) => `observables.${line.index}.value`;

/** Errors of single indicators (`observables.N.value`), as opposed to the list as a whole. */
const isLineErrorPath = (path: string) => path.startsWith('observables.');

/**
 * The indicators box: one per line, read as the person types — the type each line looks like (which
 * they may change), the value as it will be stored, or why it is refused.
 */
export function IndicatorsField({ form, lines }: { form: Form; lines: readonly IndicatorLine[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const counts = indicatorCounts(lines);
  const lineErrorsShown = Object.entries(form.errors).some(([path, message]) => isLineErrorPath(path) && Boolean(message));
  const listError = form.errors.observables;
  const error = listError ?? (lineErrorsShown && counts.invalid > 0 ? t('incidents.form.observablesHaveErrors', { count: counts.invalid }) : undefined);
  const typeOptions = OBSERVABLE_TYPES.map((type) => ({ value: type, label: observableTypeLabel(type, locale) }));

  /** Editing the text makes earlier complaints about single lines stale (the live ones stay). */
  const clearLineErrors = () => {
    const errors = Object.entries(form.errors);
    if (errors.some(([path]) => path === 'observables' || isLineErrorPath(path))) {
      form.setErrors(Object.fromEntries(errors.filter(([path]) => path !== 'observables' && !isLineErrorPath(path))));
    }
  };

  const chooseType = (line: IndicatorLine, type: ObservableType) => {
    const chosen = { ...form.getValues().observableTypes };
    if (type === line.detected) delete chosen[line.raw];
    else chosen[line.raw] = type;
    form.setFieldValue('observableTypes', chosen);
    clearLineErrors();
  };

  return (
    <Stack gap="sm">
      <Textarea
        id={fieldId('observables')}
        label={t('incidents.form.observables')}
        description={t('incidents.form.observablesHint', { max: MAX_OBSERVABLES })}
        placeholder={t('incidents.form.observablesPlaceholder')}
        autosize
        minRows={4}
        maxRows={14}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-sm)' } }}
        data-testid="report-observables"
        value={form.values.observablesText}
        error={error}
        onChange={(event) => {
          form.setFieldValue('observablesText', event.currentTarget.value);
          clearLineErrors();
        }}
      />
      <Group gap="xs" justify="space-between" wrap="wrap" data-testid="indicator-counts" aria-live="polite">
        <Group gap="xs">
          <Badge variant="light" color="green" data-testid="indicator-count-valid">
            {t('incidents.form.validCount', { count: counts.valid })}
          </Badge>
          {counts.invalid > 0 ? (
            <Badge variant="light" color="red" data-testid="indicator-count-invalid">
              {t('incidents.form.invalidCount', { count: counts.invalid })}
            </Badge>
          ) : null}
          {counts.suspected > 0 ? (
            <Badge variant="light" color="yellow" data-testid="indicator-count-suspected">
              {t('incidents.form.looksBrokenCount', { count: counts.suspected })}
            </Badge>
          ) : null}
          {counts.duplicates > 0 ? (
            <Badge variant="light" color="gray">
              {t('incidents.form.duplicateCount', { count: counts.duplicates })}
            </Badge>
          ) : null}
        </Group>
        <Text size="xs" c={lines.length > MAX_OBSERVABLES ? 'red' : 'dimmed'}>
          {t('incidents.form.observablesCount', { count: lines.length, max: MAX_OBSERVABLES })}
        </Text>
      </Group>
      {lines.length > 0 ? (
        <Table.ScrollContainer minWidth={300} mah={420}>
          <Table verticalSpacing={6} highlightOnHover={false} aria-label={t('incidents.form.indicatorsTableLabel')} data-testid="indicator-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={56}>{t('incidents.form.columns.line')}</Table.Th>
                <Table.Th w={124}>{t('incidents.form.columns.type')}</Table.Th>
                <Table.Th>{t('incidents.form.columns.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => {
                const message = line.error ? messageFor(line.error, locale) : (form.errors[lineErrorKey(line)] ?? null);
                return (
                  <Table.Tr
                    key={`${line.line}:${line.raw}`}
                    data-testid="indicator-line"
                    data-line={line.line}
                    data-type={line.type}
                    data-valid={message ? 'false' : 'true'}
                    data-suspected={line.suspected ?? undefined}
                  >
                    <Table.Td>
                      <Text size="sm" c="dimmed" ff="monospace">
                        {line.line}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <NativeSelect
                        size="xs"
                        data={typeOptions}
                        value={line.type}
                        aria-label={t('incidents.form.lineType', { line: line.line })}
                        title={t('incidents.form.detectedType', { type: observableTypeLabel(line.detected, locale) })}
                        data-testid={`indicator-type-${line.line}`}
                        onChange={(event) => {
                          const type = event.currentTarget.value;
                          if (isObservableType(type)) chooseType(line, type);
                        }}
                      />
                    </Table.Td>
                    <Table.Td style={{ wordBreak: 'break-all' }}>
                      {message ? (
                        <Stack gap={2}>
                          <Text size="sm" ff="monospace">
                            {line.raw}
                          </Text>
                          <Group gap={4} wrap="nowrap" align="flex-start">
                            <IconAlertCircle size={14} color="var(--mantine-color-red-7)" aria-hidden style={{ flex: 'none', marginTop: 2 }} />
                            <Text size="xs" c="red.8" style={{ wordBreak: 'normal' }} data-testid="indicator-error">
                              {message}
                            </Text>
                          </Group>
                        </Stack>
                      ) : (
                        <Stack gap={2}>
                          <Text size="sm" ff="monospace" data-testid="indicator-value">
                            {line.value}
                          </Text>
                          {line.suspected !== null ? (
                            <Group gap={4} wrap="nowrap" align="flex-start">
                              <IconAlertTriangle size={14} color="var(--mantine-color-yellow-8)" aria-hidden style={{ flex: 'none', marginTop: 2 }} />
                              <Text size="xs" c="yellow.9" style={{ wordBreak: 'normal' }} data-testid="indicator-warning">
                                {t('incidents.form.looksBroken', { type: observableTypeLabel(line.suspected, locale) })}
                              </Text>
                            </Group>
                          ) : null}
                          {line.duplicateOf !== null ? (
                            <Group gap={4} wrap="nowrap">
                              <IconCopy size={14} aria-hidden style={{ flex: 'none' }} />
                              <Text size="xs" c="dimmed" style={{ wordBreak: 'normal' }}>
                                {t('incidents.form.duplicateOf', { line: line.duplicateOf })}
                              </Text>
                            </Group>
                          ) : null}
                        </Stack>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
