import type { AgencyDto } from '@anc/domain';
import { ActionIcon, Badge, Button, Group, Input, Paper, SegmentedControl, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../lib/notify.ts';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TableStatusRows } from '../../components/TableStatusRows.tsx';
import { useLocale } from '../../i18n/index.ts';
import { errorMessage } from '../../lib/errors.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';
import { AgencyFormModal, type AgencyFormTarget } from './AgencyFormModal.tsx';

type StatusFilter = 'all' | 'active' | 'inactive';

const normalize = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export function AgenciesPanel() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('agencies.pageTitle')} · ${t('admin.pageTitle')} · ${t('app.short')}`);
  const locale = useLocale();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [formTarget, setFormTarget] = useState<AgencyFormTarget | null>(null);
  const [toggleTarget, setToggleTarget] = useState<AgencyDto | null>(null);
  const agencies = useQuery(trpc.agencies.list.queryOptions({ includeInactive: true }));

  const setActive = useMutation(
    trpc.admin.agencies.setActive.mutationOptions({
      onSuccess: (agency) => {
        void queryClient.invalidateQueries(trpc.agencies.list.pathFilter());
        notify(t(agency.active ? 'agencies.activated' : 'agencies.deactivated', { code: agency.code }));
        setToggleTarget(null);
      },
    }),
  );

  const rows = useMemo(() => {
    const needle = normalize(search.trim());
    return (agencies.data?.items ?? [])
      .filter((a) => (status === 'all' ? true : status === 'active' ? a.active : !a.active))
      .filter((a) => !needle || [a.code, a.name, a.nameEn].some((field) => normalize(field).includes(needle)))
      .toSorted((a, b) => a.code.localeCompare(b.code));
  }, [agencies.data, search, status]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Text size="sm" c="dimmed" maw={640}>
          {t('agencies.intro')}
        </Text>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setFormTarget({ mode: 'create' })} data-testid="agency-new">
          {t('agencies.new')}
        </Button>
      </Group>

      <Paper p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <TextInput
            label={t('agencies.search')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={{ base: '100%', sm: 320 }}
            type="search"
          />
          <Input.Wrapper label={t('agencies.statusFilter')} labelElement="div" id="agency-status">
            <SegmentedControl
              display="flex"
              aria-labelledby="agency-status-label"
              value={status}
              onChange={(value) => setStatus(value === 'active' || value === 'inactive' ? value : 'all')}
              data={[
                { value: 'all', label: t('agencies.statusAll') },
                { value: 'active', label: t('agencies.statusActive') },
                { value: 'inactive', label: t('agencies.statusInactive') },
              ]}
            />
          </Input.Wrapper>
          {agencies.data ? (
            <Text size="sm" c="dimmed" ml="auto" aria-live="polite">
              {t('agencies.count', { count: rows.length })}
            </Text>
          ) : null}
        </Group>
      </Paper>

      {agencies.error ? <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} /> : null}

      <Paper p={0}>
        <Table.ScrollContainer minWidth={860}>
          <Table aria-label={t('agencies.tableLabel')} data-testid="agencies-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('agencies.columns.code')}</Table.Th>
                <Table.Th scope="col">{t('agencies.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('agencies.columns.kind')}</Table.Th>
                <Table.Th scope="col">{t('agencies.columns.sector')}</Table.Th>
                <Table.Th scope="col">{t('agencies.columns.status')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('agencies.columns.users')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('common.actions')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableStatusRows loading={agencies.isPending} empty={Boolean(agencies.data) && rows.length === 0} columns={7} emptyText={t('agencies.empty')} />
              {rows.map((agency) => {
                const locked = agency.kind === 'national_agency';
                return (
                  <Table.Tr key={agency.id} data-testid={`agency-row-${agency.code}`}>
                    <Table.Td>
                      <Text ff="monospace" fw={700} size="sm">
                        {agency.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {locale === 'en' ? agency.nameEn : agency.name}
                      </Text>
                      <Text size="xs" c="dimmed" lang={locale === 'en' ? 'es-MX' : 'en'}>
                        {locale === 'en' ? agency.name : agency.nameEn}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`agencyKinds.${agency.kind}`)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{agency.sector ? t(`sectors.${agency.sector}`) : t('common.none')}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={agency.active ? 'green' : 'gray'} variant="light">
                        {agency.active ? t('common.active') : t('common.inactive')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm">{agency.userCount}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end" wrap="nowrap">
                        <Tooltip label={`${t('common.edit')} ${agency.code}`} withinPortal>
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={`${t('common.edit')} ${agency.code}`}
                            onClick={() => setFormTarget({ mode: 'edit', agency })}
                            data-testid={`agency-edit-${agency.code}`}
                          >
                            <IconPencil size={18} aria-hidden />
                          </ActionIcon>
                        </Tooltip>
                        <Tooltip label={t('agencies.ancLocked')} disabled={!locked} withinPortal>
                          <Button
                            size="compact-sm"
                            variant={agency.active ? 'default' : 'light'}
                            data-disabled={locked || undefined}
                            aria-disabled={locked || undefined}
                            aria-label={`${agency.active ? t('agencies.deactivate') : t('agencies.activate')} ${agency.code}`}
                            data-testid={`agency-toggle-${agency.code}`}
                            onClick={(event) => {
                              // Stays focusable with a tooltip that says why it cannot be used.
                              if (locked) return event.preventDefault();
                              setActive.reset();
                              setToggleTarget(agency);
                            }}
                          >
                            {agency.active ? t('agencies.deactivate') : t('agencies.activate')}
                          </Button>
                        </Tooltip>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      <AgencyFormModal target={formTarget} onClose={() => setFormTarget(null)} />
      <ConfirmDialog
        opened={toggleTarget !== null}
        title={toggleTarget ? t(toggleTarget.active ? 'agencies.confirmDeactivateTitle' : 'agencies.confirmActivateTitle', { code: toggleTarget.code }) : ''}
        body={
          toggleTarget
            ? t(toggleTarget.active ? 'agencies.confirmDeactivateBody' : 'agencies.confirmActivateBody', {
                name: locale === 'en' ? toggleTarget.nameEn : toggleTarget.name,
              })
            : ''
        }
        confirmLabel={toggleTarget?.active ? t('agencies.deactivate') : t('agencies.activate')}
        danger={toggleTarget?.active}
        loading={setActive.isPending}
        error={setActive.error ? errorMessage(setActive.error, t) : null}
        onConfirm={() => toggleTarget && setActive.mutate({ id: toggleTarget.id, active: !toggleTarget.active })}
        onClose={() => setToggleTarget(null)}
      />
    </Stack>
  );
}
