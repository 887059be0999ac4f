/**
 * Bulk triage on the incidents list (coordinators; incidents.bulk, packages/domain/src/incidents/bulk.ts):
 * the selection (ticked rows with the version each showed, or every incident matching the filter,
 * counted by incidents.bulkCount), the action bar, the confirmation with the action's own fields,
 * and the result: what was done and, per incident, why not.
 */
import { BULK_EXPORT_MAX_IDS, type BulkIncidentsInput, type BulkResult, type IncidentFilters, incidentFiltersToSearchParams } from '@anc/domain';
import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Modal, MultiSelect, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconCheck, IconDownload, IconListCheck, IconShare, IconX } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAgencyOptions } from '../../lib/agency-options.ts';
import { errorMessage } from '../../lib/errors.ts';
import { queryClient, trpc } from '../../lib/trpc.ts';
import type { IncidentSummary } from './types.ts';

export interface Picked {
  id: string;
  version: number;
  reference: string;
}

/** Ticked rows, or "all matching the filter". */
export interface BulkSelectionState {
  picked: ReadonlyMap<string, Picked>;
  allMatching: boolean;
}

export const EMPTY_SELECTION: BulkSelectionState = { picked: new Map(), allMatching: false };

export function toggled(selection: BulkSelectionState, rows: readonly IncidentSummary[], on: boolean): BulkSelectionState {
  const picked = new Map(selection.picked);
  for (const row of rows) {
    if (on) picked.set(row.id, { id: row.id, version: row.version, reference: row.reference });
    else picked.delete(row.id);
  }
  return { picked, allMatching: false };
}

/** The header's "select all on page" box. */
export function SelectPageCheckbox({
  rows,
  selection,
  onChange,
}: {
  rows: readonly IncidentSummary[];
  selection: BulkSelectionState;
  onChange: (s: BulkSelectionState) => void;
}) {
  const { t } = useTranslation();
  const on = rows.filter((r) => selection.picked.has(r.id)).length;
  return (
    <Checkbox
      aria-label={t('lists.bulk.selectPage')}
      checked={rows.length > 0 && on === rows.length}
      indeterminate={on > 0 && on < rows.length}
      onChange={(e) => onChange(toggled(selection, rows, e.currentTarget.checked))}
      data-testid="bulk-select-page"
    />
  );
}

export function SelectRowCheckbox({
  row,
  selection,
  onChange,
}: {
  row: IncidentSummary;
  selection: BulkSelectionState;
  onChange: (s: BulkSelectionState) => void;
}) {
  const { t } = useTranslation();
  return (
    <Checkbox
      aria-label={t('lists.bulk.selectRow', { reference: row.reference })}
      checked={selection.allMatching || selection.picked.has(row.id)}
      onChange={(e) => onChange(toggled(selection, [row], e.currentTarget.checked))}
      data-testid="bulk-select-row"
    />
  );
}

type Action = BulkIncidentsInput['action'] | 'export';

export function BulkBar({
  selection,
  rows,
  filters,
  onChange,
}: {
  selection: BulkSelectionState;
  /** The rows loaded now: when every one is ticked, offer all that match the filter. */
  rows: readonly IncidentSummary[];
  filters: IncidentFilters;
  onChange: (s: BulkSelectionState) => void;
}) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState<Action | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const everyRowPicked = rows.length > 0 && rows.every((r) => selection.picked.has(r.id));
  const count = useQuery({ ...trpc.incidents.bulkCount.queryOptions({ filter: filters }), enabled: everyRowPicked || selection.allMatching });
  const size = selection.allMatching ? (count.data?.count ?? 0) : selection.picked.size;
  const showBar = size > 0 || selection.allMatching;

  const selectionInput = selection.allMatching ? { filter: filters } : { items: [...selection.picked.values()].map(({ id, version }) => ({ id, version })) };
  const exportParams = selection.allMatching ? incidentFiltersToSearchParams(filters) : incidentFiltersToSearchParams({ ids: [...selection.picked.keys()] });
  const exportTooMany = !selection.allMatching && selection.picked.size > BULK_EXPORT_MAX_IDS;
  const moreMatch = count.data && !selection.allMatching && everyRowPicked && count.data.count > selection.picked.size;

  return (
    <>
      {showBar ? (
        <Paper
          component="section"
          p="sm"
          withBorder
          aria-label={t('lists.bulk.barLabel')}
          data-testid="bulk-bar"
          style={{ position: 'sticky', top: 64, zIndex: 5 }}
        >
          <Stack gap="xs">
            <Group justify="space-between" gap="xs">
              <Text size="sm" fw={600} aria-live="polite" data-testid="bulk-count">
                {selection.allMatching ? t('lists.bulk.allMatching', { count: size }) : t('lists.bulk.selected', { count: size })}
              </Text>
              <Group gap="xs">
                <Button size="xs" leftSection={<IconListCheck size={14} aria-hidden />} onClick={() => setConfirming('triage')} data-testid="bulk-triage">
                  {t('lists.bulk.triage')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconShare size={14} aria-hidden />}
                  onClick={() => setConfirming('share')}
                  data-testid="bulk-share"
                >
                  {t('lists.bulk.share')}
                </Button>
                <Button size="xs" variant="default" onClick={() => setConfirming('applyPlaybook')} data-testid="bulk-playbook">
                  {t('lists.bulk.applyPlaybook')}
                </Button>
                <Button
                  size="xs"
                  variant="default"
                  component="a"
                  href={`/export/incidents.csv?${exportParams.toString()}`}
                  download
                  leftSection={<IconDownload size={14} aria-hidden />}
                  data-disabled={exportTooMany || undefined}
                  onClick={(e) => exportTooMany && e.preventDefault()}
                  title={exportTooMany ? t('lists.bulk.exportTooMany', { max: BULK_EXPORT_MAX_IDS }) : undefined}
                  data-testid="bulk-export"
                >
                  {t('lists.bulk.export')}
                </Button>
                <Button size="xs" variant="subtle" onClick={() => onChange(EMPTY_SELECTION)} data-testid="bulk-clear">
                  {t('lists.bulk.clear')}
                </Button>
              </Group>
            </Group>
            {moreMatch ? (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => onChange({ picked: selection.picked, allMatching: true })}
                data-testid="bulk-select-all-matching"
              >
                {t('lists.bulk.selectAllMatching', { count: count.data.count })}
              </Anchor>
            ) : null}
            {count.data?.overLimit && (selection.allMatching || everyRowPicked) ? (
              <Text size="xs" c="orange.9">
                {t('lists.bulk.overLimit', { max: count.data.max })}
              </Text>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
      {confirming && confirming !== 'export' ? (
        <ConfirmBulk
          action={confirming}
          size={size}
          selection={selectionInput}
          onClose={() => setConfirming(null)}
          onDone={(answer) => {
            setConfirming(null);
            setResult(answer);
            onChange(EMPTY_SELECTION);
            void queryClient.invalidateQueries(trpc.incidents.list.pathFilter());
            void queryClient.invalidateQueries(trpc.incidents.bulkCount.pathFilter());
          }}
        />
      ) : null}
      <ResultDialog result={result} onClose={() => setResult(null)} />
    </>
  );
}

function ConfirmBulk({
  action,
  size,
  selection,
  onClose,
  onDone,
}: {
  action: BulkIncidentsInput['action'];
  size: number;
  selection: { filter: IncidentFilters } | { items: { id: string; version: number }[] };
  onClose: () => void;
  onDone: (result: BulkResult) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [agencyIds, setAgencyIds] = useState<string[]>([]);
  const [allAgencies, setAllAgencies] = useState(false);
  const [playbookId, setPlaybookId] = useState<string | null>(null);
  const agencies = useAgencyOptions({ enabled: action === 'share', where: (a) => a.active && a.kind !== 'national_agency' });
  const playbooks = useQuery({ ...trpc.playbooks.list.queryOptions(undefined), enabled: action === 'applyPlaybook' });
  const run = useMutation(trpc.incidents.bulk.mutationOptions({ onSuccess: onDone }));
  const ready = action === 'triage' || (action === 'share' && (allAgencies || agencyIds.length > 0)) || (action === 'applyPlaybook' && playbookId !== null);
  const title = {
    triage: t('lists.bulk.confirm.triageTitle'),
    share: t('lists.bulk.confirm.shareTitle'),
    applyPlaybook: t('lists.bulk.confirm.playbookTitle'),
  }[action];
  const body = {
    triage: t('lists.bulk.confirm.triageBody', { count: size }),
    share: t('lists.bulk.confirm.shareBody', { count: size }),
    applyPlaybook: t('lists.bulk.confirm.playbookBody', { count: size }),
  }[action];

  return (
    <Modal opened onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }} data-testid="bulk-confirm">
      <Stack gap="md">
        <Text size="sm">{body}</Text>
        {action === 'triage' ? (
          <Textarea
            label={t('lists.bulk.confirm.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            maxLength={2000}
            autosize
            minRows={2}
          />
        ) : null}
        {action === 'share' ? (
          <>
            <MultiSelect
              label={t('lists.bulk.confirm.agencies')}
              placeholder={t('lists.bulk.confirm.agenciesPlaceholder')}
              data={agencies.options}
              value={agencyIds}
              onChange={setAgencyIds}
              searchable
              disabled={allAgencies}
              comboboxProps={{ withinPortal: true }}
              data-testid="bulk-share-agencies"
            />
            <Checkbox label={t('lists.bulk.confirm.allAgencies')} checked={allAgencies} onChange={(e) => setAllAgencies(e.currentTarget.checked)} />
          </>
        ) : null}
        {action === 'applyPlaybook' ? (
          <Select
            label={t('lists.bulk.confirm.playbook')}
            placeholder={t('lists.bulk.confirm.playbookPlaceholder')}
            data={(playbooks.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))}
            value={playbookId}
            onChange={setPlaybookId}
            comboboxProps={{ withinPortal: true }}
            data-testid="bulk-playbook-select"
          />
        ) : null}
        {run.error ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(run.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!ready}
            loading={run.isPending}
            onClick={() =>
              run.mutate({
                action,
                ...selection,
                ...(action === 'triage' && reason.trim() ? { reason: reason.trim() } : {}),
                ...(action === 'share' ? { agencyIds: allAgencies ? [] : agencyIds, allAgencies } : {}),
                ...(action === 'applyPlaybook' && playbookId ? { playbookId } : {}),
              })
            }
            data-testid="bulk-confirm-go"
          >
            {t('lists.bulk.confirm.go', { count: size })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ResultDialog({ result, onClose }: { result: BulkResult | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ok = result?.items.filter((i) => i.ok) ?? [];
  const failed = result?.items.filter((i) => !i.ok) ?? [];
  return (
    <Modal opened={result !== null} onClose={onClose} title={t('lists.bulk.result.title')} size="lg" closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="md" data-testid="bulk-result">
        <Text size="sm" fw={600} data-testid="bulk-result-summary">
          {t('lists.bulk.result.summary', { ok: result?.succeeded ?? 0, total: result?.total ?? 0 })}
        </Text>
        {ok.length ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('lists.bulk.result.succeeded')}
            </Text>
            <List size="sm" spacing={2} icon={<IconCheck size={14} color="var(--mantine-color-green-7)" aria-hidden />}>
              {ok.map((i) => (
                <List.Item key={i.id} data-testid="bulk-result-ok" ff="monospace">
                  {i.reference ?? t('lists.bulk.result.unnamed')}
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        {failed.length ? (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('lists.bulk.result.failed')}
            </Text>
            <List size="sm" spacing={6} icon={<IconX size={14} color="var(--mantine-color-red-7)" aria-hidden />}>
              {failed.map((i) => (
                <List.Item key={i.id} data-testid="bulk-result-failed" data-reason={i.reason}>
                  <Group gap={6} wrap="wrap">
                    <Text span size="sm" ff="monospace">
                      {i.reference ?? t('lists.bulk.result.unnamed')}
                    </Text>
                    {i.reason ? (
                      <Badge size="sm" variant="light" color="red">
                        {t(`lists.bulk.result.reasons.${i.reason}`)}
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {i.message}
                  </Text>
                </List.Item>
              ))}
            </List>
          </Stack>
        ) : null}
        <Group justify="flex-end">
          <Button onClick={onClose} data-testid="bulk-result-close">
            {t('lists.bulk.result.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
