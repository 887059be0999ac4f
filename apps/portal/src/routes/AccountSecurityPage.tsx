import { Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader.tsx';
import { PasskeysSection } from '../features/account/PasskeysSection.tsx';

/** /cuenta/seguridad ("Seguridad de la cuenta" in the user menu): the account's second factors, one section each. */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.security.pageTitle')} · ${t('app.short')}`);
  return (
    <>
      <PageHeader title={t('account.security.title')} description={t('account.security.subtitle')} />
      <Stack gap="lg" maw={820}>
        <PasskeysSection />
      </Stack>
    </>
  );
}
