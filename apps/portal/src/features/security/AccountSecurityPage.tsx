import { Alert, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useMfaEnrollmentRequired } from '../../lib/session.ts';
import { SECURITY_SECTIONS } from './sections.ts';

/** /cuenta/seguridad ("Seguridad de la cuenta" in the user menu): one's own second factors, one section each. */
export function AccountSecurityPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('security.pageTitle')} · ${t('app.short')}`);
  const enrolmentRequired = useMfaEnrollmentRequired();
  return (
    <>
      <PageHeader title={t('security.title')} description={t('security.subtitle')} />
      <Stack gap="lg" maw={860}>
        {enrolmentRequired ? (
          <Alert
            color="guinda"
            variant="light"
            icon={<IconShieldLock aria-hidden />}
            title={t('security.enrolmentRequiredTitle')}
            data-testid="mfa-enrolment-required"
          >
            {t('security.enrolmentRequired')}
          </Alert>
        ) : null}
        {SECURITY_SECTIONS.map(({ key, Component }) => (
          <Component key={key} />
        ))}
      </Stack>
    </>
  );
}
