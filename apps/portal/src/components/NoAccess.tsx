import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MessageIcon, MessagePanel } from './MessagePanel.tsx';

export function NoAccess() {
  const { t } = useTranslation();
  return (
    <MessagePanel
      testId="no-access"
      mark={<MessageIcon icon={IconLock} />}
      pageTitle={t('noAccess.pageTitle')}
      title={t('noAccess.title')}
      body={t('noAccess.body')}
      backTo="/"
      backLabel={t('noAccess.back')}
    />
  );
}
