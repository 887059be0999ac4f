/** Date pickers in Mexico City terms: the calendar's language and first weekday, and the pickers' own labels. */
import { DatesProvider } from '@mantine/dates';
import { IconCalendarClock } from '@tabler/icons-react';
import type { MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dayjsLocale } from '../lib/dates.ts';
import { useLocale } from '../i18n/index.ts';

export function MxDatesProvider({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return <DatesProvider settings={{ locale: dayjsLocale(locale), firstDayOfWeek: locale === 'en' ? 0 : 1, consistentWeeks: true }}>{children}</DatesProvider>;
}

/**
 * A pointer press on an hours or minutes box selects the whole box, so the digits typed next
 * replace its value. Mantine's SpinInput (node_modules/@mantine/dates/esm/components/SpinInput/
 * SpinInput.mjs) selects on focus and on click, but when the box already has the focus (clicking
 * a day focuses the hours box) Chromium puts the caret where the mouse went down after that
 * `select()`: "0|0" plus a typed "1" read as 010 = 10, which is past 2 and so jumps to the
 * minutes: "1830" became 10:30 and "0930" became 00:30. Taking the press over (no caret placed)
 * keeps the selection. Also stops the press from reaching the popover, as SpinInput itself does.
 */
export function selectWholeSegment(event: MouseEvent<HTMLInputElement>) {
  event.stopPropagation();
  if (event.button !== 0) return;
  event.preventDefault();
  const input = event.currentTarget;
  input.focus();
  input.select();
}

const segmentInputProps = { onMouseDown: selectWholeSegment } as const;

/** What every date-and-time picker of a form shares: its format, icon, and the words of its controls. */
export function useDateTimePickerProps() {
  const { t } = useTranslation();
  return {
    valueFormat: 'DD MMM YYYY, HH:mm',
    leftSection: <IconCalendarClock size={18} aria-hidden />,
    timePickerProps: {
      hoursInputLabel: t('incidents.form.hours'),
      minutesInputLabel: t('incidents.form.minutes'),
      hoursInputProps: segmentInputProps,
      minutesInputProps: segmentInputProps,
    },
    submitButtonProps: { 'aria-label': t('incidents.form.confirmDate') },
    clearButtonProps: { 'aria-label': t('incidents.form.clearDate') },
    ariaLabels: { nextMonth: t('incidents.form.nextMonth'), previousMonth: t('incidents.form.previousMonth') },
    // Closing the calendar (confirm, Escape, a click outside) gives the focus back to the
    // picker's own input; Mantine's PickerInputBase sets `returnFocus: false`, which left it on BODY.
    popoverProps: { withinPortal: true, returnFocus: true },
  } as const;
}
