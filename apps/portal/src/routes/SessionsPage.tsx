import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader.tsx';
import { SessionsSection } from '../features/account/SessionsSection.tsx';

/**
 * /cuenta/sesiones ("Mis sesiones" in the user menu): the sessions section on a page of its own,
 * until the account-security page (issue 13 point 7) lists it among its sections.
 */
export function SessionsPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.sessions.pageTitle')} · ${t('app.short')}`);
  return (
    <>
      <PageHeader title={t('account.sessions.pageTitle')} />
      <SessionsSection />
    </>
  );
}
