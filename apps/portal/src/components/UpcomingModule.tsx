import { List, Paper, Stack, Text, ThemeIcon, Title, Badge, Group } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowBack, IconHourglass } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from './links.tsx';
import { NAV_ICONS } from './navIcons.tsx';
import { PageHeader } from './PageHeader.tsx';

export type UpcomingModuleKey = 'incidents' | 'tasks' | 'initiatives';

/** An honest page for a module that is not enabled yet: what it will do, and nothing fake. */
export function UpcomingModule({ module }: { module: UpcomingModuleKey }) {
  const { t } = useTranslation();
  useDocumentTitle(`${t(`modules.${module}.title`)} · ${t('app.short')}`);
  const Icon = NAV_ICONS[module];
  const features = [t(`modules.${module}.feature1`), t(`modules.${module}.feature2`), t(`modules.${module}.feature3`), t(`modules.${module}.feature4`)];
  return (
    <>
      <PageHeader title={t(`modules.${module}.title`)} description={t(`modules.${module}.summary`)} />
      <Paper p={{ base: 'lg', sm: 'xl' }} data-testid="module-pending">
        <Stack gap="lg" maw={680}>
          <Group gap="md" wrap="nowrap" align="flex-start">
            <ThemeIcon size={52} radius="md" variant="light" aria-hidden>
              <Icon size={28} stroke={1.6} />
            </ThemeIcon>
            <Stack gap={6}>
              <Badge variant="light" color="dorado" leftSection={<IconHourglass size={12} aria-hidden />} w="fit-content">
                {t('common.comingSoon')}
              </Badge>
              <Title order={2} fz="xl">
                {t('modules.pendingTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('modules.pendingBody')}
              </Text>
            </Stack>
          </Group>
          <List spacing="xs" size="sm" pl="xs">
            {features.map((feature) => (
              <List.Item key={feature}>{feature}</List.Item>
            ))}
          </List>
          <Text size="sm">{t('modules.meanwhile')}</Text>
          <ButtonLink to="/" variant="default" leftSection={<IconArrowBack size={16} aria-hidden />} w="fit-content">
            {t('modules.backToDashboard')}
          </ButtonLink>
        </Stack>
      </Paper>
    </>
  );
}
