// Administración → Playbooks: one playbook per RSIT class (docs/API.md "Playbooks"). The list,
// and links to the editor (PlaybookEditorPage.tsx).
import { formatMxDateTime } from '@anc/domain';
import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../components/links.tsx';
import { QueryError } from '../../components/QueryError.tsx';
import { useLocale } from '../../i18n/index.ts';
import { trpc } from '../../lib/trpc.ts';
import { rsitClassLabel } from '../incidents/labels.tsx';
import { PlaybookSteps } from './PlaybookSteps.tsx';

export function PlaybooksPanel() {
  const { t } = useTranslation();
  useDocumentTitle(`${t('playbooks.pageTitle')} · ${t('admin.pageTitle')} · ${t('app.short')}`);
  const locale = useLocale();
  const list = useQuery(trpc.playbooks.list.queryOptions({}));
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <Text size="sm" c="dimmed" maw={680}>
          {t('playbooks.intro')}
        </Text>
        <ButtonLink
          to="/admin/playbooks/$playbookId"
          params={{ playbookId: 'nuevo' }}
          leftSection={<IconPlus size={16} aria-hidden />}
          data-testid="playbook-new"
        >
          {t('playbooks.new')}
        </ButtonLink>
      </Group>
      {list.error ? <QueryError error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Skeleton height={160} /> : null}
      {list.isSuccess && items.length === 0 ? (
        <Text size="sm" c="dimmed" data-testid="playbooks-empty">
          {t('playbooks.empty')}
        </Text>
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" aria-label={t('playbooks.tableLabel')} data-testid="playbooks-list">
        {items.map((p) => (
          <Paper key={p.id} p="md" data-testid="playbook-card" data-rsit-class={p.rsitClass}>
            <Stack gap="sm">
              <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Badge variant="light" color="gray" style={{ alignSelf: 'flex-start' }}>
                    {rsitClassLabel(p.rsitClass, locale)}
                  </Badge>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {p.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('playbooks.stepCount', { count: p.steps.length })} · {t('playbooks.columns.updatedAt')} {formatMxDateTime(p.updatedAt, locale)}
                  </Text>
                </Stack>
                <ButtonLink
                  to="/admin/playbooks/$playbookId"
                  params={{ playbookId: p.id }}
                  variant="default"
                  size="xs"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  aria-label={t('playbooks.editLabel', { title: p.title })}
                  style={{ flexShrink: 0 }}
                  data-testid="playbook-edit"
                >
                  {t('common.edit')}
                </ButtonLink>
              </Group>
              <PlaybookSteps steps={p.steps} testId="playbook-card-steps" />
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
