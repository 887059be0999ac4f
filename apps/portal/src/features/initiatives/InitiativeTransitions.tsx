/**
 * The steps an admin may take now (the API's `allowedTransitions`, nothing else). Every step is
 * confirmed in a dialog that says what it means; cancelling asks for the reason the domain
 * requires. A step refused because someone else moved the initiative first keeps the dialog and
 * what was typed, and shows the initiative as it is now.
 */
import { INITIATIVE_STEP_LABELS, type InitiativeStep, REASON_MAX, messageFor } from '@anc/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepDialog, StepsPanel, useStepForm } from '../../components/StepDialog.tsx';
import { useLocale } from '../../i18n/index.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeInitiative } from './cache.ts';
import { initiativeStatusLabel } from './labels.tsx';
import type { InitiativeDetail, InitiativeTransition } from './types.ts';

/** Steps that pause or end work look secondary; moving the plan forward is the filled button. */
const SECONDARY: readonly InitiativeStep[] = ['hold', 'cancel'];

export function InitiativeTransitions({ initiative, onConflict }: { initiative: InitiativeDetail; onConflict: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [chosen, setChosen] = useState<InitiativeTransition | null>(null);
  if (initiative.allowedTransitions.length === 0 && !chosen) return null;
  return (
    <StepsPanel
      testId="initiative-transitions"
      title={initiative.allowedTransitions.length ? t('initiatives.transitions.title') : t('initiatives.transitions.none')}
      steps={initiative.allowedTransitions.map((step) => ({
        key: `${step.step}:${step.to}`,
        label: INITIATIVE_STEP_LABELS[step.step][locale],
        secondary: SECONDARY.includes(step.step),
        danger: step.step === 'cancel',
        onClick: () => setChosen(step),
        testId: `initiative-step-${step.step}`,
      }))}
    >
      {chosen ? <TransitionModal key={chosen.step} initiative={initiative} step={chosen} onClose={() => setChosen(null)} onConflict={onConflict} /> : null}
    </StepsPanel>
  );
}

function TransitionModal({
  initiative,
  step,
  onClose,
  onConflict,
}: {
  initiative: InitiativeDetail;
  step: InitiativeTransition;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useStepForm({ fields: ['reason'], onConflict });
  const stillAllowed = initiative.allowedTransitions.some((s) => s.step === step.step && s.to === step.to);
  const required = step.needs === 'reason';

  const transition = useMutation(
    trpc.initiatives.transition.mutationOptions({
      onSuccess: (detail) => {
        storeInitiative(detail);
        notify(t('initiatives.transitions.done', { status: initiativeStatusLabel(detail.status, locale) }));
        onClose();
      },
      onError: form.onError,
    }),
  );

  const submit = () => {
    const reason = form.text.trim();
    if (!form.start(required && !reason ? { reason: messageFor('reason_required', locale) } : {})) return;
    transition.mutate({ id: initiative.id, version: initiative.version, to: step.to, reason: reason || undefined });
  };

  const label = INITIATIVE_STEP_LABELS[step.step][locale];
  return (
    <StepDialog
      title={t('initiatives.transitions.modalTitle', { step: label, code: initiative.code })}
      onClose={onClose}
      testId="initiative-transition"
      data={{ 'data-step': step.step }}
      explain={t(`initiatives.transitions.explain.${step.step}`)}
      conflict={form.conflict}
      conflictText={
        stillAllowed
          ? t('initiatives.transitions.conflictRetry')
          : t('initiatives.transitions.conflictGone', { status: initiativeStatusLabel(initiative.status, locale) })
      }
      formError={form.formError}
      text={{
        label: required ? t('initiatives.transitions.reason') : t('initiatives.transitions.note'),
        description: required ? t('initiatives.transitions.reasonHint') : t('initiatives.transitions.noteHint'),
        required,
        minRows: required ? 3 : 2,
        maxRows: 8,
        maxLength: REASON_MAX,
        value: form.text,
        onChange: form.setText,
        error: form.errors.reason,
        autofocus: true,
        testId: 'initiative-transition-reason',
      }}
      submit={{ label, danger: step.step === 'cancel', loading: transition.isPending, disabled: !stillAllowed }}
      onSubmit={submit}
    />
  );
}
