import { Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from './links.tsx';

export function NotFound() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('notFound.pageTitle')} · ${t('app.short')}`);
  return (
    <Paper p="xl" maw={640} m="xl" data-testid="not-found">
      <Stack gap="md" align="flex-start">
        <Text c="guinda.7" fw={700} fz={40} lh={1}>
          404
        </Text>
        <Title order={1} fz={24}>
          {t('notFound.title')}
        </Title>
        <Text size="sm">{t('notFound.body')}</Text>
        <ButtonLink to="/" variant="default">
          {t('notFound.back')}
        </ButtonLink>
      </Stack>
    </Paper>
  );
}
