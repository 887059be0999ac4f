import {
  INCIDENT_STATUSES,
  INCIDENT_TRANSITIONS,
  type IncidentStatus,
  NoteVisibilityInput,
  REASON_MAX,
  type TransitionNeeds,
  formatMxDateTime,
} from '@anc/domain';
import { Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StepDialog, StepsPanel, useStepForm } from '../../components/StepDialog.tsx';
import { useLocale } from '../../i18n/index.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { storeIncident } from './cache.ts';
import { useTriagePlaybookProposal } from '../playbooks/TriagePlaybookProposal.tsx';
import { statusLabel } from './labels.tsx';
import { NoteVisibilityField, useNoteVisibilityChoice } from './NoteVisibility.tsx';
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
    <StepsPanel
      testId="incident-transitions"
      title={t('incidents.detail.transitions.title')}
      steps={incident.allowedTransitions.map((to) => ({
        key: to,
        label: t(`incidents.detail.transitions.actions.${actionKey(incident.status, to)}`),
        secondary: to === 'merged' || to === 'rejected' || isReopen(incident.status, to),
        danger: to === 'rejected',
        onClick: () => setTarget(to),
        testId: `transition-${to}`,
      }))}
    >
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
    </StepsPanel>
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
  // Someone else moved it first: the dialog closes and the page says so, showing it as it is now.
  const form = useStepForm({
    fields: ['reason', 'mergeIntoId', 'visibility'],
    onConflict: () => {
      notify(t('incidents.detail.conflictTitle'), 'error');
      onConflict();
    },
  });
  const [mergeIntoId, setMergeIntoId] = useState<string | null>(null);
  // Who reads the reason (domain incidents/visibility.ts); the same schema as the server's input.
  const [visibility, setVisibility] = useState(useNoteVisibilityChoice().initial);
  // Triage proposes the playbook of the incident's class (features/playbooks), applied after the step.
  const playbook = useTriagePlaybookProposal(incident, to === 'triaged');

  const transition = useMutation(
    trpc.incidents.transition.mutationOptions({
      onSuccess: (detail) => {
        storeIncident(detail);
        notify(t('incidents.detail.transitions.done', { status: statusLabel(detail.status, locale) }));
        void playbook.applyAfterTriage();
        onClose();
      },
      onError: form.onError,
    }),
  );

  if (!to) return null;
  const key = actionKey(incident.status, to);
  const reasonRequired = needs === 'reason';

  const submit = () => {
    const reason = form.text.trim();
    const missing = {
      ...(reasonRequired && !reason ? { reason: t('incidents.detail.transitions.reasonRequired') } : {}),
      ...(needs === 'mergeInto' && !mergeIntoId ? { mergeIntoId: t('incidents.detail.transitions.mergeTargetRequired') } : {}),
    };
    if (!form.start(missing)) return;
    transition.mutate({
      id: incident.id,
      version: incident.version,
      to,
      reason: reason || undefined,
      mergeIntoId: needs === 'mergeInto' ? (mergeIntoId ?? undefined) : undefined,
      visibility: reason ? visibility : undefined,
    });
  };

  return (
    <StepDialog
      title={t(`incidents.detail.transitions.titles.${key}`, { reference: incident.reference })}
      onClose={onClose}
      testId="transition"
      data={{ 'data-to': to }}
      explain={t('incidents.detail.transitions.explain', { from: statusLabel(incident.status, locale), to: statusLabel(to, locale) })}
      conflict={false}
      formError={form.formError}
      before={
        needs === 'mergeInto' ? (
          <MergeTargetSelect incident={incident} value={mergeIntoId} onChange={setMergeIntoId} error={form.errors.mergeIntoId ?? null} />
        ) : (
          playbook.node
        )
      }
      text={{
        label: reasonRequired ? t('incidents.detail.transitions.reason') : t('incidents.detail.transitions.note'),
        description: reasonRequired
          ? t(`incidents.detail.transitions.reasonHint.${key === 'reopen' ? 'reopen' : 'rejected'}`)
          : t('incidents.detail.transitions.noteHint'),
        required: reasonRequired,
        minRows: 3,
        maxRows: 10,
        maxLength: REASON_MAX,
        value: form.text,
        onChange: form.setText,
        error: form.errors.reason,
        autofocus: needs !== 'mergeInto',
        testId: 'transition-reason',
      }}
      after={
        <Stack gap="sm">
          <NoteVisibilityField
            label={t('incidents.detail.timeline.visibility.reasonLabel')}
            value={visibility}
            onChange={(value) => {
              const parsed = NoteVisibilityInput.safeParse(value);
              if (parsed.success) setVisibility(parsed.data);
            }}
            error={form.errors.visibility}
            testId="transition-visibility"
          />
          <Text size="xs" c="dimmed">
            {t('incidents.detail.transitions.versionNote', { date: formatMxDateTime(incident.updatedAt, locale) })}
          </Text>
        </Stack>
      }
      submit={{ label: t(`incidents.detail.transitions.actions.${key}`), danger: to === 'rejected', loading: transition.isPending }}
      onSubmit={submit}
    />
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
      // It takes the dialog's focus: the list opens when the person types or clicks, not by itself over "Cancelar".
      openOnFocus={false}
      maxDropdownHeight={240}
      error={error}
      data-autofocus
      data-testid="transition-merge-target"
    />
  );
}
