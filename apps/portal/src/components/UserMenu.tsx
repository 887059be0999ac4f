import { Avatar, Group, Menu, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell, IconChevronDown, IconKey, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { notify } from '../lib/notify.ts';
import { agencyName, useLocale } from '../i18n/index.ts';
import { errorCode, errorMessage } from '../lib/errors.ts';
import { endSession, SECURITY_PATH, useCurrentUser, useMfaEnrollmentRequired } from '../lib/session.ts';
import { trpc } from '../lib/trpc.ts';
import { ChangePasswordModal } from './ChangePasswordModal.tsx';
import classes from './AppLayout.module.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter((part) => /^\p{L}/u.test(part))
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');

export function UserMenu() {
  const { t } = useTranslation();
  const locale = useLocale();
  const user = useCurrentUser();
  const [passwordOpened, passwordModal] = useDisclosure(false);
  const enrolling = useMfaEnrollmentRequired();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      onSuccess: async () => {
        await endSession('signedOut');
        notify(t('shell.signedOut'), 'info');
      },
      onError: (error) => {
        // UNAUTHORIZED means the session had already ended: the global handler takes over.
        if (errorCode(error) !== 'UNAUTHORIZED') notify(errorMessage(error, t), 'error');
      },
    }),
  );

  return (
    <>
      <Menu position="bottom-end" width={280} shadow="md" withinPortal>
        <Menu.Target>
          {/* Named by the text it shows, then what it opens (WCAG 2.5.3, label in name); the initials are decoration. */}
          <UnstyledButton className={classes.userButton} data-testid="user-menu">
            <Group gap="sm" wrap="nowrap">
              <Avatar color="dorado" variant="filled" radius="xl" size={34} aria-hidden>
                {initials(user.name)}
              </Avatar>
              <Stack gap={0} visibleFrom="md" className={classes.userText}>
                <Text size="sm" fw={600} lh={1.25} truncate data-testid="user-name">
                  {user.name}
                </Text>
                <Text size="xs" lh={1.3} className={classes.userMeta} truncate data-testid="user-role">
                  {t(`roles.${user.role}`)} · {user.agency.code}
                </Text>
              </Stack>
              {/* Below md the name is not shown: it is still the start of the button's name. */}
              <VisuallyHidden hiddenFrom="md">{user.name}</VisuallyHidden>
              <VisuallyHidden>{t('shell.accountMenu')}</VisuallyHidden>
              <IconChevronDown size={16} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('shell.signedInAs')}</Menu.Label>
          <Stack gap={2} px="sm" pb="sm">
            <Text size="sm" fw={600}>
              {user.name}
            </Text>
            <Text size="xs" c="dimmed">
              {user.email}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`roles.${user.role}`)} · {agencyName(user.agency, locale)}
            </Text>
          </Stack>
          <Menu.Divider />
          <Menu.Item component={Link} to={SECURITY_PATH} leftSection={<IconShieldLock size={16} aria-hidden />} data-testid="account-security">
            {t('security.menu')}
          </Menu.Item>
          {/* While a second factor must be enrolled, nothing else of the account is open. */}
          {enrolling ? null : (
            <>
              <Menu.Item component={Link} to="/cuenta/notificaciones" leftSection={<IconBell size={16} aria-hidden />} data-testid="notification-preferences">
                {t('account.preferences.menu')}
              </Menu.Item>
              <Menu.Item leftSection={<IconKey size={16} aria-hidden />} onClick={passwordModal.open} data-testid="change-password">
                {t('shell.changePassword')}
              </Menu.Item>
            </>
          )}
          <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={() => signOut.mutate()} disabled={signOut.isPending} data-testid="sign-out">
            {t('shell.signOut')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </>
  );
}
