/**
 * The steps an admin may take now (the API's `allowedTransitions`, nothing else). Every step is
 * confirmed in a dialog that says what it means; cancelling asks for the reason the domain
 * requires. A step refused because someone else moved the initiative first keeps the dialog and
 * what was typed, and shows the initiative as it is now.
 */
import { INITIATIVE_STEP_LABELS, type InitiativeStep, REASON_MAX, messageFor } from '@anc/domain';
import { Alert, Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { errorCode, errorMessage, readApiError } from '../../lib/errors.ts';
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
    <Paper p="md" data-testid="initiative-transitions">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {initiative.allowedTransitions.length ? t('initiatives.transitions.title') : t('initiatives.transitions.none')}
        </Text>
        <Group gap="xs" wrap="wrap">
          {initiative.allowedTransitions.map((step) => (
            <Button
              key={`${step.step}:${step.to}`}
              size="sm"
              variant={SECONDARY.includes(step.step) ? 'default' : 'filled'}
              c={step.step === 'cancel' ? 'red.8' : undefined}
              onClick={() => setChosen(step)}
              data-testid={`initiative-step-${step.step}`}
            >
              {INITIATIVE_STEP_LABELS[step.step][locale]}
            </Button>
          ))}
        </Group>
      </Group>
      {chosen ? <TransitionModal key={chosen.step} initiative={initiative} step={chosen} onClose={() => setChosen(null)} onConflict={onConflict} /> : null}
    </Paper>
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
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const stillAllowed = initiative.allowedTransitions.some((s) => s.step === step.step && s.to === step.to);
  const required = step.needs === 'reason';

  const transition = useMutation(
    trpc.initiatives.transition.mutationOptions({
      onSuccess: (detail) => {
        storeInitiative(detail);
        notify(t('initiatives.transitions.done', { status: initiativeStatusLabel(detail.status, locale) }));
        onClose();
      },
      onError: (error) => {
        if (errorCode(error) === 'CONFLICT') {
          setConflict(true);
          onConflict();
          return;
        }
        const onField = readApiError(error).fieldErrors.reason;
        setReasonError(onField?.join(' ') ?? null);
        setFormError(onField ? null : errorMessage(error, t));
      },
    }),
  );

  const submit = () => {
    setFormError(null);
    const trimmed = reason.trim();
    if (required && !trimmed) {
      setReasonError(messageFor('reason_required', locale));
      return;
    }
    setReasonError(null);
    setConflict(false);
    transition.mutate({ id: initiative.id, version: initiative.version, to: step.to, reason: trimmed || undefined });
  };

  const label = INITIATIVE_STEP_LABELS[step.step][locale];
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('initiatives.transitions.modalTitle', { step: label, code: initiative.code })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form
        noValidate
        data-testid="initiative-transition-form"
        data-step={step.step}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t(`initiatives.transitions.explain.${step.step}`)}</Text>
          {conflict ? (
            <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid="initiative-transition-conflict">
              {stillAllowed
                ? t('initiatives.transitions.conflictRetry')
                : t('initiatives.transitions.conflictGone', { status: initiativeStatusLabel(initiative.status, locale) })}
            </Alert>
          ) : null}
          {formError ? (
            <Alert color="red" variant="light" role="alert" data-testid="initiative-transition-error">
              {formError}
            </Alert>
          ) : null}
          <Textarea
            label={required ? t('initiatives.transitions.reason') : t('initiatives.transitions.note')}
            description={required ? t('initiatives.transitions.reasonHint') : t('initiatives.transitions.noteHint')}
            withAsterisk={required}
            autosize
            minRows={required ? 3 : 2}
            maxRows={8}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            data-autofocus
            data-testid="initiative-transition-reason"
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
              data-testid="initiative-transition-submit"
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
