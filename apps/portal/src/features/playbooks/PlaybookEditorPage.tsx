// Administración → Playbooks → one playbook: its class, title and steps (add, remove, reorder),
// validated with the API's own schema (UpsertPlaybookInput, packages/domain/src/schemas/playbooks.ts).
import {
  PLAYBOOK_ASSIGNEES,
  PLAYBOOK_STEP_DESCRIPTION_MAX,
  PLAYBOOK_STEP_TITLE_MAX,
  PLAYBOOK_STEPS_MAX,
  PLAYBOOK_TITLE_MAX,
  RSIT_CLASSES,
  UpsertPlaybookInput,
  type RsitClass,
} from '@anc/domain';
import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Select, Skeleton, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions, FormProblems } from '../../components/FormDialog.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { LeaveGuard } from '../../components/FormPage.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLocale } from '../../i18n/index.ts';
import { readApiError } from '../../lib/errors.ts';
import { applyServerError, schemaValidator } from '../../lib/forms.ts';
import { notify } from '../../lib/notify.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { rsitClassLabel } from '../incidents/labels.tsx';
import type { Playbook } from './types.ts';

const route = getRouteApi('/app/admin/playbooks/$playbookId');

interface StepValues {
  key: string;
  title: string;
  description: string;
  assignTo: (typeof PLAYBOOK_ASSIGNEES)[number];
  dueAfterHours: number | string;
}
interface Values {
  rsitClass: RsitClass | null;
  title: string;
  steps: StepValues[];
}

let keySerial = 0;
const newKey = () => `step-${++keySerial}`;
const blankStep = (): StepValues => ({ key: newKey(), title: '', description: '', assignTo: 'reporting_agency', dueAfterHours: 24 });

const valuesOf = (p: Playbook | null): Values =>
  p
    ? {
        rsitClass: p.rsitClass,
        title: p.title,
        steps: p.steps.map((s) => ({ key: newKey(), title: s.title, description: s.description, assignTo: s.assignTo, dueAfterHours: s.dueAfterHours })),
      }
    : { rsitClass: null, title: '', steps: [blankStep()] };

export function PlaybookEditorPage() {
  const { playbookId } = route.useParams();
  const isNew = playbookId === 'nuevo';
  const existing = useQuery({ ...trpc.playbooks.get.queryOptions({ id: playbookId }), enabled: !isNew });
  if (isNew) return <PlaybookEditor playbook={null} />;
  if (existing.error) return <QueryError error={existing.error} onRetry={() => void existing.refetch()} />;
  if (!existing.data) return <Skeleton height={320} />;
  return <PlaybookEditor key={`${existing.data.id}-${existing.data.version}`} playbook={existing.data} />;
}

function PlaybookEditor({ playbook }: { playbook: Playbook | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  useDocumentTitle(`${playbook ? t('playbooks.editor.editTitle') : t('playbooks.editor.newTitle')} · ${t('admin.pageTitle')} · ${t('app.short')}`);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const prepare = (v: Values) => ({
    ...(playbook ? { id: playbook.id, version: playbook.version } : {}),
    rsitClass: v.rsitClass ?? undefined,
    title: v.title,
    steps: v.steps.map((s) => ({
      title: s.title,
      description: s.description,
      assignTo: s.assignTo,
      dueAfterHours: typeof s.dueAfterHours === 'number' ? s.dueAfterHours : Number.NaN,
    })),
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(playbook),
    validate: schemaValidator<Values>(UpsertPlaybookInput, () => locale, { prepare }),
  });
  const [saved, setSaved] = useState(false);

  const save = useMutation(
    trpc.playbooks.upsert.mutationOptions({
      onSuccess: async (answer) => {
        setSaved(true);
        notify(t('playbooks.editor.saved', { title: answer.title }));
        await queryClient.invalidateQueries(trpc.playbooks.pathFilter());
        void navigate({ to: '/admin/playbooks' });
      },
      onError: (error) => {
        const problem = readApiError(error);
        // A stale version (someone else saved first); a class already taken is said on its field.
        if (problem.code === 'CONFLICT' && problem.reason === 'stale_version') {
          setConflict(true);
          void queryClient.invalidateQueries(trpc.playbooks.pathFilter());
          return;
        }
        setFormError(applyServerError(form, error, fieldPaths(form.getValues()), t));
      },
    }),
  );

  const steps = form.getValues().steps;
  return (
    <Stack gap="md" maw={860}>
      <AnchorLink to="/admin/playbooks" size="sm">
        ← {t('playbooks.editor.back')}
      </AnchorLink>
      <Title order={2} fz="h3">
        {playbook ? t('playbooks.editor.editTitle') : t('playbooks.editor.newTitle')}
      </Title>
      {conflict ? (
        <Alert color="orange" variant="light" role="alert" data-testid="playbook-conflict">
          {t('playbooks.editor.conflict')}
        </Alert>
      ) : null}
      <form
        noValidate
        data-testid="playbook-form"
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          save.mutate(UpsertPlaybookInput.parse(prepare(values)));
        })}
      >
        <Stack gap="md">
          <Paper p="md">
            <Stack gap="sm">
              <Select
                label={t('playbooks.editor.rsitClass')}
                description={t('playbooks.editor.rsitClassHint')}
                data={RSIT_CLASSES.map((c) => ({ value: c, label: rsitClassLabel(c, locale) }))}
                withAsterisk
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="playbook-rsit-class"
                {...form.getInputProps('rsitClass')}
              />
              <TextInput
                label={t('playbooks.editor.title')}
                withAsterisk
                maxLength={PLAYBOOK_TITLE_MAX}
                data-testid="playbook-title"
                {...form.getInputProps('title')}
              />
            </Stack>
          </Paper>

          <Stack gap={4}>
            <Title order={3} fz="md">
              {t('playbooks.editor.steps')}
            </Title>
            <Text size="xs" c="dimmed">
              {t('playbooks.editor.stepsHint')}
            </Text>
            {typeof form.errors.steps === 'string' ? (
              <Text size="sm" c="red.8" role="alert" data-testid="playbook-steps-error">
                {form.errors.steps}
              </Text>
            ) : null}
          </Stack>

          {steps.map((step, i) => (
            <Paper key={step.key} p="md" withBorder data-testid="playbook-step">
              <Stack gap="sm">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600} size="sm">
                    {t('playbooks.editor.step', { n: i + 1 })}
                  </Text>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={i === 0}
                      onClick={() => form.reorderListItem('steps', { from: i, to: i - 1 })}
                      aria-label={t('playbooks.editor.moveUp', { n: i + 1 })}
                      data-testid="playbook-step-up"
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      disabled={i === steps.length - 1}
                      onClick={() => form.reorderListItem('steps', { from: i, to: i + 1 })}
                      aria-label={t('playbooks.editor.moveDown', { n: i + 1 })}
                      data-testid="playbook-step-down"
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      onClick={() => form.removeListItem('steps', i)}
                      aria-label={t('playbooks.editor.removeStep', { n: i + 1 })}
                      data-testid="playbook-step-remove"
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Group>
                </Group>
                <TextInput
                  label={t('playbooks.editor.stepTitle')}
                  withAsterisk
                  maxLength={PLAYBOOK_STEP_TITLE_MAX}
                  data-testid="playbook-step-title"
                  {...form.getInputProps(`steps.${i}.title`)}
                />
                <Textarea
                  label={t('playbooks.editor.stepDescription')}
                  autosize
                  minRows={2}
                  maxRows={6}
                  maxLength={PLAYBOOK_STEP_DESCRIPTION_MAX}
                  data-testid="playbook-step-description"
                  {...form.getInputProps(`steps.${i}.description`)}
                />
                <Group grow align="flex-start" gap="sm" wrap="wrap">
                  <Select
                    label={t('playbooks.editor.stepAssignTo')}
                    data={PLAYBOOK_ASSIGNEES.map((a) => ({ value: a, label: t(`playbooks.assignTo.${a}`) }))}
                    allowDeselect={false}
                    withAsterisk
                    comboboxProps={{ withinPortal: true }}
                    miw={180}
                    data-testid="playbook-step-assign-to"
                    {...form.getInputProps(`steps.${i}.assignTo`)}
                  />
                  <NumberInput
                    label={t('playbooks.editor.stepDue')}
                    description={t('playbooks.editor.stepDueHint')}
                    min={1}
                    allowDecimal={false}
                    allowNegative={false}
                    withAsterisk
                    miw={140}
                    data-testid="playbook-step-due"
                    {...form.getInputProps(`steps.${i}.dueAfterHours`)}
                  />
                </Group>
              </Stack>
            </Paper>
          ))}

          <Group>
            <Button
              variant="default"
              leftSection={<IconPlus size={16} aria-hidden />}
              disabled={steps.length >= PLAYBOOK_STEPS_MAX}
              onClick={() => form.insertListItem('steps', blankStep())}
              data-testid="playbook-add-step"
            >
              {t('playbooks.editor.addStep')}
            </Button>
          </Group>

          <FormProblems testId="playbook" error={formError} />
          <FormActions
            onCancel={() => void navigate({ to: '/admin/playbooks' })}
            submitLabel={t('playbooks.editor.save')}
            submitTestId="playbook-save"
            loading={save.isPending}
          />
        </Stack>
      </form>
      <LeaveGuard
        isDirty={() => !saved && form.isDirty()}
        title={t('playbooks.editor.leaveTitle')}
        body={t('playbooks.editor.leaveBody')}
        confirmLabel={t('playbooks.editor.leaveConfirm')}
      />
    </Stack>
  );
}

/** Every field path of the form, for the API's field errors (`steps.2.title`). */
const fieldPaths = (v: Values): string[] => [
  'rsitClass',
  'title',
  'steps',
  ...v.steps.flatMap((_, i) => ['title', 'description', 'assignTo', 'dueAfterHours'].map((f) => `steps.${i}.${f}`)),
];
