import { can, formatMxDateTime } from '@anc/domain';
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle, useInterval } from '@mantine/hooks';
import { IconArrowRight, IconBuildingBank, IconHistory, IconKey, IconPlus, IconUsers } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordModal } from '../components/ChangePasswordModal.tsx';
import { ButtonLink } from '../components/links.tsx';
import { DashboardOverview } from '../features/dashboard/DashboardOverview.tsx';
import { agencyName, useLocale } from '../i18n/index.ts';
import { useCurrentUser } from '../lib/session.ts';

/** Quick links read left to right: icon, label, arrow at the far end. */
const QUICK_LINK_STYLES = { inner: { justifyContent: 'flex-start' }, label: { flex: 1 } } as const;

/** One of the Panel's quick links: full width, its icon on the left and an arrow on the right. */
function QuickLink({ to, icon, children }: { to: string; icon: ReactNode; children: ReactNode }) {
  return (
    <ButtonLink to={to} variant="light" styles={QUICK_LINK_STYLES} rightSection={<IconArrowRight size={16} aria-hidden />} leftSection={icon} fullWidth>
      {children}
    </ButtonLink>
  );
}

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

  const canFile = can(user.role, 'incidents.create');

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" gap="md">
        <div>
          <Title order={1} fz={30} data-testid="dashboard-greeting">
            {t('dashboard.greeting', { name: user.name })}
          </Title>
          <Text c="dimmed" size="sm" mt={4}>
            {t('dashboard.now', { datetime: formatMxDateTime(now, locale) })}
          </Text>
        </div>
        {canFile ? (
          <ButtonLink to="/incidentes/nuevo" leftSection={<IconPlus size={16} aria-hidden />} data-testid="dashboard-new-report">
            {t('incidents.list.new')}
          </ButtonLink>
        ) : null}
      </Group>

      <DashboardOverview />

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
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
                <QuickLink to="/admin/dependencias" icon={<IconBuildingBank size={18} aria-hidden />}>
                  {t('admin.tabs.agencies')}
                </QuickLink>
                <QuickLink to="/admin/usuarios" icon={<IconUsers size={18} aria-hidden />}>
                  {t('admin.tabs.users')}
                </QuickLink>
                <QuickLink to="/admin/bitacora" icon={<IconHistory size={18} aria-hidden />}>
                  {t('admin.tabs.audit')}
                </QuickLink>
              </>
            ) : null}
            <Button
              variant="default"
              styles={QUICK_LINK_STYLES}
              rightSection={<IconArrowRight size={16} aria-hidden />}
              leftSection={<IconKey size={18} aria-hidden />}
              fullWidth
              onClick={passwordModal.open}
            >
              {t('shell.changePassword')}
            </Button>
          </Stack>
        </Paper>
      </SimpleGrid>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </Stack>
  );
}
