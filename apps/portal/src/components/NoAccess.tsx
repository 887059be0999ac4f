import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from './links.tsx';

export function NoAccess() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('noAccess.pageTitle')} · ${t('app.short')}`);
  return (
    <Paper p="xl" maw={640} data-testid="no-access">
      <Stack gap="md" align="flex-start">
        <ThemeIcon size={48} radius="md" variant="light" color="gray" aria-hidden>
          <IconLock size={26} />
        </ThemeIcon>
        <Title order={1} fz={24}>
          {t('noAccess.title')}
        </Title>
        <Text size="sm">{t('noAccess.body')}</Text>
        <ButtonLink to="/" variant="default">
          {t('noAccess.back')}
        </ButtonLink>
      </Stack>
    </Paper>
  );
}
