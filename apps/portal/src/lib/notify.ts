import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n/index.ts';

const COLORS = { success: 'green', error: 'red', info: 'guinda' } as const;

/** A short confirmation or problem report in the corner; its close button speaks the reader's language. */
export function notify(message: string, tone: keyof typeof COLORS = 'success'): void {
  notifications.show({ message, color: COLORS[tone], closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
