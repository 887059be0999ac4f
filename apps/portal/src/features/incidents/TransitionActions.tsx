import { INCIDENT_STATUSES, INCIDENT_TRANSITIONS, type IncidentStatus, REASON_MAX, type TransitionNeeds, formatMxDateTime } from '@anc/domain';
import { Alert, Button, Group, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/index.ts';
import { errorCode, errorMessage, readApiError } from '../../lib/errors.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeIncident } from './cache.ts';
import { statusLabel } from './labels.tsx';
import type { IncidentDetail } from './types.ts';

/** What a step needs (a reason, a merge target), from the domain's transition table. */
function needsOf(from: IncidentStatus, to: IncidentStatus): TransitionNeeds | undefined {
  const row: Partial<Record<IncidentStatus, { by: readonly string[]; needs?: TransitionNeeds }>> = INCIDENT_TRANSITIONS[from];
  return row[to]?.needs;
}

const isReopen = (from: IncidentStatus, to: IncidentStatus) => (from === 'resolved' || from === 'closed') && to === 'investigating';

/** The words of a step's button: "Reabrir" is the same target as "Iniciar investigación", said differently. */
const actionKey = (from: IncidentStatus, to: IncidentStatus) => (isReopen(from, to) ? 'reopen' : to);

// Live statuses an incident may be merged into.
const MERGE_TARGET_STATUSES = INCIDENT_STATUSES.filter((s) => s !== 'merged' && s !== 'rejected');

/** One button per status the caller may move the incident to now; nothing when there are none. */
export function TransitionActions({ incident, onConflict }: { incident: IncidentDetail; onConflict: () => void }) {
  const { t } = useTranslation();
  const [target, setTarget] = useState<IncidentStatus | null>(null);
  if (incident.allowedTransitions.length === 0) return null;
  return (
    <Paper p="md" data-testid="incident-transitions">
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Text size="sm" fw={600}>
          {t('incidents.detail.transitions.title')}
        </Text>
        <Group gap="xs" wrap="wrap">
          {incident.allowedTransitions.map((to) => {
            const key = actionKey(incident.status, to);
            const danger = to === 'rejected';
            const secondary = to === 'merged' || to === 'rejected' || isReopen(incident.status, to);
            return (
              <Button
                key={to}
                size="sm"
                variant={secondary ? 'default' : 'filled'}
                color={danger ? 'red' : undefined}
                c={danger ? 'red.8' : undefined}
                onClick={() => setTarget(to)}
                data-testid={`transition-${to}`}
              >
                {t(`incidents.detail.transitions.actions.${key}`)}
              </Button>
            );
          })}
        </Group>
      </Group>
      <TransitionModal
        key={target ?? 'none'}
        incident={incident}
        to={target}
        onClose={() => setTarget(null)}
        onConflict={() => {
          setTarget(null);
          onConflict();
        }}
      />
    </Paper>
  );
}

function TransitionModal({
  incident,
  to,
  onClose,
  onConflict,
}: {
  incident: IncidentDetail;
  to: IncidentStatus | null;
  onClose: () => void;
  onConflict: () => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const needs = to ? needsOf(incident.status, to) : undefined;
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [mergeIntoId, setMergeIntoId] = useState<string | null>(null);
  const [mergeError, setMergeError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const transition = useMutation(
    trpc.incidents.transition.mutationOptions({
      onSuccess: (detail) => {
        storeIncident(detail);
        notify(t('incidents.detail.transitions.done', { status: statusLabel(detail.status, locale) }));
        onClose();
      },
      onError: (error) => {
        if (errorCode(error) === 'CONFLICT') {
          notify(t('incidents.detail.conflictTitle'), 'error');
          onConflict();
          return;
        }
        const info = readApiError(error);
        setReasonError(info.fieldErrors.reason?.join(' ') ?? null);
        setMergeError(info.fieldErrors.mergeIntoId?.join(' ') ?? null);
        setFormError(info.fieldErrors.reason || info.fieldErrors.mergeIntoId ? null : errorMessage(error, t));
      },
    }),
  );

  if (!to) return null;
  const key = actionKey(incident.status, to);
  const reasonRequired = needs === 'reason';

  const submit = () => {
    setFormError(null);
    const trimmed = reason.trim();
    const missingReason = reasonRequired && !trimmed;
    const missingTarget = needs === 'mergeInto' && !mergeIntoId;
    setReasonError(missingReason ? t('incidents.detail.transitions.reasonRequired') : null);
    setMergeError(missingTarget ? t('incidents.detail.transitions.mergeTargetRequired') : null);
    if (missingReason || missingTarget) return;
    transition.mutate({
      id: incident.id,
      version: incident.version,
      to,
      reason: trimmed || undefined,
      mergeIntoId: needs === 'mergeInto' ? (mergeIntoId ?? undefined) : undefined,
    });
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t(`incidents.detail.transitions.titles.${key}`, { reference: incident.reference })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      <form
        noValidate
        data-testid="transition-form"
        data-to={to}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            {t('incidents.detail.transitions.explain', { from: statusLabel(incident.status, locale), to: statusLabel(to, locale) })}
          </Text>
          {formError ? (
            <Alert color="red" variant="light" role="alert" data-testid="transition-error">
              {formError}
            </Alert>
          ) : null}
          {needs === 'mergeInto' ? (
            <MergeTargetSelect incident={incident} value={mergeIntoId} onChange={setMergeIntoId} error={mergeError} />
          ) : null}
          <Textarea
            label={reasonRequired ? t('incidents.detail.transitions.reason') : t('incidents.detail.transitions.note')}
            description={reasonRequired ? t(`incidents.detail.transitions.reasonHint.${key === 'reopen' ? 'reopen' : 'rejected'}`) : t('incidents.detail.transitions.noteHint')}
            withAsterisk={reasonRequired}
            autosize
            minRows={3}
            maxRows={10}
            maxLength={REASON_MAX}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={reasonError}
            data-autofocus={needs !== 'mergeInto' ? true : undefined}
            data-testid="transition-reason"
          />
          <Text size="xs" c="dimmed">
            {t('incidents.detail.transitions.versionNote', { date: formatMxDateTime(incident.updatedAt, locale) })}
          </Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={to === 'rejected' ? 'red' : undefined} loading={transition.isPending} data-testid="transition-submit">
              {t(`incidents.detail.transitions.actions.${key}`)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The incident to merge into, found by reference or words through the same search as the list. */
function MergeTargetSelect({
  incident,
  value,
  onChange,
  error,
}: {
  incident: IncidentDetail;
  value: string | null;
  onChange: (id: string | null) => void;
  error: string | null;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 300);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const candidates = useQuery(
    trpc.incidents.list.queryOptions({
      q: query && query !== chosen?.label ? query : undefined,
      status: [...MERGE_TARGET_STATUSES],
      limit: 20,
    }),
  );
  const options = [
    ...(chosen ? [chosen] : []),
    ...(candidates.data?.items ?? [])
      .filter((c) => c.id !== incident.id && c.id !== chosen?.value)
      .map((c) => ({ value: c.id, label: `${c.reference} — ${c.title}` })),
  ];
  return (
    <Select
      label={t('incidents.detail.transitions.mergeTarget')}
      description={t('incidents.detail.transitions.mergeTargetHint')}
      placeholder={t('incidents.detail.transitions.mergeTargetPlaceholder')}
      data={options}
      value={value}
      onChange={(id, option) => {
        setChosen(id && option ? { value: id, label: option.label } : null);
        onChange(id);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server already searched.
      filter={({ options: all }) => all}
      clearable
      withAsterisk
      nothingFoundMessage={candidates.isFetching ? t('common.loading') : t('incidents.detail.transitions.mergeNothingFound')}
      comboboxProps={{ withinPortal: true }}
      error={error}
      data-autofocus
      data-testid="transition-merge-target"
    />
  );
}
