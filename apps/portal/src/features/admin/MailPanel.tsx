import type { AppRouter } from '@anc/api';
import { formatMxDateTime, MAIL_STATES, type MailState } from '@anc/domain';
import { ActionIcon, Alert, Badge, Button, Code, Drawer, Group, Paper, Select, Stack, Table, Tabs, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconEye, IconMailOff, IconMailForward } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../components/QueryError.tsx';
import { TableStatusRows } from '../../components/TableStatusRows.tsx';
import { useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';

type MailItem = inferRouterOutputs<AppRouter>['mailOutbox']['list']['items'][number];

const STATE_COLOR: Record<MailState, string> = { pending: 'yellow', sending: 'blue', sent: 'green', dead: 'red' };
const isMailState = (v: string | null): v is MailState => v !== null && (MAIL_STATES as readonly string[]).includes(v);

/**
 * Administración → Correo saliente (issue 12): the e-mail outbox, newest first, by state; each
 * message as it is (or would be) sent. Without SMTP_URL nothing leaves the machine, and the page
 * says so. The HTML is shown in a sandboxed iframe (no scripts, no same origin).
 */
export function MailPanel() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('mail.pageTitle')} · ${t('admin.pageTitle')} · ${t('app.short')}`);
  const locale = useLocale();
  const [state, setState] = useState<MailState | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  const list = useInfiniteQuery(
    trpc.mailOutbox.list.infiniteQueryOptions(
      { state: state ?? undefined },
      { getNextPageParam: (page) => page.nextCursor ?? undefined, refetchInterval: 5_000 },
    ),
  );
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={760}>
        {t('mail.intro')}
      </Text>
      {first ? (
        first.delivery === 'held' ? (
          <Alert color="yellow" variant="light" icon={<IconMailOff aria-hidden />} title={t('mail.heldTitle')} data-testid="mail-held">
            <Text size="sm">{t('mail.held')}</Text>
          </Alert>
        ) : (
          <Alert color="blue" variant="light" icon={<IconMailForward aria-hidden />} data-testid="mail-smtp">
            <Text size="sm">{t('mail.smtp', { max: first.maxAttempts })}</Text>
          </Alert>
        )
      ) : null}

      <Paper p="md">
        <Group gap="md" align="flex-end" wrap="wrap" justify="space-between">
          <Select
            label={t('mail.filterState')}
            placeholder={t('mail.filterStateAll')}
            data={MAIL_STATES.map((s) => ({ value: s, label: t(`mail.states.${s}`) }))}
            value={state}
            onChange={(v) => setState(isMailState(v) ? v : null)}
            clearable
            w={{ base: '100%', sm: 220 }}
            data-testid="mail-state-filter"
          />
          {first ? (
            <Text size="sm" c="dimmed" data-testid="mail-counts">
              {t('mail.counts', first.counts)}
            </Text>
          ) : null}
        </Group>
      </Paper>

      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}

      <Paper p={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('mail.tableLabel')} data-testid="mail-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('mail.columns.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.to')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.subject')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.state')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.attempts')}</Table.Th>
                <Table.Th scope="col">{t('mail.columns.lastError')}</Table.Th>
                <Table.Th scope="col" w={60}>
                  <VisuallyHidden>{t('mail.open')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableStatusRows loading={list.isPending} empty={Boolean(list.data) && items.length === 0} columns={7} emptyText={t('mail.empty')} />
              {items.map((m) => (
                <MailRow key={m.id} mail={m} max={first?.maxAttempts ?? 0} locale={locale} onOpen={() => setOpenId(m.id)} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {list.data ? (
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('mail.shown', { count: items.length })}
          </Text>
          {list.hasNextPage ? (
            <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : items.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('common.noMore')}
            </Text>
          ) : null}
        </Group>
      ) : null}

      <MailDrawer id={openId} onClose={() => setOpenId(null)} />
    </Stack>
  );
}

function MailRow({ mail, max, locale, onOpen }: { mail: MailItem; max: number; locale: ReturnType<typeof useLocale>; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Table.Tr data-testid="mail-row">
      <Table.Td>
        <Text size="sm">{formatMxDateTime(mail.createdAt, locale)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{mail.to}</Text>
        <Text size="xs" c="dimmed">
          {t(`mail.locales.${mail.locale}`)}
        </Text>
      </Table.Td>
      <Table.Td maw={380}>
        <Text size="sm" lineClamp={2} title={mail.subject}>
          {mail.subject}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={STATE_COLOR[mail.state]}>
          {t(`mail.states.${mail.state}`)}
        </Badge>
        {mail.state === 'pending' && mail.attempts > 0 ? (
          <Text size="xs" c="dimmed">
            {t('mail.nextAttempt', { time: formatMxDateTime(mail.nextAttemptAt, locale) })}
          </Text>
        ) : null}
        {mail.sentAt ? (
          <Text size="xs" c="dimmed">
            {t('mail.sentAt', { time: formatMxDateTime(mail.sentAt, locale) })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{t('mail.attemptsOf', { attempts: mail.attempts, max })}</Text>
      </Table.Td>
      <Table.Td maw={260}>
        {mail.lastError ? (
          <Text size="xs" ff="monospace" c="red.8" lineClamp={3} title={mail.lastError}>
            {mail.lastError}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Tooltip label={t('mail.open')} withinPortal>
          <ActionIcon variant="subtle" color="gray" aria-label={t('mail.openFor', { subject: mail.subject })} onClick={onOpen} data-testid="mail-open">
            <IconEye size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Table.Td>
    </Table.Tr>
  );
}

function MailDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const mail = useQuery({ ...trpc.mailOutbox.get.queryOptions({ id: id ?? '' }), enabled: id !== null });
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={t('mail.message.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {mail.error ? <QueryError error={mail.error} onRetry={() => void mail.refetch()} /> : null}
      {mail.data ? (
        <Stack gap="sm" data-testid="mail-message">
          <Table variant="vertical" withTableBorder>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={120}>{t('mail.message.to')}</Table.Th>
                <Table.Td>{mail.data.to}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('mail.message.subject')}</Table.Th>
                <Table.Td>{mail.data.subject}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('mail.message.locale')}</Table.Th>
                <Table.Td>{t(`mail.locales.${mail.data.locale}`)}</Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Th>{t('mail.message.kind')}</Table.Th>
                <Table.Td>
                  <Code>{mail.data.kind}</Code>
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Tabs defaultValue="html" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="html">{t('mail.message.html')}</Tabs.Tab>
              <Tabs.Tab value="text">{t('mail.message.text')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="html" pt="sm">
              <Text size="xs" c="dimmed" mb={4}>
                {t('mail.message.htmlNote')}
              </Text>
              {/* sandbox="" : no scripts, no forms, no navigation, an opaque origin. */}
              <iframe
                title={t('mail.message.htmlFrame')}
                sandbox=""
                srcDoc={mail.data.html}
                style={{ width: '100%', height: 480, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, background: 'white' }}
                data-testid="mail-html"
              />
            </Tabs.Panel>
            <Tabs.Panel value="text" pt="sm">
              <Code block data-testid="mail-text" style={{ whiteSpace: 'pre-wrap' }}>
                {mail.data.text}
              </Code>
            </Tabs.Panel>
          </Tabs>
        </Stack>
      ) : null}
    </Drawer>
  );
}
