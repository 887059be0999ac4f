// Administración → Integraciones: the API clients of agencies' SIEM/SOAR tools (docs/API.md
// "Callers that are not a browser"). An admin creates one and sees its token once; the list shows
// only its prefix; revoking asks first.
import { API_SCOPES, type ApiClientDto, type ApiClientStatus, formatMxDateTime } from '@anc/domain';
import { ActionIcon, Badge, Button, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlugConnected, IconPlugConnectedX } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TableStatusRows } from '../../components/TableStatusRows.tsx';
import { agencyName, useLocale } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { ApiClientFormModal, SCOPE_KEYS } from './ApiClientFormModal.tsx';

const STATUS_COLORS: Record<ApiClientStatus, string> = { active: 'green', expired: 'orange', revoked: 'gray' };

export function ApiClientsPanel() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('apiClients.pageTitle')} · ${t('admin.pageTitle')} · ${t('app.short')}`);
  const locale = useLocale();
  const [creating, setCreating] = useState(false);
  const [revokeTarget, setRevokeTarget] = useState<ApiClientDto | null>(null);
  const clients = useQuery(trpc.apiClients.list.queryOptions({}));
  const items = clients.data?.items ?? [];

  const revoke = useMutation(
    trpc.apiClients.revoke.mutationOptions({
      onSuccess: (client) => {
        void queryClient.invalidateQueries(trpc.apiClients.list.pathFilter());
        notify(t('apiClients.revoked', { name: client.name }));
        setRevokeTarget(null);
      },
    }),
  );

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Text size="sm" c="dimmed" maw={680}>
          {t('apiClients.intro')}
        </Text>
        <Button leftSection={<IconPlugConnected size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="api-client-new">
          {t('apiClients.new')}
        </Button>
      </Group>

      {clients.error ? <QueryError error={clients.error} onRetry={() => void clients.refetch()} /> : null}

      <Paper p={0}>
        {/* Focusable, so the keyboard can scroll it sideways when no row holds a control (axe scrollable-region-focusable). */}
        <Table.ScrollContainer minWidth={1040} scrollAreaProps={{ viewportProps: { tabIndex: 0 } }}>
          <Table aria-label={t('apiClients.tableLabel')} data-testid="api-clients-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('apiClients.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('apiClients.columns.agency')}</Table.Th>
                <Table.Th scope="col">{t('apiClients.columns.scopes')}</Table.Th>
                <Table.Th scope="col">{t('apiClients.columns.prefix')}</Table.Th>
                <Table.Th scope="col">{t('apiClients.columns.createdAt')}</Table.Th>
                <Table.Th scope="col">{t('apiClients.columns.lastUsedAt')}</Table.Th>
                <Table.Th scope="col">{t('apiClients.columns.expiresAt')}</Table.Th>
                <Table.Th scope="col">{t('apiClients.columns.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('common.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableStatusRows loading={clients.isPending} empty={Boolean(clients.data) && items.length === 0} columns={9} emptyText={t('apiClients.empty')} />
              {items.map((client) => (
                <Table.Tr key={client.id} data-testid="api-client-row" data-status={client.status}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {client.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" fw={600}>
                      {client.agency.code}
                    </Text>
                    <Text size="xs" c="dimmed" lineClamp={1} maw={220}>
                      {agencyName(client.agency, locale)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} maw={260}>
                      {API_SCOPES.filter((s) => client.scopes.includes(s)).map((scope) => (
                        <Badge key={scope} variant="light" color="blue" size="sm" tt="none">
                          {t(`apiClients.scopes.${SCOPE_KEYS[scope]}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace" data-testid="api-client-prefix">
                      {client.prefix}…
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{formatMxDateTime(client.createdAt, locale)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{client.lastUsedAt ? formatMxDateTime(client.lastUsedAt, locale) : t('apiClients.never')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{client.expiresAt ? formatMxDateTime(client.expiresAt, locale) : t('apiClients.noExpiry')}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="dot" color={STATUS_COLORS[client.status]} data-testid="api-client-status">
                      {t(`apiClients.status.${client.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Group justify="flex-end" wrap="nowrap">
                      {client.status === 'revoked' ? null : (
                        <Tooltip label={t('apiClients.revokeAction')} withinPortal>
                          <ActionIcon
                            variant="subtle"
                            color="red"
                            aria-label={t('apiClients.revokeFor', { name: client.name })}
                            data-testid="api-client-revoke"
                            onClick={() => {
                              revoke.reset();
                              setRevokeTarget(client);
                            }}
                          >
                            <IconPlugConnectedX size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <ApiClientFormModal opened={creating} onClose={() => setCreating(false)} />
      <ConfirmDialog
        opened={revokeTarget !== null}
        title={revokeTarget ? t('apiClients.confirmRevokeTitle', { name: revokeTarget.name }) : ''}
        body={revokeTarget ? t('apiClients.confirmRevokeBody', { prefix: revokeTarget.prefix }) : ''}
        confirmLabel={t('apiClients.revokeAction')}
        danger
        loading={revoke.isPending}
        error={revoke.error ? errorMessage(revoke.error, t) : null}
        onConfirm={() => revokeTarget && revoke.mutate({ id: revokeTarget.id })}
        onClose={() => setRevokeTarget(null)}
      />
    </Stack>
  );
}
