import type { DigestOption } from '@anc/domain';
import { Anchor, Button, Group, Paper, Radio, Stack, Switch } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../components/PageHeader.tsx';
import { errorMessage } from '../lib/errors.ts';
import { notify } from '../lib/notify.ts';
import { meQueryOptions, useCurrentUser } from '../lib/session.ts';
import { queryClient, trpc } from '../lib/trpc.ts';

/** /cuenta/notificaciones ("Notificaciones" in the user menu): e-mail on or off, one mail per event or a daily digest. */
export function NotificationPreferencesPage() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('account.preferences.pageTitle')} · ${t('app.short')}`);
  const user = useCurrentUser();
  const [emailNotifications, setEmailNotifications] = useState(user.preferences.emailNotifications);
  const [digest, setDigest] = useState<DigestOption>(user.preferences.digest);
  const save = useMutation(
    trpc.auth.updatePreferences.mutationOptions({
      onSuccess: ({ user: updated }) => {
        queryClient.setQueryData(meQueryOptions().queryKey, { user: updated });
        notify(t('account.preferences.saved'));
      },
      onError: (error) => notify(errorMessage(error, t), 'error'),
    }),
  );
  const unchanged = emailNotifications === user.preferences.emailNotifications && digest === user.preferences.digest;

  return (
    <>
      <PageHeader title={t('account.preferences.title')} description={t('account.preferences.subtitle')} />
      <Paper p={{ base: 'md', sm: 'xl' }} withBorder maw={720}>
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            save.mutate({ emailNotifications, digest });
          }}
        >
          <Stack gap="lg">
            <Switch
              size="md"
              checked={emailNotifications}
              onChange={(event) => setEmailNotifications(event.currentTarget.checked)}
              label={t('account.preferences.email')}
              description={t('account.preferences.emailHint', { email: user.email })}
              data-testid="preferences-email"
            />
            <Radio.Group
              value={digest}
              onChange={(value) => setDigest(value === 'daily' ? 'daily' : 'none')}
              label={t('account.preferences.delivery')}
              data-testid="preferences-digest"
            >
              <Stack gap="sm" mt="xs">
                <Radio
                  value="none"
                  disabled={!emailNotifications}
                  label={t('account.preferences.immediate')}
                  description={t('account.preferences.immediateHint')}
                  data-testid="preferences-immediate"
                />
                <Radio
                  value="daily"
                  disabled={!emailNotifications}
                  label={t('account.preferences.daily')}
                  description={t('account.preferences.dailyHint')}
                  data-testid="preferences-daily"
                />
              </Stack>
            </Radio.Group>
            <Group justify="space-between" gap="sm">
              <Anchor component={Link} to="/notificaciones" size="sm">
                {t('account.preferences.allNotifications')}
              </Anchor>
              <Button type="submit" loading={save.isPending} disabled={unchanged} data-testid="preferences-save">
                {t('account.preferences.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
