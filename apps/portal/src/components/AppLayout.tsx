import { navigationFor } from '@anc/domain';
import { AppShell, Burger, Box, Container, Group, Stack, Text, VisuallyHidden, em } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { changeLocale, hasExplicitLocale } from '../i18n/index.ts';
import { CurrentUserContext, endSession, isEndingSession, meQueryOptions } from '../lib/session.ts';
import { AncMark } from './AncMark.tsx';
import { GlobalSearch } from './GlobalSearch.tsx';
import { KeyboardShortcuts } from './KeyboardShortcuts.tsx';
import classes from './AppLayout.module.css';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { NavLinkLink } from './links.tsx';
import { NAV_ICONS } from './navIcons.tsx';
import { UserMenu } from './UserMenu.tsx';

const isActive = (path: string, pathname: string) => (path === '/' ? pathname === '/' : pathname === path || pathname.startsWith(`${path}/`));

/** The signed-in frame: header with the ANC's identity and the account, navigation by role. */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  // Below Mantine's `sm` breakpoint (48em) the navigation becomes a drawer behind the burger.
  const isMobile = useMediaQuery(`(max-width: ${em(767.98)})`) ?? false;
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const { data } = useQuery(meQueryOptions());
  const user = data?.user ?? null;
  // MFA_REQUIRED_ROLES: until a second factor is enrolled only the security page opens.
  const enrolling = data?.mfaEnrollmentRequired ?? false;

  // The session can also end without an error, e.g. a refetch on focus answers "nobody".
  useEffect(() => {
    if (data && !data.user && !isEndingSession()) void endSession('expired');
  }, [data]);

  // Without an explicit choice in this browser, the account's language applies.
  const accountLocale = user?.locale;
  useEffect(() => {
    if (accountLocale && !hasExplicitLocale()) void changeLocale(accountLocale, { remember: false });
  }, [accountLocale]);

  if (!user) return null;

  return (
    <CurrentUserContext value={user}>
      <a href="#main-content" className="skip-link">
        {t('shell.skipToContent')}
      </a>
      <AppShell header={{ height: 68 }} navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding={0}>
        <AppShell.Header className={classes.header} withBorder={false}>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                color="white"
                aria-label={navOpened ? t('shell.closeNavigation') : t('shell.openNavigation')}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              {/* The name is the visible text first, then where the link goes (WCAG 2.5.3, label in name). */}
              <Link to="/" className={classes.brand} data-testid="brand-link">
                <Box className={classes.mark}>
                  <AncMark size={40} />
                </Box>
                <Box miw={0}>
                  <Box visibleFrom="sm" className={classes.brandName}>
                    {t('app.name')}
                  </Box>
                  <Box hiddenFrom="sm" className={classes.brandName}>
                    {t('app.short')}
                  </Box>
                  <Box visibleFrom="sm" className={classes.brandTagline}>
                    {t('app.tagline')}
                  </Box>
                  <VisuallyHidden> · {t('app.homeLink')}</VisuallyHidden>
                </Box>
              </Link>
            </Group>
            <Group gap="xs" wrap="nowrap">
              {enrolling ? null : <GlobalSearch />}
              {enrolling ? null : <KeyboardShortcuts role={user.role} />}
              {enrolling ? null : <NotificationBell />}
              <LanguageSwitch tone="onBrand" />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar
          p="sm"
          className={classes.navbar}
          id="main-navigation"
          aria-label={t('nav.label')}
          // Collapsed off-screen on a phone: keep it out of the Tab order and the reading order.
          inert={isMobile && !navOpened}
        >
          <div>
            <div className={classes.navSectionLabel}>{t('app.portal')}</div>
            {enrolling ? (
              <Text size="xs" c="dimmed" px="sm" pb="xs" data-testid="nav-locked">
                {t('security.navLocked')}
              </Text>
            ) : null}
            <Stack gap={2}>
              {navigationFor(user.role).map((section) => {
                const Icon = NAV_ICONS[section.key];
                const active = isActive(section.path, pathname);
                return (
                  <NavLinkLink
                    key={section.key}
                    to={section.path}
                    label={t(`nav.${section.key}`)}
                    leftSection={<Icon size={20} stroke={1.6} aria-hidden />}
                    active={active}
                    disabled={enrolling}
                    aria-current={active ? 'page' : undefined}
                    className={classes.navLink}
                    data-testid={`nav-${section.key}`}
                    onClick={nav.close}
                  />
                );
              })}
            </Stack>
          </div>
        </AppShell.Navbar>

        <AppShell.Main className={classes.main} id="main-content" tabIndex={-1}>
          <Container size="xl" w="100%" px={{ base: 'md', md: 'xl' }} py="xl">
            <Outlet />
          </Container>
          <Container size="xl" w="100%" px={{ base: 'md', md: 'xl' }} pb="lg" className={classes.footer}>
            <Text size="xs" c="dimmed">
              {t('app.footer')} {t('app.timeZoneNote')}
            </Text>
          </Container>
        </AppShell.Main>
      </AppShell>
    </CurrentUserContext>
  );
}
