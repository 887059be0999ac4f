import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { type ErrorComponentProps, useRouter } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors.ts';

/** Shown when a page could not start, e.g. the API did not answer the session check. */
export function RouteError({ error }: ErrorComponentProps) {
  const { t } = useTranslation();
  const router = useRouter();
  return (
    <Paper p="xl" maw={640} m="xl" role="alert">
      <Stack gap="md" align="flex-start">
        <Title order={1} fz={24}>
          {t('errors.title')}
        </Title>
        <Text size="sm">{errorMessage(error, t)}</Text>
        <Button onClick={() => void router.invalidate()}>{t('common.retry')}</Button>
      </Stack>
    </Paper>
  );
}
