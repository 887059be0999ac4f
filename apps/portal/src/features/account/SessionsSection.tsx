// "Sesiones": the signed-in person's own open sessions (issue 13 point 5; docs/API.md "Sessions of
// my own"), one of the sections of "Seguridad de la cuenta" (features/security/sections.ts). Each session shows its browser and
// system (from its user agent), when it started, when it was last active, its address and whether it
// is this one; revoking one, or all the others, asks first.
import { describeUserAgent, formatMxDateTime, type SessionItem } from '@anc/domain';
import { Badge, Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconDeviceDesktop, IconLogout } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { useLocale } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { endSession, useMfaEnrollmentRequired } from '../../lib/session.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';

type DeviceKey = 'account.sessions.device' | 'account.sessions.unknownBrowser' | 'account.sessions.unknownOs';
type Translate = (key: DeviceKey, options?: { browser: string; os: string }) => string;

/** "Chrome 131 en Windows 10"; a user agent no parser knows reads "Navegador desconocido". */
export function deviceLabel(userAgent: string | null, t: Translate): string {
  const { browser, os } = describeUserAgent(userAgent);
  if (!browser && !os) return t('account.sessions.unknownBrowser');
  return t('account.sessions.device', { browser: browser ?? t('account.sessions.unknownBrowser'), os: os ?? t('account.sessions.unknownOs') });
}

const refresh = () => queryClient.invalidateQueries(trpc.auth.sessions.list.pathFilter());

export function SessionsSection() {
  const { t } = useTranslation();
  const locale = useLocale();
  const label: Translate = (key, options) => (options ? t(key, options) : t(key));
  // An account that must enrol a second factor first may call nothing else: the section waits.
  const enrolling = useMfaEnrollmentRequired();
  const list = useQuery({ ...trpc.auth.sessions.list.queryOptions(), enabled: !enrolling });
  const items = list.data?.items ?? [];
  const others = items.filter((item) => !item.current).length;
  const [target, setTarget] = useState<SessionItem | null>(null);
  const [confirmOthers, setConfirmOthers] = useState(false);

  const revoke = useMutation(
    trpc.auth.sessions.revoke.mutationOptions({
      onSuccess: async ({ signedOut }) => {
        setTarget(null);
        if (signedOut) {
          await endSession('signedOut');
          notify(t('shell.signedOut'), 'info');
          return;
        }
        notify(t('account.sessions.revoked'));
        await refresh();
      },
    }),
  );
  const revokeOthers = useMutation(
    trpc.auth.sessions.revokeOthers.mutationOptions({
      onSuccess: async ({ revoked }) => {
        setConfirmOthers(false);
        notify(t('account.sessions.revokedOthers', { count: revoked }));
        await refresh();
      },
    }),
  );

  const targetDevice = target ? deviceLabel(target.userAgent, label) : '';
  if (enrolling) return null;
  return (
    <Paper p={{ base: 'md', sm: 'xl' }} withBorder maw={880} component="section" aria-labelledby="sessions-title" data-testid="sessions-section">
      <SectionTitle
        id="sessions-title"
        extra={
          <Button
            variant="light"
            color="red"
            leftSection={<IconLogout size={16} aria-hidden />}
            disabled={others === 0}
            onClick={() => {
              revokeOthers.reset();
              setConfirmOthers(true);
            }}
            data-testid="sessions-revoke-others"
          >
            {t('account.sessions.revokeOthers')}
          </Button>
        }
      >
        {t('account.sessions.title')}
      </SectionTitle>
      <Text size="sm" c="dimmed" mb="md">
        {t('account.sessions.subtitle')}
      </Text>

      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {list.data && items.length === 0 ? <Text size="sm">{t('account.sessions.empty')}</Text> : null}

      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('account.sessions.listLabel')} data-testid="sessions-list">
        {items.map((item) => {
          const device = deviceLabel(item.userAgent, label);
          return (
            <Paper component="li" key={item.id} withBorder p="md" radius="md" data-testid="session-row" data-current={item.current}>
              <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
                <Group gap="sm" align="flex-start" wrap="nowrap" style={{ minWidth: 0 }}>
                  <IconDeviceDesktop size={22} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Group gap="xs" wrap="wrap">
                      <Text fw={600} data-testid="session-device">
                        {device}
                      </Text>
                      {item.current ? (
                        <Badge variant="light" color="green" data-testid="session-current">
                          {t('account.sessions.current')}
                        </Badge>
                      ) : null}
                    </Group>
                    <Text size="sm" c="dimmed" component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 8, rowGap: 2 }}>
                      <dt>{t('account.sessions.createdAt')}</dt>
                      <dd style={{ margin: 0 }}>{formatMxDateTime(item.createdAt, locale)}</dd>
                      <dt>{t('account.sessions.lastSeenAt')}</dt>
                      <dd style={{ margin: 0 }} data-testid="session-last-seen">
                        {formatMxDateTime(item.lastSeenAt, locale)}
                      </dd>
                      <dt>{t('account.sessions.address')}</dt>
                      <dd style={{ margin: 0, overflowWrap: 'anywhere' }}>{item.address ?? t('account.sessions.unknownAddress')}</dd>
                    </Text>
                  </Stack>
                </Group>
                <Button
                  variant="default"
                  size="sm"
                  aria-label={item.current ? t('account.sessions.revokeCurrent') : t('account.sessions.revokeFor', { device })}
                  onClick={() => {
                    revoke.reset();
                    setTarget(item);
                  }}
                  data-testid="session-revoke"
                >
                  {t('account.sessions.revoke')}
                </Button>
              </Group>
            </Paper>
          );
        })}
      </Stack>
      {list.data && items.length > 0 && others === 0 ? (
        <Text size="sm" c="dimmed" mt="sm" data-testid="sessions-only-this">
          {t('account.sessions.onlyThis')}
        </Text>
      ) : null}

      <ConfirmDialog
        opened={target !== null}
        title={t('account.sessions.confirmRevokeTitle', { device: targetDevice })}
        body={
          target?.current
            ? t('account.sessions.confirmRevokeCurrentBody')
            : t('account.sessions.confirmRevokeBody', {
                createdAt: target ? formatMxDateTime(target.createdAt, locale) : '',
                address: target?.address ?? t('account.sessions.unknownAddress'),
              })
        }
        confirmLabel={t('account.sessions.revoke')}
        danger
        loading={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error, t) : null}
        onConfirm={() => target && revoke.mutate({ id: target.id })}
        onClose={() => setTarget(null)}
      />
      <ConfirmDialog
        opened={confirmOthers}
        title={t('account.sessions.confirmRevokeOthersTitle')}
        body={t('account.sessions.confirmRevokeOthersBody', { count: others })}
        confirmLabel={t('account.sessions.revokeOthers')}
        danger
        loading={revokeOthers.isPending}
        error={revokeOthers.error ? errorMessage(revokeOthers.error, t) : null}
        onConfirm={() => revokeOthers.mutate()}
        onClose={() => setConfirmOthers(false)}
      />
    </Paper>
  );
}
