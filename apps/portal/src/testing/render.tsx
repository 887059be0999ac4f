/** Renders a piece of the portal with the providers main.tsx gives it, signed in as a demo account. */
import type { Locale } from '@anc/domain';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { inject } from 'vitest';
import { changeLocale, i18n } from '../i18n/index.ts';
import { queryClient, trpcClient } from '../lib/trpc.ts';
import { theme } from '../theme.ts';

export const DEMO = {
  admin: 'admin@anc.gob.mx',
  coordinator: 'coordinacion@anc.gob.mx',
  sedena: 'enlace@sedena.gob.mx',
} as const;

/** Signs the test's cookie jar in (src/testing/dom-setup.ts) through the real API. */
export async function signInAs(email: string): Promise<void> {
  await trpcClient.auth.signIn.mutate({ email, password: inject('apiDemoPassword') });
  queryClient.clear();
}

export async function renderPortal(ui: ReactNode, { locale = 'es-MX' }: { locale?: Locale } = {}) {
  await changeLocale(locale, { remember: false });
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}
