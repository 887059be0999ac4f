/** Date pickers in Mexico City terms: the calendar's language and first weekday, and the pickers' own labels. */
import { DatesProvider } from '@mantine/dates';
import { IconCalendarClock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjsLocale } from '../features/incidents/new/dates.ts';
import { useLocale } from '../i18n/index.ts';

export function MxDatesProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return <DatesProvider settings={{ locale: dayjsLocale(locale), firstDayOfWeek: locale === 'en' ? 0 : 1, consistentWeeks: true }}>{children}</DatesProvider>;
}

/** What every date-and-time picker of a form shares: its format, icon, and the words of its controls. */
export function useDateTimePickerProps() {
  const { t } = useTranslation();
  return {
    valueFormat: 'DD MMM YYYY, HH:mm',
    leftSection: <IconCalendarClock size={18} aria-hidden />,
    timePickerProps: { hoursInputLabel: t('incidents.form.hours'), minutesInputLabel: t('incidents.form.minutes') },
    submitButtonProps: { 'aria-label': t('incidents.form.confirmDate') },
    clearButtonProps: { 'aria-label': t('incidents.form.clearDate') },
    ariaLabels: { nextMonth: t('incidents.form.nextMonth'), previousMonth: t('incidents.form.previousMonth') },
    popoverProps: { withinPortal: true },
  } as const;
}
