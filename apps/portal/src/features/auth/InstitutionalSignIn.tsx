// Single sign-on on the sign-in page: the button appears only when the API says OIDC is
// configured (`auth.config`); it is a plain link, since the browser leaves for the identity
// provider (GET /auth/oidc/start). A refusal comes back as `/ingresar?oidc=<code>`.
import type { OidcErrorCode } from '@anc/domain';
import { Alert, Button, Divider } from '@mantine/core';
import { IconAlertTriangle, IconBuildingBank } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { safeRedirect } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';

export function InstitutionalSignInError({ code }: { code: OidcErrorCode | undefined }) {
  const { t } = useTranslation();
  if (!code) return null;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('oidc.errorTitle')}
      role="alert"
      data-testid="oidc-error"
      data-code={code}
    >
      {t(`oidc.errors.${code}`)}
    </Alert>
  );
}

export function InstitutionalSignInButton({ redirect }: { redirect: string | undefined }) {
  const { t } = useTranslation();
  const config = useQuery(trpc.auth.config.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  if (!config.data?.oidc) return null;
  const href = `/auth/oidc/start?redirect=${encodeURIComponent(safeRedirect(redirect))}`;
  return (
    <>
      <Button
        component="a"
        href={href}
        fullWidth
        size="md"
        variant="outline"
        h="auto"
        mih={44}
        py={8}
        // The label wraps on a phone instead of being cut.
        styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.3 } }}
        leftSection={<IconBuildingBank aria-hidden size={20} />}
        data-testid="oidc-sign-in"
      >
        {t('oidc.button')}
      </Button>
      <Divider label={t('oidc.or')} labelPosition="center" />
    </>
  );
}
