import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { i18n } from './i18n/index.ts';
import { endSession, hasSessionUser, registerSignInNavigation } from './lib/session.ts';
import { onUnauthorized, queryClient } from './lib/trpc.ts';
import { router } from './router.tsx';
import { theme } from './theme.ts';

registerSignInNavigation(async ({ reason, redirect }) => {
  await router.navigate({
    to: '/ingresar',
    search: reason === 'expired' ? { redirect, reason: 'expired' } : {},
    replace: reason === 'expired',
  });
});

// Any UNAUTHORIZED answer while this page thinks someone is signed in means the session ended.
onUnauthorized(() => {
  if (hasSessionUser()) void endSession('expired');
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position="bottom-right" limit={4} />
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  </StrictMode>,
);
