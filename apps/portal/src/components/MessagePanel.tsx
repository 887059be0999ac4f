import { Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { Icon } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from './links.tsx';

/** Where a "go back" button of a whole-page message may lead. */
export type BackPath = '/' | '/incidentes' | '/tareas' | '/iniciativas' | '/alertas';

/**
 * A page that has nothing to show but a message: no access, no such page, no such record. It names
 * itself in the browser tab and offers one way back.
 */
export function MessagePanel({
  testId,
  mark,
  pageTitle,
  title,
  body,
  backTo,
  backLabel,
  m,
}: {
  testId: string;
  /** What stands above the heading: an icon (`<MessageIcon>`) or a code such as 404. */
  mark: ReactNode;
  /** The browser tab's title; the heading when not given. */
  pageTitle?: string;
  title: string;
  body: string;
  backTo: BackPath;
  backLabel: string;
  m?: string;
}) {
  const { t } = useTranslation();
  useDocumentTitle(`${pageTitle ?? title} · ${t('app.short')}`);
  return (
    <Paper p="xl" maw={640} m={m} data-testid={testId}>
      <Stack gap="md" align="flex-start">
        {mark}
        <Title order={1} fz={24}>
          {title}
        </Title>
        <Text size="sm">{body}</Text>
        <ButtonLink to={backTo} variant="default">
          {backLabel}
        </ButtonLink>
      </Stack>
    </Paper>
  );
}

export function MessageIcon({ icon: IconComponent }: { icon: Icon }) {
  return (
    <ThemeIcon size={48} radius="md" variant="light" color="gray" aria-hidden>
      <IconComponent size={26} />
    </ThemeIcon>
  );
}
