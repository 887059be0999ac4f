import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MessagePanel } from './MessagePanel.tsx';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <MessagePanel
      testId="not-found"
      mark={
        <Text c="guinda.7" fw={700} fz={40} lh={1}>
          404
        </Text>
      }
      pageTitle={t('notFound.pageTitle')}
      title={t('notFound.title')}
      body={t('notFound.body')}
      backTo="/"
      backLabel={t('notFound.back')}
      m="xl"
    />
  );
}
