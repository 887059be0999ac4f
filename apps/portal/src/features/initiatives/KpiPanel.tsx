/**
 * Each KPI: baseline, target, latest value and attainment, and a line chart of its history with
 * the target and the baseline as reference lines. Values are exact decimal text everywhere they
 * are read; the chart alone turns them into numbers to place the points. Staff of the lead agency
 * and admins record values; admins add KPIs.
 */
import '@mantine/dates/styles.css';
import { AddKpiInput, KPI_NAME_MAX, KPI_UNIT_MAX, RecordKpiValueInput } from '@anc/domain';
import { LineChart } from '@mantine/charts';
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { IconArrowDownRight, IconArrowRight, IconArrowUpRight, IconChevronDown, IconPlus, IconTarget } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormModal, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { MxDatesProvider, useDateTimePickerProps } from '../../components/MxDates.tsx';
import { useLocale } from '../../i18n/index.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { mexicoCityNow, mexicoCityOffsetLabel, mexicoCityWallClockToIso } from '../../lib/dates.ts';
import { formatMxDate, formatMxTime } from '../../lib/time.ts';
import { storeInitiative } from './cache.ts';
import { attainmentPercent, formatDecimal } from './format.ts';
import { InitiativeProgress } from './labels.tsx';
import type { InitiativeDetail, Kpi } from './types.ts';

const DIRECTION_ICON = { increase: IconArrowUpRight, decrease: IconArrowDownRight, maintain: IconArrowRight } as const;

export function KpiPanel({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <Paper p="md" component="section" aria-labelledby="kpis-heading" data-testid="initiative-kpis">
      <SectionTitle
        id="kpis-heading"
        extra={
          initiative.capabilities.addKpi ? (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)} data-testid="kpi-add">
              {t('initiatives.kpis.add')}
            </Button>
          ) : null
        }
      >
        {t('initiatives.kpis.title')}
      </SectionTitle>
      {initiative.kpis.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="kpis-empty">
          {t('initiatives.kpis.empty')}
        </Text>
      ) : (
        <Stack gap="lg">
          {initiative.kpis.map((kpi) => (
            <KpiCard key={kpi.id} kpi={kpi} initiative={initiative} />
          ))}
        </Stack>
      )}
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('initiatives.kpis.addTitle')}>
        <AddKpiForm initiative={initiative} onDone={() => setAdding(false)} />
      </FormModal>
    </Paper>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={0} miw={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="lg" fw={700} ff="monospace" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {value}
      </Text>
    </Stack>
  );
}

function KpiCard({ kpi, initiative }: { kpi: Kpi; initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [recording, setRecording] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const Direction = DIRECTION_ICON[kpi.direction];
  const unit = kpi.unit;
  const attainment = kpi.attainment === null ? null : attainmentPercent(kpi.attainment);
  const data = kpi.values.map((v) => ({ at: formatMxDate(v.at, locale), value: Number(v.value) }));
  const last = kpi.values[kpi.values.length - 1];
  const headingId = `kpi-${kpi.id}`;
  const number = (value: number) => new Intl.NumberFormat(locale === 'en' ? 'en-US' : 'es-MX', { maximumFractionDigits: 4 }).format(value);

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId} data-testid="kpi" data-name={kpi.name} data-points={kpi.values.length}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap" mb="sm">
        <Stack gap={4} miw={0} style={{ flex: '1 1 260px' }}>
          <Title order={3} fz="md" id={headingId} style={{ overflowWrap: 'anywhere' }}>
            {kpi.name}
          </Title>
          <Group gap={6}>
            <Badge variant="light" color="gray" size="sm">
              {unit}
            </Badge>
            <Badge variant="outline" color="gray" size="sm" leftSection={<Direction size={12} aria-hidden />}>
              {t(`initiatives.kpis.direction.${kpi.direction}`)}
            </Badge>
          </Group>
        </Stack>
        {initiative.capabilities.recordKpi ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setRecording(true)} data-testid="kpi-record">
            {t('initiatives.kpis.record')}
          </Button>
        ) : null}
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="md" mb="sm">
        <Stat label={t('initiatives.kpis.baseline')} value={formatDecimal(kpi.baseline)} testId="kpi-baseline" />
        <Stat label={t('initiatives.kpis.target')} value={formatDecimal(kpi.target)} testId="kpi-target" />
        <Stat label={t('initiatives.kpis.current')} value={kpi.currentValue === null ? '—' : formatDecimal(kpi.currentValue)} testId="kpi-current" />
        <Stack gap={2} miw={0}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            {t('initiatives.kpis.attainment')}
          </Text>
          {attainment === null ? (
            <Text size="sm" c="dimmed" data-testid="kpi-attainment" data-value="">
              {t('initiatives.kpis.noValue')}
            </Text>
          ) : (
            <div data-testid="kpi-attainment" data-value={attainment}>
              <InitiativeProgress
                progress={attainment}
                size="sm"
                label={t('initiatives.kpis.attainmentLabel', { name: kpi.name })}
                testId="kpi-attainment-bar"
              />
            </div>
          )}
        </Stack>
      </SimpleGrid>

      {data.length > 0 ? (
        <figure style={{ margin: 0 }} aria-label={t('initiatives.kpis.chartLabel', { name: kpi.name })} data-testid="kpi-chart">
          <LineChart
            h={220}
            data={data}
            dataKey="at"
            series={[{ name: 'value', label: t('initiatives.kpis.series'), color: 'guinda.6' }]}
            curveType="linear"
            withDots
            valueFormatter={number}
            yAxisProps={{ width: 64 }}
            referenceLines={[
              {
                y: Number(kpi.target),
                label: `${t('initiatives.kpis.target')}: ${formatDecimal(kpi.target)}`,
                color: 'green.7',
                labelPosition: 'insideTopRight',
                ifOverflow: 'extendDomain',
              },
              {
                y: Number(kpi.baseline),
                label: `${t('initiatives.kpis.baseline')}: ${formatDecimal(kpi.baseline)}`,
                color: 'gray.6',
                labelPosition: 'insideBottomRight',
                ifOverflow: 'extendDomain',
              },
            ]}
            gridAxis="x"
            accessibilityLayer={false}
          />
        </figure>
      ) : null}
      <Group gap={6} mt="xs" wrap="nowrap" align="flex-start">
        <IconTarget size={14} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
        <Text size="sm" c={last ? undefined : 'dimmed'} aria-live="polite" data-testid="kpi-latest">
          {last
            ? t('initiatives.kpis.latest', { value: formatDecimal(last.value), unit, date: formatMxDate(last.at, locale), count: kpi.values.length })
            : t('initiatives.kpis.latestNone')}
        </Text>
      </Group>

      {kpi.values.length > 0 ? (
        <>
          <UnstyledButton
            mt="xs"
            onClick={() => setHistoryOpen((o) => !o)}
            aria-expanded={historyOpen}
            aria-controls={`${headingId}-history`}
            data-testid="kpi-history-toggle"
          >
            <Group gap={4}>
              <Text size="xs" fw={600} c="guinda.7">
                {t('initiatives.kpis.history')} ({kpi.values.length})
              </Text>
              <IconChevronDown size={14} aria-hidden style={{ transform: historyOpen ? 'rotate(180deg)' : undefined }} />
            </Group>
          </UnstyledButton>
          {historyOpen ? (
            <Table id={`${headingId}-history`} mt="xs" striped withTableBorder fz="xs" data-testid="kpi-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('initiatives.kpis.historyColumns.at')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('initiatives.kpis.historyColumns.value')}
                  </Table.Th>
                  <Table.Th scope="col">{t('initiatives.kpis.historyColumns.by')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {kpi.values.toReversed().map((v) => (
                  <Table.Tr key={v.id}>
                    <Table.Td>
                      {formatMxDate(v.at, locale)} {formatMxTime(v.at, locale)}
                    </Table.Td>
                    <Table.Td ta="right" ff="monospace">
                      {formatDecimal(v.value)}
                    </Table.Td>
                    <Table.Td>{v.recordedBy.name}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          ) : null}
        </>
      ) : null}

      <FormModal opened={recording} onClose={() => setRecording(false)} title={t('initiatives.kpis.recordTitle', { name: kpi.name })}>
        <RecordValueForm kpi={kpi} onDone={() => setRecording(false)} />
      </FormModal>
    </Paper>
  );
}

interface RecordValues {
  value: string;
  /** Mexico City wall-clock time, or null for now. */
  at: string | null;
}
const RECORD_FIELDS = ['value', 'at'] as const;
const NO_VALUE: RecordValues = { value: '', at: null };

function RecordValueForm({ kpi, onDone }: { kpi: Kpi; onDone: () => void }) {
  const { t } = useTranslation();
  const pickerProps = useDateTimePickerProps();
  const prepare = (v: RecordValues) => ({ kpiId: kpi.id, value: v.value, ...(v.at ? { at: mexicoCityWallClockToIso(v.at) } : {}) });
  const { form, problems, onSubmit } = useSchemaForm({
    schema: RecordKpiValueInput,
    initialValues: NO_VALUE,
    prepare,
    fields: RECORD_FIELDS,
  });
  const record = useMutation(
    trpc.initiatives.recordKpiValue.mutationOptions({
      onSuccess: (detail, input) => {
        storeInitiative(detail);
        notify(t('initiatives.kpis.recorded', { value: formatDecimal(input.value), unit: kpi.unit, name: kpi.name }));
        onDone();
      },
      onError: problems.onError,
    }),
  );
  return (
    <MxDatesProvider>
      <form noValidate data-testid="kpi-record-form" onSubmit={onSubmit((_, prepared) => record.mutate(prepared))}>
        <Stack gap="md">
          <FormProblems error={problems.formError} />
          <Text size="sm" c="dimmed">
            {t('initiatives.kpis.baseline')}: {formatDecimal(kpi.baseline)} · {t('initiatives.kpis.target')}: {formatDecimal(kpi.target)} {kpi.unit}
          </Text>
          <TextInput
            label={t('initiatives.kpis.recordForm.value', { unit: kpi.unit })}
            description={t('initiatives.kpis.recordForm.valueHint')}
            withAsterisk
            inputMode="decimal"
            autoComplete="off"
            data-autofocus
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            data-testid="kpi-record-value"
            {...form.getInputProps('value')}
          />
          <DateTimePicker
            label={t('initiatives.kpis.recordForm.at')}
            description={t('initiatives.kpis.recordForm.atHint', { offset: mexicoCityOffsetLabel() })}
            maxDate={mexicoCityNow()}
            clearable
            {...pickerProps}
            data-testid="kpi-record-at"
            {...form.getInputProps('at')}
          />
          <FormActions onCancel={onDone} submitLabel={t('initiatives.kpis.recordSubmit')} submitTestId="kpi-record-submit" loading={record.isPending} />
        </Stack>
      </form>
    </MxDatesProvider>
  );
}

interface KpiValues {
  name: string;
  unit: string;
  baseline: string;
  target: string;
}
const KPI_FIELDS = ['name', 'unit', 'baseline', 'target'] as const;

function AddKpiForm({ initiative, onDone }: { initiative: InitiativeDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const prepare = (v: KpiValues) => ({ initiativeId: initiative.id, ...v });
  const { form, problems, onSubmit } = useSchemaForm({
    schema: AddKpiInput,
    initialValues: { name: '', unit: '', baseline: '', target: '' },
    prepare,
    fields: KPI_FIELDS,
  });
  const add = useMutation(
    trpc.initiatives.addKpi.mutationOptions({
      onSuccess: (detail, input) => {
        storeInitiative(detail);
        notify(t('initiatives.kpis.added', { name: input.name }));
        onDone();
      },
      onError: problems.onError,
    }),
  );
  return (
    <form noValidate data-testid="kpi-form" onSubmit={onSubmit((_, prepared) => add.mutate(prepared))}>
      <Stack gap="md">
        <FormProblems error={problems.formError} />
        <TextInput
          label={t('initiatives.kpis.addForm.name')}
          placeholder={t('initiatives.kpis.addForm.namePlaceholder')}
          withAsterisk
          maxLength={KPI_NAME_MAX}
          data-autofocus
          data-testid="kpi-form-name"
          {...form.getInputProps('name')}
        />
        <TextInput
          label={t('initiatives.kpis.addForm.unit')}
          placeholder={t('initiatives.kpis.addForm.unitPlaceholder')}
          withAsterisk
          maxLength={KPI_UNIT_MAX}
          data-testid="kpi-form-unit"
          {...form.getInputProps('unit')}
        />
        <SimpleGrid cols={2} spacing="md">
          <TextInput
            label={t('initiatives.kpis.addForm.baseline')}
            withAsterisk
            inputMode="decimal"
            autoComplete="off"
            data-testid="kpi-form-baseline"
            {...form.getInputProps('baseline')}
          />
          <TextInput
            label={t('initiatives.kpis.addForm.target')}
            withAsterisk
            inputMode="decimal"
            autoComplete="off"
            data-testid="kpi-form-target"
            {...form.getInputProps('target')}
          />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('initiatives.kpis.addForm.targetHint')}
        </Text>
        <FormActions onCancel={onDone} submitLabel={t('initiatives.kpis.addSubmit')} submitTestId="kpi-form-submit" loading={add.isPending} />
      </Stack>
    </form>
  );
}
