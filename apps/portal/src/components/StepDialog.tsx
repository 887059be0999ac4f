/**
 * Moving a record through its status machine (an incident, a task, an initiative): the panel with
 * one button per step the API allows this reader now, and the dialog that confirms a step, says
 * what it means, and takes the reason or comment the domain requires. A step refused because
 * someone else moved the record first is said in the dialog (or by the page), nothing is lost.
 */
import { Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode, errorMessage, readApiError } from '../lib/errors.ts';
import { FormActions, FormProblems } from './FormDialog.tsx';

export interface StepButton {
  key: string;
  label: string;
  /** Steps that pause, undo or end work look secondary; moving forward is the filled button. */
  secondary: boolean;
  /** Cancelling or rejecting: red words. */
  danger: boolean;
  onClick: () => void;
  testId: string;
}

export function StepsPanel({ testId, title, steps, children }: { testId: string; title: string; steps: readonly StepButton[]; children?: ReactNode }) {
  return (
    <Paper p="md" data-testid={testId}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Group gap="xs" wrap="wrap">
          {steps.map((step) => (
            <Button
              key={step.key}
              size="sm"
              variant={step.secondary ? 'default' : 'filled'}
              color={step.danger ? 'red' : undefined}
              c={step.danger ? 'red.8' : undefined}
              onClick={step.onClick}
              data-testid={step.testId}
            >
              {step.label}
            </Button>
          ))}
        </Group>
      </Group>
      {children}
    </Paper>
  );
}

/**
 * The state of a step dialog: the text typed, the errors under `fields` (the first is the text's),
 * the error above them, and whether someone else moved the record first.
 */
export function useStepForm<F extends string>({ fields, onConflict }: { fields: readonly [F, ...F[]]; onConflict: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  return {
    text,
    setText,
    errors,
    formError,
    conflict,
    /** Before sending: `missing` names what is required and absent (with its message); false means do not send. */
    start: (missing: Partial<Record<F, string>>): boolean => {
      setFormError(null);
      setErrors(missing);
      if (Object.keys(missing).length > 0) return false;
      setConflict(false);
      return true;
    },
    onError: (error: unknown) => {
      if (errorCode(error) === 'CONFLICT') {
        setConflict(true);
        onConflict();
        return;
      }
      const { fieldErrors } = readApiError(error);
      const onFields: Partial<Record<F, string>> = {};
      for (const field of fields) {
        const messages = fieldErrors[field];
        if (messages) onFields[field] = messages.join(' ');
      }
      setErrors(onFields);
      setFormError(Object.keys(onFields).length > 0 ? null : errorMessage(error, t));
    },
  };
}

export function StepDialog({
  title,
  onClose,
  testId,
  data,
  explain,
  conflict,
  conflictText,
  formError,
  before,
  text,
  after,
  submit,
  onSubmit,
}: {
  title: string;
  onClose: () => void;
  /** `<testId>-form`, `-conflict`, `-error`, `-submit`. */
  testId: string;
  /** Data attributes of the form (`data-step`, `data-to`). */
  data: Record<`data-${string}`, string>;
  explain: ReactNode;
  conflict: boolean;
  conflictText?: ReactNode;
  formError: string | null;
  /** Fields before the text (the incident to merge into). */
  before?: ReactNode;
  text: {
    label: string;
    description: string;
    required: boolean;
    minRows: number;
    maxRows: number;
    maxLength: number;
    value: string;
    onChange: (value: string) => void;
    error: string | undefined;
    autofocus: boolean;
    testId: string;
  };
  after?: ReactNode;
  submit: { label: string; danger: boolean; loading: boolean; disabled?: boolean };
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }} size="lg">
      <form
        noValidate
        data-testid={`${testId}-form`}
        {...data}
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{explain}</Text>
          <FormProblems testId={testId} conflict={conflict} conflictText={conflictText} error={formError} />
          {before}
          <Textarea
            label={text.label}
            description={text.description}
            withAsterisk={text.required}
            autosize
            minRows={text.minRows}
            maxRows={text.maxRows}
            maxLength={text.maxLength}
            value={text.value}
            onChange={(e) => text.onChange(e.currentTarget.value)}
            error={text.error ?? null}
            data-autofocus={text.autofocus ? true : undefined}
            data-testid={text.testId}
          />
          {after}
          <FormActions
            onCancel={onClose}
            submitLabel={submit.label}
            submitTestId={`${testId}-submit`}
            color={submit.danger ? 'red' : undefined}
            loading={submit.loading}
            disabled={submit.disabled}
          />
        </Stack>
      </form>
    </Modal>
  );
}
