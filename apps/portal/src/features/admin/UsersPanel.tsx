import { ROLES, type Role, type UserDto, formatMxDateTime } from '@anc/domain';
import { ActionIcon, Badge, Button, Group, Menu, Paper, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedCallback, useDocumentTitle } from '@mantine/hooks';
import { IconDots, IconFilterOff, IconKey, IconPencil, IconPlus, IconSearch, IconShieldOff, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../lib/notify.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TableStatusRows } from '../../components/TableStatusRows.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { agencyOptionsFor } from './agencyOptions.ts';
import { ResetPasswordModal } from './ResetPasswordModal.tsx';
import { UserFormModal, type UserFormTarget } from './UserFormModal.tsx';

export interface UsersSearch {
  agencyId?: string;
  role?: Role;
  q?: string;
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 100) : undefined);

/** The filters live in the address, so a filtered list can be bookmarked and survives a reload. */
export function validateUsersSearch(search: Record<string, unknown>): UsersSearch {
  const role = str(search.role);
  return {
    agencyId: str(search.agencyId),
    role: ROLES.find((r) => r === role),
    q: str(search.q),
  };
}

const route = getRouteApi('/app/admin/usuarios');

const ROLE_COLORS: Record<Role, string> = { admin: 'guinda', coordinator: 'blue', staff: 'gray' };

export function UsersPanel() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('users.pageTitle')} · ${t('admin.pageTitle')} · ${t('app.short')}`);
  const locale = useLocale();
  const me = useCurrentUser();
  const search = route.useSearch();
  const navigate = useNavigate({ from: '/admin/usuarios' });
  const [text, setText] = useState(search.q ?? '');
  const [formTarget, setFormTarget] = useState<UserFormTarget | null>(null);
  const [resetTarget, setResetTarget] = useState<UserDto | null>(null);
  const [toggleTarget, setToggleTarget] = useState<UserDto | null>(null);

  const setFilters = (patch: Partial<UsersSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }), replace: true });
  const setQuery = useDebouncedCallback((q: string) => setFilters({ q: q.trim() || undefined }), 300);

  const agencies = useQuery(trpc.agencies.list.queryOptions({ includeInactive: true }));
  const users = useInfiniteQuery(
    trpc.admin.users.list.infiniteQueryOptions(
      { agencyId: search.agencyId, role: search.role, q: search.q },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(search.agencyId || search.role || search.q);

  const [mfaTarget, setMfaTarget] = useState<{ id: string; name: string; email: string } | null>(null);
  const resetMfa = useMutation(
    trpc.admin.users.resetMfa.mutationOptions({
      onSuccess: () => {
        notify(t('security.admin.done', { name: mfaTarget?.name ?? '' }));
        setMfaTarget(null);
      },
    }),
  );

  const setActive = useMutation(
    trpc.admin.users.setActive.mutationOptions({
      onSuccess: (user) => {
        void queryClient.invalidateQueries(trpc.admin.users.list.pathFilter());
        void queryClient.invalidateQueries(trpc.agencies.list.pathFilter());
        notify(t(user.active ? 'users.reactivated' : 'users.deactivated', { name: user.name }));
        setToggleTarget(null);
      },
    }),
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Text size="sm" c="dimmed" maw={640}>
          {t('users.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setFormTarget({ mode: 'create' })} data-testid="user-new">
          {t('users.new')}
        </Button>
      </Group>

      <Paper p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t('users.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setQuery(e.currentTarget.value);
            }}
            w={{ base: '100%', sm: 280 }}
            data-testid="users-search"
          />
          <Select
            label={t('users.filterAgency')}
            placeholder={t('users.filterAgencyAll')}
            data={agencyOptionsFor(agencies.data?.items ?? [], null, locale, search.agencyId)}
            value={search.agencyId ?? null}
            onChange={(value) => setFilters({ agencyId: value ?? undefined })}
            searchable
            clearable
            nothingFoundMessage={t('users.form.agencyNothingFound')}
            w={{ base: '100%', sm: 320 }}
          />
          <Select
            label={t('users.filterRole')}
            placeholder={t('users.filterRoleAll')}
            data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            value={search.role ?? null}
            onChange={(value) => setFilters({ role: ROLES.find((r) => r === value) })}
            clearable
            w={{ base: '100%', sm: 220 }}
          />
          {filtered ? (
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconFilterOff size={16} aria-hidden />}
              onClick={() => {
                setText('');
                void navigate({ search: {}, replace: true });
              }}
            >
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Group>
      </Paper>

      {users.error ? <QueryError error={users.error} onRetry={() => void users.refetch()} /> : null}

      <Paper p={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('users.tableLabel')} data-testid="users-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('users.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.agency')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.role')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('users.columns.lastSignIn')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('common.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableStatusRows loading={users.isPending} empty={Boolean(users.data) && items.length === 0} columns={6} emptyText={t('users.empty')} />
              {items.map((user) => {
                const self = user.id === me.id;
                return (
                  <Table.Tr key={user.id} data-testid="user-row">
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={600}>
                          {user.name}
                        </Text>
                        {self ? (
                          <Badge size="xs" variant="outline">
                            {t('users.you')}
                          </Badge>
                        ) : null}
                      </Group>
                      <Text size="xs" c="dimmed">
                        {user.email}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" ff="monospace" fw={600}>
                        {user.agency.code}
                      </Text>
                      <Text size="xs" c="dimmed" lineClamp={1} maw={260}>
                        {agencyName(user.agency, locale)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={ROLE_COLORS[user.role]}>
                        {t(`roles.${user.role}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={user.active ? 'green' : 'gray'}>
                        {user.active ? t('common.activeUser') : t('common.inactiveUser')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{user.lastSignInAt ? formatMxDateTime(user.lastSignInAt, locale) : t('users.never')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group justify="flex-end" gap={4} wrap="nowrap">
                        <Tooltip label={t('users.editAction')} withinPortal>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`${t('users.editAction')}: ${user.name}`}
                            onClick={() => setFormTarget({ mode: 'edit', user })}
                          >
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        <Menu position="bottom-end" withinPortal shadow="md">
                          <Menu.Target>
                            <ActionIcon variant="subtle" color="gray" aria-label={t('common.actionsFor', { name: user.name })} data-testid="user-actions">
                              <IconDots size={18} aria-hidden />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={() => setResetTarget(user)} data-testid="user-reset-password">
                              {t('users.resetPasswordAction')}
                            </Menu.Item>
                            <Menu.Item
                              leftSection={<IconShieldOff size={16} aria-hidden />}
                              onClick={() => {
                                resetMfa.reset();
                                setMfaTarget(user);
                              }}
                              data-testid="user-reset-mfa"
                            >
                              {t('security.admin.action')}
                            </Menu.Item>
                            {user.active ? (
                              <Menu.Item
                                color="red"
                                leftSection={<IconUserOff size={16} aria-hidden />}
                                disabled={self}
                                data-testid="user-deactivate"
                                onClick={() => {
                                  setActive.reset();
                                  setToggleTarget(user);
                                }}
                              >
                                {self ? t('users.ownAccountLocked') : t('users.deactivateAction')}
                              </Menu.Item>
                            ) : (
                              <Menu.Item
                                leftSection={<IconUserCheck size={16} aria-hidden />}
                                data-testid="user-reactivate"
                                onClick={() => {
                                  setActive.reset();
                                  setToggleTarget(user);
                                }}
                              >
                                {t('users.reactivateAction')}
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {users.data ? (
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('users.shown', { count: items.length })}
          </Text>
          {users.hasNextPage ? (
            <Button variant="default" onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage} data-testid="users-load-more">
              {t('common.loadMore')}
            </Button>
          ) : items.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('common.noMore')}
            </Text>
          ) : null}
        </Group>
      ) : null}

      <UserFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <ResetPasswordModal user={resetTarget} onClose={() => setResetTarget(null)} />
      <ConfirmDialog
        opened={mfaTarget !== null}
        title={mfaTarget ? t('security.admin.title', { name: mfaTarget.name }) : ''}
        body={mfaTarget ? t('security.admin.body', { email: mfaTarget.email }) : ''}
        confirmLabel={t('security.admin.action')}
        danger
        loading={resetMfa.isPending}
        error={resetMfa.error ? errorMessage(resetMfa.error, t) : null}
        onConfirm={() => mfaTarget && resetMfa.mutate({ userId: mfaTarget.id })}
        onClose={() => setMfaTarget(null)}
      />
      <ConfirmDialog
        opened={toggleTarget !== null}
        title={toggleTarget ? t(toggleTarget.active ? 'users.confirmDeactivateTitle' : 'users.confirmReactivateTitle', { name: toggleTarget.name }) : ''}
        body={toggleTarget ? t(toggleTarget.active ? 'users.confirmDeactivateBody' : 'users.confirmReactivateBody', { email: toggleTarget.email }) : ''}
        confirmLabel={toggleTarget?.active ? t('users.deactivateAction') : t('users.reactivateAction')}
        danger={toggleTarget?.active}
        loading={setActive.isPending}
        error={setActive.error ? errorMessage(setActive.error, t) : null}
        onConfirm={() => toggleTarget && setActive.mutate({ id: toggleTarget.id, active: !toggleTarget.active })}
        onClose={() => setToggleTarget(null)}
      />
    </Stack>
  );
}
