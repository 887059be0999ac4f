import type { Locale } from '@anc/domain';
import { Box, Button } from '@mantine/core';
import { IconLanguage } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { changeLocale, useLocale } from '../i18n/index.ts';
import { CurrentUserContext, meQueryOptions } from '../lib/session.ts';
import { queryClient, trpc } from '../lib/trpc.ts';

/**
 * One button that switches to the other language. The choice is remembered in this browser and,
 * when someone is signed in, saved to their account.
 */
export function LanguageSwitch({ tone }: { tone: 'onBrand' | 'onLight' }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useContext(CurrentUserContext);
  const other: Locale = locale === 'es-MX' ? 'en' : 'es-MX';
  const saveLocale = useMutation(
    trpc.auth.setLocale.mutationOptions({
      onSuccess: (_data, input) => {
        queryClient.setQueryData(meQueryOptions().queryKey, (old) => (old?.user ? { ...old, user: { ...old.user, locale: input.locale } } : old));
      },
    }),
  );

  const label = t(`locales.${other}`);
  return (
    <Button
      variant={tone === 'onBrand' ? 'subtle' : 'default'}
      color={tone === 'onBrand' ? 'white' : undefined}
      size="compact-md"
      leftSection={<IconLanguage size={18} aria-hidden />}
      lang={other}
      aria-label={t('shell.switchLanguage', { language: label })}
      data-testid="language-switch"
      style={{ flexShrink: 0 }}
      onClick={() => {
        void changeLocale(other, { remember: true });
        if (user) saveLocale.mutate({ locale: other });
      }}
    >
      <Box component="span" visibleFrom="xs">
        {label}
      </Box>
      <Box component="span" hiddenFrom="xs">
        {t(`localeCodes.${other}`)}
      </Box>
    </Button>
  );
}
