import { Box, Container, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import classes from '../routes/SignInPage.module.css';
import { AncMark } from './AncMark.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** The frame of the pages reached without a session (sign-in, password reset): the brand band and one card. */
export function PublicPage({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className={classes.page}>
      <header className={classes.band}>
        <Container size="lg" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Box style={{ flexShrink: 0, display: 'flex' }}>
                <AncMark size={44} />
              </Box>
              <Box miw={0}>
                <Text fw={700} fz={{ base: 'md', sm: 'lg' }} lh={1.2}>
                  {t('app.name')}
                </Text>
                <Text fz={{ base: 'xs', sm: 'sm' }} className={classes.tagline}>
                  {t('app.tagline')}
                </Text>
              </Box>
            </Group>
            <LanguageSwitch tone="onBrand" />
          </Group>
        </Container>
      </header>
      <main className={classes.content}>
        <Stack gap="lg" className={classes.card}>
          {children}
          {footer}
        </Stack>
      </main>
    </div>
  );
}
