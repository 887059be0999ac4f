/**
 * The milestones in the order they fall due: due, done (when and by whom), late. Staff of the
 * lead agency and admins tick a milestone done or reopen it; admins add milestones.
 */
import { AddMilestoneInput, MILESTONE_TITLE_MAX } from '@anc/domain';
import { Alert, Button, Group, Paper, Stack, Text, TextInput, ThemeIcon, Timeline } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconAlarm, IconCalendar, IconCheck, IconCircleDashed, IconPlus, IconRotate } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { FormActions, FormModal, FormProblems, useSchemaForm } from '../../components/FormDialog.tsx';
import { MxDatesProvider } from '../../components/MxDates.tsx';
import { useLocale } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { storeInitiative } from './cache.ts';
import { formatDay } from './format.ts';
import { MilestoneStateBadge } from './labels.tsx';
import type { InitiativeDetail, Milestone } from './types.ts';

const BULLET = {
  pending: { color: 'gray', icon: IconCircleDashed },
  late: { color: 'red.8', icon: IconAlarm },
  done: { color: 'green', icon: IconCheck },
  done_late: { color: 'orange', icon: IconCheck },
} as const;

export function MilestoneTimeline({ initiative }: { initiative: InitiativeDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [adding, setAdding] = useState(false);
  const [reopening, setReopening] = useState<Milestone | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const canTick = initiative.capabilities.completeMilestones;
  const doneCount = initiative.milestones.filter((m) => m.doneDate !== null).length;

  const complete = useMutation(
    trpc.initiatives.completeMilestone.mutationOptions({
      onSuccess: (detail, input) => {
        storeInitiative(detail);
        const m = detail.milestones.find((x) => x.id === input.milestoneId);
        notify(t('initiatives.milestones.doneToast', { title: m?.title ?? '' }));
      },
      onError: (error) => setActionError(errorMessage(error, t)),
    }),
  );
  const reopen = useMutation(
    trpc.initiatives.reopenMilestone.mutationOptions({
      onSuccess: (detail, input) => {
        storeInitiative(detail);
        const m = detail.milestones.find((x) => x.id === input.milestoneId);
        notify(t('initiatives.milestones.reopenedToast', { title: m?.title ?? '' }));
        setReopening(null);
      },
    }),
  );

  return (
    <Paper p="md" component="section" aria-labelledby="milestones-heading" data-testid="initiative-milestones">
      <SectionTitle
        id="milestones-heading"
        extra={
          initiative.capabilities.addMilestone ? (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAdding(true)} data-testid="milestone-add">
              {t('initiatives.milestones.add')}
            </Button>
          ) : null
        }
      >
        {t('initiatives.milestones.title')}
      </SectionTitle>
      {actionError ? (
        <Alert color="red" variant="light" role="alert" mb="sm" withCloseButton closeButtonLabel={t('common.close')} onClose={() => setActionError(null)}>
          {actionError}
        </Alert>
      ) : null}
      {initiative.milestones.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="milestones-empty">
          {t('initiatives.milestones.empty')}
        </Text>
      ) : (
        <Timeline active={doneCount - 1} bulletSize={26} lineWidth={2} aria-label={t('initiatives.milestones.label')} component="ol" p={0} m={0}>
          {initiative.milestones.map((m) => {
            const bullet = BULLET[m.state];
            const Icon = bullet.icon;
            return (
              <Timeline.Item
                key={m.id}
                component="li"
                style={{ listStyle: 'none' }}
                bullet={
                  <ThemeIcon size={26} radius="xl" color={bullet.color} variant={m.state === 'pending' ? 'light' : 'filled'} aria-hidden>
                    <Icon size={14} />
                  </ThemeIcon>
                }
                data-testid="milestone"
                data-state={m.state}
                data-title={m.title}
              >
                <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                  <Stack gap={2} miw={0} style={{ flex: '1 1 240px' }}>
                    <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                      {m.title}
                    </Text>
                    <Group gap={6} wrap="wrap">
                      <MilestoneStateBadge state={m.state} />
                      <Text size="xs" c={m.state === 'late' ? 'red.8' : 'dimmed'} fw={m.state === 'late' ? 700 : 400}>
                        {t('initiatives.milestones.due', { date: formatDay(m.dueDate, locale) })}
                      </Text>
                    </Group>
                    {m.doneDate ? (
                      <Text size="xs" c="dimmed" data-testid="milestone-done">
                        {t('initiatives.milestones.doneOn', { date: formatDay(m.doneDate, locale) })}
                        {m.doneBy ? ` ${t('initiatives.milestones.doneBy', { name: m.doneBy.name })}` : ''}
                      </Text>
                    ) : null}
                  </Stack>
                  {canTick ? (
                    m.doneDate === null ? (
                      <Button
                        size="xs"
                        variant="light"
                        color="green"
                        leftSection={<IconCheck size={14} aria-hidden />}
                        loading={complete.isPending && complete.variables.milestoneId === m.id}
                        onClick={() => {
                          setActionError(null);
                          complete.mutate({ milestoneId: m.id });
                        }}
                        aria-label={t('initiatives.milestones.markDoneLabel', { title: m.title })}
                        data-testid="milestone-complete"
                      >
                        {t('initiatives.milestones.markDone')}
                      </Button>
                    ) : (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="gray"
                        leftSection={<IconRotate size={14} aria-hidden />}
                        onClick={() => {
                          reopen.reset();
                          setReopening(m);
                        }}
                        aria-label={t('initiatives.milestones.reopenLabel', { title: m.title })}
                        data-testid="milestone-reopen"
                      >
                        {t('initiatives.milestones.reopen')}
                      </Button>
                    )
                  ) : null}
                </Group>
              </Timeline.Item>
            );
          })}
        </Timeline>
      )}
      <ConfirmDialog
        opened={reopening !== null}
        title={t('initiatives.milestones.reopenTitle')}
        body={t('initiatives.milestones.reopenBody', { title: reopening?.title ?? '' })}
        confirmLabel={t('initiatives.milestones.reopen')}
        loading={reopen.isPending}
        error={reopen.error ? errorMessage(reopen.error, t) : null}
        onConfirm={() => reopening && reopen.mutate({ milestoneId: reopening.id })}
        onClose={() => setReopening(null)}
      />
      <FormModal opened={adding} onClose={() => setAdding(false)} title={t('initiatives.milestones.addTitle')}>
        <AddMilestoneForm initiative={initiative} onDone={() => setAdding(false)} />
      </FormModal>
    </Paper>
  );
}

interface MilestoneValues {
  title: string;
  dueDate: string | null;
}
const MILESTONE_FIELDS = ['title', 'dueDate'] as const;
const NO_MILESTONE: MilestoneValues = { title: '', dueDate: null };

function AddMilestoneForm({ initiative, onDone }: { initiative: InitiativeDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const prepare = (v: MilestoneValues) => ({ initiativeId: initiative.id, title: v.title, dueDate: v.dueDate ?? '' });
  const { form, problems, onSubmit } = useSchemaForm({
    schema: AddMilestoneInput,
    initialValues: NO_MILESTONE,
    prepare,
    fields: MILESTONE_FIELDS,
  });
  const add = useMutation(
    trpc.initiatives.addMilestone.mutationOptions({
      onSuccess: (detail, input) => {
        storeInitiative(detail);
        notify(t('initiatives.milestones.added', { title: input.title }));
        onDone();
      },
      onError: problems.onError,
    }),
  );
  return (
    <MxDatesProvider>
      <form noValidate data-testid="milestone-form" onSubmit={onSubmit((input) => add.mutate(input))}>
        <Stack gap="md">
          <FormProblems error={problems.formError} />
          <TextInput
            label={t('initiatives.milestones.form.title')}
            placeholder={t('initiatives.milestones.form.titlePlaceholder')}
            withAsterisk
            maxLength={MILESTONE_TITLE_MAX}
            data-autofocus
            data-testid="milestone-form-title"
            {...form.getInputProps('title')}
          />
          <DatePickerInput
            label={t('initiatives.milestones.form.dueDate')}
            withAsterisk
            valueFormat="D MMM YYYY"
            leftSection={<IconCalendar size={18} aria-hidden />}
            popoverProps={{ withinPortal: true }}
            ariaLabels={{ nextMonth: t('incidents.form.nextMonth'), previousMonth: t('incidents.form.previousMonth') }}
            data-testid="milestone-form-due"
            {...form.getInputProps('dueDate')}
          />
          <FormActions onCancel={onDone} submitLabel={t('initiatives.milestones.addSubmit')} submitTestId="milestone-form-submit" loading={add.isPending} />
        </Stack>
      </form>
    </MxDatesProvider>
  );
}
