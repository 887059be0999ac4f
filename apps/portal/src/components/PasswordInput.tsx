import { PasswordInput as MantinePasswordInput, type PasswordInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Mantine's password input with its show/hide button labelled in the reader's language. */
export function PasswordInput(props: PasswordInputProps & { 'data-testid'?: string; 'data-autofocus'?: boolean }) {
  const { t } = useTranslation();
  return <MantinePasswordInput visibilityToggleButtonProps={{ 'aria-label': t('password.toggleVisibility') }} {...props} />;
}
