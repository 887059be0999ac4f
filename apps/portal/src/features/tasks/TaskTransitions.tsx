/**
 * The steps this reader may take now (the API's `allowedTransitions`, nothing else), each asking
 * for the comment or reason the domain requires. A step refused because someone else moved the
 * task first keeps the dialog and what was typed, and shows the task as it is now.
 */
import { COMMENT_MAX, type TaskStep, messageFor } from '@anc/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepDialog, StepsPanel, useStepForm } from '../../components/StepDialog.tsx';
import { useLocale } from '../../i18n/index.ts';
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
    <StepsPanel
      testId="task-transitions"
      title={task.allowedTransitions.length ? t('tasks.transitions.title') : t('tasks.transitions.none')}
      steps={task.allowedTransitions.toSorted(byOrder).map((step) => ({
        key: `${step.step}:${step.to}`,
        label: t(`tasks.transitions.actions.${step.step}`),
        secondary: SECONDARY.includes(step.step),
        danger: step.step === 'cancel',
        onClick: () => setChosen(step),
        testId: `task-step-${step.step}`,
      }))}
    >
      {chosen ? <TransitionModal key={chosen.step} task={task} step={chosen} onClose={() => setChosen(null)} onConflict={onConflict} /> : null}
    </StepsPanel>
  );
}

function TransitionModal({ task, step, onClose, onConflict }: { task: TaskDetail; step: TaskTransition; onClose: () => void; onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useStepForm({ fields: ['comment'], onConflict });
  // After a refetch the step may be gone (the task moved on): the text stays, the button does not.
  const stillAllowed = task.allowedTransitions.some((s) => s.step === step.step && s.to === step.to);

  const transition = useMutation(
    trpc.tasks.transition.mutationOptions({
      onSuccess: (detail) => {
        storeTask(detail);
        notify(t('tasks.transitions.done', { status: taskStatusLabel(detail.status, locale) }));
        onClose();
      },
      onError: form.onError,
    }),
  );

  const required = step.needs !== null;
  const submit = () => {
    const comment = form.text.trim();
    const missing = required && !comment ? { comment: messageFor(step.needs === 'reason' ? 'reason_required' : 'comment_required', locale) } : {};
    if (!form.start(missing)) return;
    // The version is the one on screen now: after a conflict, the refetched one.
    transition.mutate({ id: task.id, version: task.version, to: step.to, comment: comment || undefined });
  };

  const label =
    step.needs === 'reason' ? t('tasks.transitions.reason') : step.needs === 'comment' ? t('tasks.transitions.comment') : t('tasks.transitions.note');
  return (
    <StepDialog
      title={t(`tasks.transitions.titles.${step.step}`, { reference: task.reference })}
      onClose={onClose}
      testId="task-transition"
      data={{ 'data-step': step.step }}
      explain={t(`tasks.transitions.explain.${step.step}`)}
      conflict={form.conflict}
      conflictText={stillAllowed ? t('tasks.transitions.conflictRetry') : t('tasks.transitions.conflictGone', { status: taskStatusLabel(task.status, locale) })}
      formError={form.formError}
      text={{
        label,
        description: t(`tasks.transitions.hints.${step.needs ?? 'note'}`),
        required,
        minRows: 3,
        maxRows: 10,
        maxLength: COMMENT_MAX,
        value: form.text,
        onChange: form.setText,
        error: form.errors.comment,
        autofocus: true,
        testId: 'task-transition-comment',
      }}
      submit={{ label: t(`tasks.transitions.actions.${step.step}`), danger: step.step === 'cancel', loading: transition.isPending, disabled: !stillAllowed }}
      onSubmit={submit}
    />
  );
}
