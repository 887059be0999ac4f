/**
 * The parts every form of the portal repeats: the dialog it opens in, what went wrong above the
 * fields (someone else changed the record first; a problem that belongs to no one field), and the
 * cancel / submit row. `useSaveProblems` routes a failed save to the right one of those.
 */
import { Alert, Button, type ButtonProps, Group, Modal, type ModalProps } from '@mantine/core';
import type { FormErrors } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../lib/errors.ts';
import { applyServerError } from '../lib/forms.ts';

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
  cancel,
  submitLabel,
  submitTestId,
  loading,
  disabled,
  color,
  leftSection,
  mt,
}: {
  onCancel?: () => void;
  /** A cancel element of the caller's own (a link back to the list). */
  cancel?: ReactNode;
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
      {cancel ??
        (onCancel ? (
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null)}
      <Button type="submit" color={color} loading={loading} disabled={disabled} leftSection={leftSection} data-testid={submitTestId}>
        {submitLabel}
      </Button>
    </Group>
  );
}
