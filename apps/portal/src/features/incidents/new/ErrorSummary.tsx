import { Alert, Anchor, List, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type FieldPath, fieldId } from './form-model.ts';

export interface SummaryItem {
  field: FieldPath;
  label: string;
  message: string;
}

/** Move to a field: scroll it clear of the fixed header, then focus it (a radio group: its chosen or first card). */
export function focusField(field: FieldPath): void {
  const element = document.getElementById(fieldId(field));
  const target =
    element && element.matches('input, textarea, select, button')
      ? element
      : document.querySelector<HTMLElement>(
          `[data-field="${field}"] [role="radio"][aria-checked="true"], [data-field="${field}"] [role="radio"], [data-field="${field}"] input`,
        );
  if (!target) return;
  target.scrollIntoView({ block: 'center' });
  target.focus({ preventScroll: true });
}

/**
 * "Revisa los campos marcados", with one link per field that needs correcting (the GOV.UK error
 * summary pattern): the person sees everything at once and can jump to each field.
 */
export function ErrorSummary({ items }: { items: readonly SummaryItem[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      variant="light"
      color="red"
      role="alert"
      icon={<IconAlertTriangle size={20} aria-hidden />}
      title={t('incidents.form.errorSummaryTitle')}
      data-testid="form-error-summary"
    >
      <Text size="sm" mb={6}>
        {t('incidents.form.errorSummaryBody', { count: items.length })}
      </Text>
      <List size="sm" spacing={4}>
        {items.map((item) => (
          <List.Item key={item.field}>
            <Anchor
              href={`#${fieldId(item.field)}`}
              size="sm"
              c="red.9"
              fw={600}
              onClick={(event) => {
                event.preventDefault();
                focusField(item.field);
              }}
              data-testid={`error-summary-${item.field}`}
            >
              {item.label}
            </Anchor>
            <Text span size="sm">
              {': '}
              {item.message}
            </Text>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
