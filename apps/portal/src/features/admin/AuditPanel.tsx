import type { AppRouter } from '@anc/api';
import { AUDIT_ENTITY_TYPES, formatMxDateTime, isAuditEntityType } from '@anc/domain';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Code,
  Collapse,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconChevronDown, IconFilter, IconFilterOff, IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CodeLink } from '../../components/links.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { TableStatusRows } from '../../components/TableStatusRows.tsx';
import { useLocale } from '../../i18n/index.ts';
import { useCurrentUser } from '../../lib/session.ts';
import { trpc } from '../../lib/trpc.ts';
import { auditActionLabelKey, auditEntityLink } from './audit-labels.ts';

type AuditEvent = inferRouterOutputs<AppRouter>['admin']['audit']['list']['items'][number];

interface ActorChoice {
  value: string;
  label: string;
}

export function AuditPanel() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('audit.pageTitle')} · ${t('admin.pageTitle')} · ${t('app.short')}`);
  const locale = useLocale();
  const [entityType, setEntityType] = useState<string | null>(null);
  const [entityIdText, setEntityIdText] = useState('');
  const [entityId] = useDebouncedValue(entityIdText.trim(), 300);
  const [actor, setActor] = useState<ActorChoice | null>(null);
  const [actorSearch, setActorSearch] = useState('');
  const [actorQuery] = useDebouncedValue(actorSearch.trim(), 250);
  const [expanded, setExpanded] = useState<string | null>(null);

  const actorCandidates = useQuery(trpc.admin.users.list.queryOptions({ q: actorQuery && actorQuery !== actor?.label ? actorQuery : undefined, limit: 20 }));
  const actorOptions: ActorChoice[] = [
    ...(actor ? [actor] : []),
    ...(actorCandidates.data?.items ?? []).filter((u) => u.id !== actor?.value).map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` })),
  ];

  const events = useInfiniteQuery(
    trpc.admin.audit.list.infiniteQueryOptions(
      { entityType: entityType ?? undefined, entityId: entityId || undefined, actorId: actor?.value },
      { getNextPageParam: (page) => page.nextCursor ?? undefined },
    ),
  );
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(entityType || entityId || actor);

  const verify = useQuery({ ...trpc.admin.audit.verify.queryOptions(), enabled: false, staleTime: 0, retry: false });

  const entityLabel = (type: string) => (isAuditEntityType(type) ? t(`auditLog.entityTypes.${type}`) : type);

  const clearFilters = () => {
    setEntityType(null);
    setEntityIdText('');
    setActor(null);
    setActorSearch('');
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Text size="sm" c="dimmed" maw={680}>
          {t('audit.intro')}
        </Text>
        <Button
          leftSection={<IconShieldCheck size={16} aria-hidden />}
          onClick={() => void verify.refetch()}
          loading={verify.isFetching}
          data-testid="audit-verify"
        >
          {t('audit.verify')}
        </Button>
      </Group>

      {verify.error ? <QueryError error={verify.error} onRetry={() => void verify.refetch()} /> : null}
      {verify.data && !verify.isFetching ? (
        <Alert
          color={verify.data.ok ? 'green' : 'red'}
          variant="light"
          icon={verify.data.ok ? <IconShieldCheck aria-hidden /> : <IconShieldX aria-hidden />}
          title={verify.data.ok ? t('audit.verifyOkTitle') : t('audit.verifyBrokenTitle')}
          data-testid="audit-verify-result"
        >
          <Stack gap={4}>
            <Text size="sm">
              {verify.data.ok
                ? t('audit.verifyOk', { count: verify.data.checked })
                : verify.data.firstBrokenSeq !== null
                  ? t('audit.verifyBroken', { seq: verify.data.firstBrokenSeq, checked: verify.data.checked })
                  : t('audit.verifyBrokenNoSeq', { checked: verify.data.checked })}
            </Text>
            {verify.data.unsealed > 0 ? <Text size="sm">{t('audit.verifyUnsealed', { count: verify.data.unsealed })}</Text> : null}
            <Text size="xs" c="dimmed">
              {t('audit.verifiedAt', { time: formatMxDateTime(new Date(verify.dataUpdatedAt), locale) })}
            </Text>
          </Stack>
        </Alert>
      ) : null}

      <Paper p="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <Select
            label={t('audit.filterEntityType')}
            placeholder={t('audit.filterEntityTypeAll')}
            data={AUDIT_ENTITY_TYPES.map((type) => ({ value: type, label: t(`auditLog.entityTypes.${type}`) }))}
            value={entityType}
            onChange={setEntityType}
            clearable
            data-testid="audit-filter-entity-type"
            w={{ base: '100%', sm: 220 }}
          />
          <TextInput
            label={t('audit.filterEntityId')}
            value={entityIdText}
            onChange={(e) => setEntityIdText(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            maxLength={100}
            w={{ base: '100%', sm: 320 }}
          />
          <Select
            label={t('audit.filterActor')}
            placeholder={t('audit.filterActorAll')}
            description={t('audit.filterActorSearch')}
            data={actorOptions}
            value={actor?.value ?? null}
            onChange={(value, option) => setActor(value && option ? { value, label: option.label } : null)}
            searchable
            searchValue={actorSearch}
            onSearchChange={setActorSearch}
            // The server already filtered by the search text.
            filter={({ options }) => options}
            clearable
            nothingFoundMessage={actorCandidates.isFetching ? t('common.loading') : t('audit.noActorFound')}
            w={{ base: '100%', sm: 340 }}
          />
          {filtered ? (
            <Button variant="subtle" color="gray" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clearFilters}>
              {t('common.clearFilters')}
            </Button>
          ) : null}
        </Group>
      </Paper>

      {events.error ? <QueryError error={events.error} onRetry={() => void events.refetch()} /> : null}

      <Paper p={0}>
        <Table.ScrollContainer minWidth={960}>
          <Table aria-label={t('audit.tableLabel')} data-testid="audit-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w={70}>
                  {t('audit.columns.seq')}
                </Table.Th>
                <Table.Th scope="col">{t('audit.columns.time')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.actor')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.action')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.entity')}</Table.Th>
                <Table.Th scope="col">{t('audit.columns.seal')}</Table.Th>
                <Table.Th scope="col" w={60}>
                  <VisuallyHidden>{t('audit.showDetails')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <TableStatusRows loading={events.isPending} empty={Boolean(events.data) && items.length === 0} columns={7} emptyText={t('audit.empty')} />
              {items.map((event) => (
                <AuditRow
                  key={event.id}
                  event={event}
                  expanded={expanded === event.id}
                  onToggle={() => setExpanded((current) => (current === event.id ? null : event.id))}
                  entityLabel={entityLabel(event.entityType)}
                  onFilterEntity={() => {
                    setEntityType(event.entityType);
                    setEntityIdText(event.entityId);
                  }}
                />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>

      {events.data ? (
        <Group justify="space-between" align="center">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('audit.shown', { count: items.length })}
          </Text>
          {events.hasNextPage ? (
            <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          ) : items.length > 0 ? (
            <Text size="sm" c="dimmed">
              {t('common.noMore')}
            </Text>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

function AuditRow({
  event,
  expanded,
  onToggle,
  entityLabel,
  onFilterEntity,
}: {
  event: AuditEvent;
  expanded: boolean;
  onToggle: () => void;
  entityLabel: string;
  onFilterEntity: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const me = useCurrentUser();
  const detailsId = `audit-details-${event.id}`;
  const actionKey = auditActionLabelKey(event.action);
  const link = auditEntityLink(me.role, event.entityType, event.entityId, event.entityName);
  return (
    <Fragment>
      <Table.Tr data-testid="audit-row">
        <Table.Td>
          <Text size="sm" ff="monospace">
            {event.seq ?? '—'}
          </Text>
        </Table.Td>
        <Table.Td>
          <Text size="sm">{formatMxDateTime(event.occurredAt, locale)}</Text>
        </Table.Td>
        <Table.Td>
          {event.actor ? (
            <>
              <Text size="sm" fw={500}>
                {event.actor.name}
              </Text>
              <Text size="xs" c="dimmed">
                {event.actor.email}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('audit.system')}
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          {actionKey ? (
            <Text size="sm" data-testid="audit-action-label">
              {t(actionKey)}
            </Text>
          ) : null}
          <Code fz="xs">{event.action}</Code>
        </Table.Td>
        <Table.Td>
          <Group gap={6} wrap="nowrap">
            <div>
              <Text size="sm" data-testid="audit-entity-type">
                {entityLabel}
              </Text>
              {link ? (
                // The entity's page, named as people name it (a reference, a code, a name).
                <CodeLink
                  {...link}
                  aria-label={t('auditLog.open', { entity: entityLabel, name: event.entityName })}
                  data-testid="audit-entity-link"
                  maw={220}
                  style={{ overflow: 'hidden', textOverflow: 'ellipsis', display: 'block' }}
                >
                  {event.entityName}
                </CodeLink>
              ) : event.entityName ? (
                <Text size="sm" fw={500} maw={220} truncate title={event.entityId}>
                  {event.entityName}
                </Text>
              ) : (
                <Text size="xs" c="dimmed" ff="monospace" maw={220} truncate title={event.entityId}>
                  {event.entityId}
                </Text>
              )}
            </div>
            <Tooltip label={t('audit.filterByEntity')} withinPortal>
              <ActionIcon
                variant="subtle"
                color="gray"
                size="sm"
                aria-label={`${t('audit.filterByEntity')}: ${entityLabel} ${event.entityId}`}
                onClick={onFilterEntity}
              >
                <IconFilter size={14} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Table.Td>
        <Table.Td>
          <Badge variant="light" color={event.sealed ? 'green' : 'yellow'}>
            {event.sealed ? t('audit.sealed') : t('audit.unsealed')}
          </Badge>
        </Table.Td>
        <Table.Td>
          <Tooltip label={expanded ? t('audit.hideDetails') : t('audit.showDetails')} withinPortal>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={expanded ? t('audit.hideDetails') : t('audit.showDetails')}
              aria-expanded={expanded}
              aria-controls={detailsId}
              onClick={onToggle}
            >
              <IconChevronDown size={18} aria-hidden style={{ transform: expanded ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }} />
            </ActionIcon>
          </Tooltip>
        </Table.Td>
      </Table.Tr>
      <Table.Tr id={detailsId} style={{ display: expanded ? undefined : 'none' }}>
        <Table.Td colSpan={7} bg="gray.0">
          <Collapse expanded={expanded}>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" py="xs" aria-label={t('audit.detailsOf', { id: event.id })}>
              <div>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
                  {t('audit.diff')}
                </Text>
                <Code block>{JSON.stringify(event.diff, null, 2)}</Code>
              </div>
              <div>
                <Text size="xs" fw={700} tt="uppercase" c="dimmed" mb={4}>
                  {t('audit.origin')}
                </Text>
                <Code block>{JSON.stringify(event.origin, null, 2)}</Code>
              </div>
            </SimpleGrid>
          </Collapse>
        </Table.Td>
      </Table.Tr>
    </Fragment>
  );
}
