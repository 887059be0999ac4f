import { Tabs } from '@mantine/core';
import { IconBuildingBank, IconHistory, IconListCheck, IconMail, IconPlugConnected, IconUsers } from '@tabler/icons-react';
import { Outlet, useNavigate, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../components/NoAccess.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { useCurrentUser } from '../lib/session.ts';

const SECTIONS = [
  { value: 'dependencias', to: '/admin/dependencias', label: 'admin.tabs.agencies', icon: IconBuildingBank },
  { value: 'usuarios', to: '/admin/usuarios', label: 'admin.tabs.users', icon: IconUsers },
  { value: 'integraciones', to: '/admin/integraciones', label: 'admin.tabs.apiClients', icon: IconPlugConnected },
  { value: 'bitacora', to: '/admin/bitacora', label: 'admin.tabs.audit', icon: IconHistory },
  { value: 'correo', to: '/admin/correo', label: 'admin.tabs.mail', icon: IconMail },
  { value: 'playbooks', to: '/admin/playbooks', label: 'admin.tabs.playbooks', icon: IconListCheck },
] as const;

type Section = (typeof SECTIONS)[number];

/** Administration: admins only; everyone else gets an explanation instead of the page. */
export function AdminLayout() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  if (user.role !== 'admin') return <NoAccess />;

  const active: Section = SECTIONS.find((s) => pathname.startsWith(s.to)) ?? SECTIONS[0];
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.subtitle')} />
      <Tabs
        value={active.value}
        onChange={(value) => {
          const section = SECTIONS.find((s) => s.value === value);
          if (section) void navigate({ to: section.to });
        }}
        keepMounted={false}
      >
        <Tabs.List aria-label={t('admin.sectionsLabel')} mb="lg">
          {SECTIONS.map((section) => (
            <Tabs.Tab key={section.value} value={section.value} leftSection={<section.icon size={16} aria-hidden />} data-testid={`admin-tab-${section.value}`}>
              {t(section.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {SECTIONS.map((section) => (
          <Tabs.Panel key={section.value} value={section.value}>
            {section.value === active.value ? <Outlet /> : null}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
