import { formatMxDateTime } from '@anc/domain';
import { Badge, Button, Grid, Group, List, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle, useInterval } from '@mantine/hooks';
import { IconArrowRight, IconBuildingBank, IconCircleCheck, IconHistory, IconKey, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from '../components/ChangePasswordModal.tsx';
import { AnchorLink, ButtonLink } from '../components/links.tsx';
import { NAV_ICONS } from '../components/navIcons.tsx';
import { DashboardOverview } from '../features/dashboard/DashboardOverview.tsx';
import type { UpcomingModuleKey } from '../components/UpcomingModule.tsx';
import { agencyName, useLocale } from '../i18n/index.ts';
import { useCurrentUser } from '../lib/session.ts';

const MODULES: readonly { key: UpcomingModuleKey; to: '/incidentes' | '/tareas' | '/iniciativas'; available: boolean }[] = [
  { key: 'incidents', to: '/incidentes', available: true },
  { key: 'tasks', to: '/tareas', available: true },
  { key: 'initiatives', to: '/iniciativas', available: true },
];

/** Quick links read left to right: icon, label, arrow at the far end. */
const QUICK_LINK_STYLES = { inner: { justifyContent: 'flex-start' }, label: { flex: 1 } } as const;

function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useInterval(() => setNow(new Date()), everyMs, { autoInvoke: true });
  return now;
}

export function DashboardPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('dashboard.pageTitle')} · ${t('app.short')}`);
  const locale = useLocale();
  const user = useCurrentUser();
  const now = useNow(30_000);
  const [passwordOpened, passwordModal] = useDisclosure(false);
  const isAdmin = user.role === 'admin';

  const can = [
    t('dashboard.canAll1'),
    t('dashboard.canAll2'),
    t('dashboard.canAll3'),
    t(`dashboard.canIncidents.${user.role}`),
    t(`tasks.dashboard.${user.role}`),
    t(`dashboard.canInitiatives.${user.role}`),
    ...(isAdmin ? [t('dashboard.canAdmin1'), t('dashboard.canAdmin2'), t('dashboard.canAdmin3')] : []),
  ];

  return (
    <Stack gap="xl">
      <div>
        <Title order={1} fz={30} data-testid="dashboard-greeting">
          {t('dashboard.greeting', { name: user.name })}
        </Title>
        <Text c="dimmed" size="sm" mt={4}>
          {t('dashboard.now', { datetime: formatMxDateTime(now, locale) })}
        </Text>
      </div>

      <DashboardOverview />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Paper p="lg">
              <Title order={2} fz="lg" mb="xs">
                {t('dashboard.releaseTitle')}
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                {t('dashboard.releaseIntro')}
              </Text>
              <List
                spacing="sm"
                size="sm"
                icon={
                  <ThemeIcon size={22} radius="xl" variant="light" color="green" aria-hidden>
                    <IconCircleCheck size={15} />
                  </ThemeIcon>
                }
              >
                {can.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            </Paper>

            <div>
              <Title order={2} fz="lg" mb="sm">
                {t('dashboard.modulesTitle')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
                {MODULES.map((module) => {
                  const Icon = NAV_ICONS[module.key];
                  return (
                    <Paper key={module.key} p="md">
                      <Stack gap="xs" h="100%">
                        <Group justify="space-between" wrap="nowrap">
                          <ThemeIcon size={36} radius="md" variant="light" aria-hidden>
                            <Icon size={20} stroke={1.6} />
                          </ThemeIcon>
                          <Badge variant="light" color={module.available ? 'green' : 'dorado'} size="sm">
                            {module.available ? t('common.available') : t('common.comingSoon')}
                          </Badge>
                        </Group>
                        <Title order={3} fz="md">
                          {t(`modules.${module.key}.title`)}
                        </Title>
                        <Text size="sm" c="dimmed" style={{ flex: 1 }}>
                          {t(`modules.${module.key}.summary`)}
                        </Text>
                        <AnchorLink to={module.to} size="sm" fw={600}>
                          {t('dashboard.openModule', { module: t(`modules.${module.key}.title`) })}
                        </AnchorLink>
                      </Stack>
                    </Paper>
                  );
                })}
              </SimpleGrid>
            </div>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Paper p="lg" data-testid="account-card">
              <Title order={2} fz="lg" mb="md">
                {t('dashboard.accountTitle')}
              </Title>
              <Stack gap="sm">
                <div>
                  <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                    {t('dashboard.agency')}
                  </Text>
                  <Text size="sm" fw={600}>
                    {agencyName(user.agency, locale)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {user.agency.code} · {t(`agencyKinds.${user.agency.kind}`)}
                  </Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                    {t('dashboard.role')}
                  </Text>
                  <Text size="sm" fw={600}>
                    {t(`roles.${user.role}`)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t(`roleDescriptions.${user.role}`)}
                  </Text>
                </div>
                <div>
                  <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                    {t('dashboard.email')}
                  </Text>
                  <Text size="sm">{user.email}</Text>
                </div>
              </Stack>
            </Paper>

            <Paper p="lg">
              <Title order={2} fz="lg" mb="md">
                {t('dashboard.quickLinksTitle')}
              </Title>
              <Stack gap="xs">
                {isAdmin ? (
                  <>
                    <ButtonLink to="/admin/dependencias" variant="light" styles={QUICK_LINK_STYLES} rightSection={<IconArrowRight size={16} aria-hidden />} leftSection={<IconBuildingBank size={18} aria-hidden />} fullWidth>
                      {t('admin.tabs.agencies')}
                    </ButtonLink>
                    <ButtonLink to="/admin/usuarios" variant="light" styles={QUICK_LINK_STYLES} rightSection={<IconArrowRight size={16} aria-hidden />} leftSection={<IconUsers size={18} aria-hidden />} fullWidth>
                      {t('admin.tabs.users')}
                    </ButtonLink>
                    <ButtonLink to="/admin/bitacora" variant="light" styles={QUICK_LINK_STYLES} rightSection={<IconArrowRight size={16} aria-hidden />} leftSection={<IconHistory size={18} aria-hidden />} fullWidth>
                      {t('admin.tabs.audit')}
                    </ButtonLink>
                  </>
                ) : null}
                <Button variant="default" styles={QUICK_LINK_STYLES} rightSection={<IconArrowRight size={16} aria-hidden />} leftSection={<IconKey size={18} aria-hidden />} fullWidth onClick={passwordModal.open}>
                  {t('shell.changePassword')}
                </Button>
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </Stack>
  );
}
