/**
 * The parts every form of the portal repeats: the dialog it opens in, what went wrong above the
 * fields (someone else changed the record first; a problem that belongs to no one field), and the
 * cancel / submit row. `useSaveProblems` routes a failed save to the right one of those.
 */
import type { Locale } from '@anc/domain';
import { Alert, Button, type ButtonProps, Group, Modal, type ModalProps } from '@mantine/core';
import { type FormErrors, type UseFormInput, useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { currentLocale } from '../i18n/index.ts';
import { errorCode } from '../lib/errors.ts';
import { applyServerError, schemaValidator } from '../lib/forms.ts';
import { ButtonLink } from './links.tsx';
import type { BackPath } from './MessagePanel.tsx';

/** A dialog with one form; the form mounts only while the dialog is open, so it starts afresh each time. */
export function FormModal({
  opened,
  onClose,
  title,
  size,
  children,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  size?: ModalProps['size'];
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} size={size} title={title} closeButtonProps={{ 'aria-label': t('common.close') }}>
      {opened ? children : null}
    </Modal>
  );
}

/**
 * What a failed save means for the form: a stale version (CONFLICT) is said above the fields and
 * reported to `onConflict` (the page shows the record as it is now; what was typed stays); the
 * server's field errors go under their fields; the rest is one message above the form.
 */
export function useSaveProblems({
  form,
  fields,
  onConflict,
  isConflict = (error) => errorCode(error) === 'CONFLICT',
}: {
  form: { setErrors: (errors: FormErrors) => void };
  fields: readonly string[];
  onConflict?: () => void;
  isConflict?: (error: unknown) => boolean;
}) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  return {
    formError,
    conflict,
    /** Before each attempt. */
    clear: () => {
      setFormError(null);
      setConflict(false);
    },
    onError: (error: unknown) => {
      if (onConflict && isConflict(error)) {
        setConflict(true);
        onConflict();
        return;
      }
      setFormError(applyServerError(form, error, fields, t));
    },
  };
}

/**
 * A form checked by one of the domain's schemas as the person types (`prepare` turns its values
 * into the schema's input), whose failed saves go where `useSaveProblems` says. `onSubmit(send)`
 * is the form's submit handler: it clears the last problems and calls `send` with the schema's
 * output (and the prepared input) once the values pass.
 */
export function useSchemaForm<Values extends object, Schema extends z.ZodType, Prepared>({
  schema,
  initialValues,
  prepare,
  extra,
  validateInputOnBlur = true,
  fields,
  onConflict,
  isConflict,
}: {
  schema: Schema;
  initialValues: Values;
  prepare: (values: Values) => Prepared;
  extra?: (values: Values, locale: Locale) => FormErrors;
  validateInputOnBlur?: UseFormInput<Values>['validateInputOnBlur'];
  fields: readonly string[];
  onConflict?: () => void;
  isConflict?: (error: unknown) => boolean;
}) {
  const form = useForm<Values>({ initialValues, validate: schemaValidator<Values>(schema, currentLocale, { prepare, extra }), validateInputOnBlur });
  const problems = useSaveProblems({ form, fields, onConflict, isConflict });
  const onSubmit =
    (send: (input: z.output<Schema>, prepared: Prepared) => void, onInvalid?: (errors: FormErrors) => void) => (event?: FormEvent<HTMLFormElement>) =>
      form.onSubmit((values) => {
        problems.clear();
        const prepared = prepare(values);
        const input = schema.safeParse(prepared);
        if (input.success) send(input.data, prepared);
      }, onInvalid)(event);
  return { form, problems, onSubmit };
}

/** The conflict note and the form-level error, each only when there is one. */
export function FormProblems({
  testId,
  conflict = false,
  conflictText,
  error,
}: {
  /** `<testId>-conflict` and `<testId>-error`; none when not given. */
  testId?: string;
  conflict?: boolean;
  conflictText?: ReactNode;
  error: string | null;
}) {
  return (
    <>
      {conflict ? (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden />} role="alert" data-testid={testId ? `${testId}-conflict` : undefined}>
          {conflictText}
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" role="alert" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </Alert>
      ) : null}
    </>
  );
}

/** Cancel (a button, or the link a page form leaves by) and the submit button, on the right. */
export function FormActions({
  onCancel,
  cancelTo,
  cancelTestId,
  submitLabel,
  submitTestId,
  loading,
  disabled,
  color,
  leftSection,
  mt,
}: {
  onCancel?: () => void;
  /** A page form's cancel: a link back to its list. */
  cancelTo?: BackPath;
  cancelTestId?: string;
  submitLabel: string;
  submitTestId?: string;
  loading: boolean;
  disabled?: boolean;
  color?: ButtonProps['color'];
  leftSection?: ReactNode;
  mt?: ButtonProps['mt'];
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt={mt}>
      {cancelTo ? (
        <ButtonLink to={cancelTo} variant="default" data-testid={cancelTestId}>
          {t('common.cancel')}
        </ButtonLink>
      ) : onCancel ? (
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      ) : null}
      <Button type="submit" color={color} loading={loading} disabled={disabled} leftSection={leftSection} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </Group>
  );
}
