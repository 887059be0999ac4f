/**
 * The steps this reader may take now (the API's `allowedTransitions`, nothing else), each asking
 * for the comment or reason the domain requires. A step refused because someone else moved the
 * task first keeps the dialog and what was typed, and shows the task as it is now.
 */
import { COMMENT_MAX, type TaskStep, messageFor } from '@anc/domain';
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { errorCode, errorMessage, readApiError } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeTask } from './cache.ts';
import { taskStatusLabel } from './labels.tsx';
import type { TaskDetail, TaskTransition } from './types.ts';

/** Steps that end or undo work look secondary (or red); moving forward is the filled button. */
const SECONDARY: readonly TaskStep[] = ['block', 'return', 'cancel', 'reopen'];
/** Forward first, cancelling last, whatever order the statuses come in. */
const ORDER: readonly TaskStep[] = ['start', 'resume', 'submit_review', 'approve', 'return', 'block', 'reopen', 'cancel'];
const byOrder = (a: TaskTransition, b: TaskTransition) => ORDER.indexOf(a.step) - ORDER.indexOf(b.step);

export function TaskTransitions({ task, onConflict }: { task: TaskDetail; onConflict: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<TaskTransition | null>(null);
  if (task.allowedTransitions.length === 0 && !chosen) return null;
  return (
    <Paper p="md" data-testid="task-transitions">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {task.allowedTransitions.length ? t('tasks.transitions.title') : t('tasks.transitions.none')}
        </Text>
        <Group gap="xs" wrap="wrap">
          {task.allowedTransitions.toSorted(byOrder).map((step) => {
            const danger = step.step === 'cancel';
            return (
              <Button
                key={`${step.step}:${step.to}`}
                size="sm"
                variant={SECONDARY.includes(step.step) ? 'default' : 'filled'}
                c={danger ? 'red.8' : undefined}
                onClick={() => setChosen(step)}
                data-testid={`task-step-${step.step}`}
              >
                {t(`tasks.transitions.actions.${step.step}`)}
              </Button>
            );
          })}
        </Group>
      </Group>
      {chosen ? (
        <TransitionModal
          key={chosen.step}
          task={task}
          step={chosen}
          onClose={() => setChosen(null)}
          onConflict={onConflict}
        />
      ) : null}
    </Paper>
  );
}

function TransitionModal({
  task,
  step,
  onClose,
  onConflict,
}: {
  task: TaskDetail;
  step: TaskTransition;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  // After a refetch the step may be gone (the task moved on): the text stays, the button does not.
  const stillAllowed = task.allowedTransitions.some((s) => s.step === step.step && s.to === step.to);

  const transition = useMutation(
    trpc.tasks.transition.mutationOptions({
      onSuccess: (detail) => {
        storeTask(detail);
        notify(t('tasks.transitions.done', { status: taskStatusLabel(detail.status, locale) }));
        onClose();
      },
      onError: (error) => {
        if (errorCode(error) === 'CONFLICT') {
          setConflict(true);
          onConflict();
          return;
        }
        const info = readApiError(error);
        const onField = info.fieldErrors.comment;
        setCommentError(onField?.join(' ') ?? null);
        setFormError(onField ? null : errorMessage(error, t));
      },
    }),
  );

  const required = step.needs !== null;
  const submit = () => {
    setFormError(null);
    const trimmed = comment.trim();
    if (required && !trimmed) {
      setCommentError(messageFor(step.needs === 'reason' ? 'reason_required' : 'comment_required', locale));
      return;
    }
    setCommentError(null);
    setConflict(false);
    // The version is the one on screen now: after a conflict, the refetched one.
    transition.mutate({ id: task.id, version: task.version, to: step.to, comment: trimmed || undefined });
  };

  const label = step.needs === 'reason' ? t('tasks.transitions.reason') : step.needs === 'comment' ? t('tasks.transitions.comment') : t('tasks.transitions.note');
  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`tasks.transitions.titles.${step.step}`, { reference: task.reference })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form
        noValidate
        data-testid="task-transition-form"
        data-step={step.step}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t(`tasks.transitions.explain.${step.step}`)}</Text>
          {conflict ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="task-transition-conflict">
              {stillAllowed ? t('tasks.transitions.conflictRetry') : t('tasks.transitions.conflictGone', { status: taskStatusLabel(task.status, locale) })}
            </Alert>
          ) : null}
          {formError ? (
            <Alert color="red" variant="light" role="alert" data-testid="task-transition-error">
              {formError}
            </Alert>
          ) : null}
          <Textarea
            label={label}
            description={t(`tasks.transitions.hints.${step.needs ?? 'note'}`)}
            withAsterisk={required}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={COMMENT_MAX}
            value={comment}
            onChange={(e) => setComment(e.currentTarget.value)}
            error={commentError}
            data-autofocus
            data-testid="task-transition-comment"
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              type="submit"
              color={step.step === 'cancel' ? 'red' : undefined}
              loading={transition.isPending}
              disabled={!stillAllowed}
              data-testid="task-transition-submit"
            >
              {t(`tasks.transitions.actions.${step.step}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
