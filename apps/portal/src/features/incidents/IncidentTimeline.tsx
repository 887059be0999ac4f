import { CommentIncidentInput, INCIDENT_STATUSES, OBSERVABLE_TYPES, REPORT_KINDS, incidentTransitionNeeds } from '@anc/domain';
import { Code, Paper, Stack, Text } from '@mantine/core';
import {
  IconArrowsExchange,
  IconChecklist,
  IconEdit,
  IconEye,
  IconEyeOff,
  IconFileCheck,
  IconFilePlus,
  IconGitMerge,
  IconListCheck,
  IconListDetails,
  IconMessage,
  IconTrash,
  IconUserCheck,
} from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CodeLink } from '../../components/links.tsx';
import { CommentForm, HistoryItem, HistoryTimeline } from '../../components/History.tsx';
import { currentLocale, useLocale } from '../../i18n/index.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { refreshIncident } from './cache.ts';
import { observableTypeLabel, obligationLabel, statusLabel } from './labels.tsx';
import type { IncidentDetail, IncidentEvent } from './types.ts';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { NoteVisibilityBadge, NoteVisibilityField, useNoteVisibilityChoice } from './NoteVisibility.tsx';

// What each kind of event carries in `data` (described by packages/domain/src/schemas/incident-dto.ts,
// which the API's answers are typed from); read defensively all the same, so that a portal older or
// newer than the API it talks to shows a plain sentence instead of breaking the page.
const Ref = z.object({ id: z.string(), reference: z.string() });
// What the API sends instead of a Ref when the reader may not read that incident or task now
// (packages/domain/src/naming.ts): no id, no reference.
const Hidden = z.object({ hidden: z.literal(true) });
const Named = z.union([Ref, Hidden]);
const isRef = (v: z.infer<typeof Named>): v is z.infer<typeof Ref> => !('hidden' in v);
const Observable = z.object({ type: z.enum(OBSERVABLE_TYPES), value: z.string() });
const EventData = {
  created: z.object({ observables: z.number().optional() }),
  updated: z.object({ fields: z.array(z.string()) }),
  status: z.object({ from: z.enum(INCIDENT_STATUSES), to: z.enum(INCIDENT_STATUSES), mergedInto: Named.optional() }),
  shared: z.object({ agencies: z.array(z.string()), allAgencies: z.boolean() }),
  unshared: z.object({ agency: z.string().nullable(), allAgencies: z.boolean() }),
  report: z.object({ kind: z.enum(REPORT_KINDS) }),
  observables_added: z.object({ observables: z.array(Observable) }),
  observable_removed: z.object({ observable: Observable }),
  merged_from: z.object({ incident: Named }),
  task_created: z.object({ task: Named, assigneeAgency: z.object({ code: z.string() }) }),
  playbook_applied: z.object({ playbook: z.object({ title: z.string() }) }),
  owner_changed: z.object({ from: z.object({ id: z.string(), name: z.string() }).nullable(), to: z.object({ id: z.string(), name: z.string() }).nullable() }),
};

const ICONS: Record<string, ReactNode> = {
  created: <IconFilePlus size={14} aria-hidden />,
  updated: <IconEdit size={14} aria-hidden />,
  comment: <IconMessage size={14} aria-hidden />,
  status: <IconArrowsExchange size={14} aria-hidden />,
  shared: <IconEye size={14} aria-hidden />,
  unshared: <IconEyeOff size={14} aria-hidden />,
  report: <IconFileCheck size={14} aria-hidden />,
  observables_added: <IconListDetails size={14} aria-hidden />,
  observable_removed: <IconTrash size={14} aria-hidden />,
  merged_from: <IconGitMerge size={14} aria-hidden />,
  task_created: <IconChecklist size={14} aria-hidden />,
  playbook_applied: <IconListCheck size={14} aria-hidden />,
  owner_changed: <IconUserCheck size={14} aria-hidden />,
};

/** Fields an edit may change, as the audit diff names them. */
const FIELD_KEYS = [
  'title',
  'descriptionLength',
  'rsitClass',
  'rsitType',
  'severity',
  'tlp',
  'detectedAt',
  'awareAt',
  'affectedSystems',
  'personalData',
  'records',
  'criticalService',
  'crossBorder',
  'estimatedLossMxn',
] as const;
const isFieldKey = (value: string): value is (typeof FIELD_KEYS)[number] => (FIELD_KEYS as readonly string[]).includes(value);

const MAX_LISTED = 10;

/**
 * "Motivo:" for the text a step requires (reject, reopen), "Nota:" for the optional note: the words
 * of the dialog that took it (TransitionActions.tsx), from the same domain table.
 */
function statusTextLabel(event: IncidentEvent, t: TFunction): string {
  const d = EventData.status.safeParse(event.data);
  const needsReason = d.success && incidentTransitionNeeds(d.data.from, d.data.to) === 'reason';
  return needsReason ? t('incidents.detail.timeline.reason') : t('incidents.detail.timeline.note');
}

/** The sentence and the extra content (comment, reason, values) of one event. */
function describe(event: IncidentEvent, t: TFunction, locale: ReturnType<typeof currentLocale>): { sentence: ReactNode; extra?: ReactNode } {
  const data: unknown = event.data;
  // Every kind the API describes is handled below; one it added later is shown by its name.
  const kind: string = event.kind;
  switch (event.kind) {
    case 'created': {
      const d = EventData.created.safeParse(data);
      const count = d.success ? (d.data.observables ?? 0) : 0;
      return { sentence: count > 0 ? t('incidents.detail.timeline.createdWith', { count }) : t('incidents.detail.timeline.created') };
    }
    case 'updated': {
      const d = EventData.updated.safeParse(data);
      const fields = d.success ? d.data.fields.map((f) => (isFieldKey(f) ? t(`incidents.detail.fields.${f}`) : f)) : [];
      return {
        sentence: fields.length ? t('incidents.detail.timeline.updated', { fields: fields.join(', ') }) : t('incidents.detail.timeline.updatedNothing'),
      };
    }
    case 'comment':
      return { sentence: t('incidents.detail.timeline.comment') };
    case 'status': {
      const d = EventData.status.safeParse(data);
      if (!d.success) return { sentence: t('incidents.detail.timeline.statusUnknown') };
      const { from, to, mergedInto } = d.data;
      if (to === 'merged' && mergedInto && !isRef(mergedInto)) return { sentence: t('incidents.detail.timeline.mergedIntoHidden') };
      if (to === 'merged' && mergedInto && isRef(mergedInto)) {
        return {
          sentence: (
            <>
              {t('incidents.detail.timeline.mergedInto')}{' '}
              <CodeLink to="/incidentes/$incidentId" params={{ incidentId: mergedInto.id }}>
                {mergedInto.reference}
              </CodeLink>
            </>
          ),
        };
      }
      return { sentence: t('incidents.detail.timeline.status', { from: statusLabel(from, locale), to: statusLabel(to, locale) }) };
    }
    case 'shared': {
      const d = EventData.shared.safeParse(data);
      if (!d.success) return { sentence: t('incidents.detail.timeline.sharedUnknown') };
      const named = d.data.agencies.join(', ');
      if (d.data.allAgencies && named) return { sentence: t('incidents.detail.timeline.sharedNamedAndAll', { agencies: named }) };
      if (d.data.allAgencies) return { sentence: t('incidents.detail.timeline.sharedAll') };
      return { sentence: t('incidents.detail.timeline.shared', { agencies: named }) };
    }
    case 'unshared': {
      const d = EventData.unshared.safeParse(data);
      if (!d.success) return { sentence: t('incidents.detail.timeline.unsharedUnknown') };
      if (d.data.allAgencies) return { sentence: t('incidents.detail.timeline.unsharedAll') };
      return { sentence: t('incidents.detail.timeline.unshared', { agency: d.data.agency ?? '' }) };
    }
    case 'report': {
      const d = EventData.report.safeParse(data);
      return {
        sentence: d.success
          ? t('incidents.detail.timeline.report', { report: obligationLabel(d.data.kind, locale) })
          : t('incidents.detail.timeline.reportUnknown'),
      };
    }
    case 'observables_added': {
      const d = EventData.observables_added.safeParse(data);
      if (!d.success) return { sentence: t('incidents.detail.timeline.observablesAdded', { count: 0 }) };
      const list = d.data.observables;
      return {
        sentence: t('incidents.detail.timeline.observablesAdded', { count: list.length }),
        extra: (
          <Stack gap={2}>
            {list.slice(0, MAX_LISTED).map((o) => (
              <Text key={`${o.type}:${o.value}`} size="xs">
                <Text span size="xs" c="dimmed">
                  {observableTypeLabel(o.type, locale)}:
                </Text>{' '}
                <Code style={{ overflowWrap: 'anywhere' }}>{o.value}</Code>
              </Text>
            ))}
            {list.length > MAX_LISTED ? (
              <Text size="xs" c="dimmed">
                {t('incidents.detail.timeline.andMore', { count: list.length - MAX_LISTED })}
              </Text>
            ) : null}
          </Stack>
        ),
      };
    }
    case 'observable_removed': {
      const d = EventData.observable_removed.safeParse(data);
      if (!d.success) return { sentence: t('incidents.detail.timeline.observableRemovedUnknown') };
      return {
        sentence: (
          <>
            {t('incidents.detail.timeline.observableRemoved', { type: observableTypeLabel(d.data.observable.type, locale) })}{' '}
            <Code style={{ overflowWrap: 'anywhere' }}>{d.data.observable.value}</Code>
          </>
        ),
      };
    }
    case 'task_created': {
      const d = EventData.task_created.safeParse(data);
      if (!d.success) return { sentence: t('tasks.incident.timelineCreatedUnknown') };
      const task = d.data.task;
      if (!isRef(task)) return { sentence: t('tasks.incident.timelineCreatedHidden', { agency: d.data.assigneeAgency.code }) };
      return {
        sentence: (
          <>
            {t('tasks.incident.timelineCreated', { agency: d.data.assigneeAgency.code })}{' '}
            <CodeLink to="/tareas/$taskId" params={{ taskId: task.id }}>
              {task.reference}
            </CodeLink>
          </>
        ),
      };
    }
    case 'playbook_applied': {
      const d = EventData.playbook_applied.safeParse(data);
      return { sentence: d.success ? t('playbooks.incident.timeline', { title: d.data.playbook.title }) : t('playbooks.incident.timelineUnknown') };
    }
    case 'owner_changed': {
      // The owner (packages/domain/src/incidents/owner.ts): taken by the actor, given to someone, or left.
      const d = EventData.owner_changed.safeParse(data);
      if (!d.success) return { sentence: t('owner.timeline.unknown') };
      if (!d.data.to) return { sentence: t('owner.timeline.cleared') };
      if (d.data.to.id === event.actor.id) return { sentence: t('owner.timeline.took') };
      return { sentence: t('owner.timeline.assigned', { name: d.data.to.name }) };
    }
    case 'merged_from': {
      const d = EventData.merged_from.safeParse(data);
      const incident = d.success ? d.data.incident : null;
      // A duplicate the reader may not read is "a duplicate incident", with nothing that identifies it.
      if (!incident || !isRef(incident)) return { sentence: t('incidents.detail.timeline.mergedFromUnknown') };
      return {
        sentence: (
          <>
            {t('incidents.detail.timeline.mergedFrom')}{' '}
            <CodeLink to="/incidentes/$incidentId" params={{ incidentId: incident.id }}>
              {incident.reference}
            </CodeLink>
          </>
        ),
      };
    }
  }
  return { sentence: kind };
}

/** Every event in order, with its author and time, and the comment box when the reader may comment. */
export function IncidentTimeline({ incident }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const events = incident.timeline;
  return (
    <Paper p="md" component="section" aria-labelledby="incident-timeline-title" data-testid="incident-timeline">
      <SectionTitle id="incident-timeline-title">{t('incidents.detail.timeline.title')}</SectionTitle>
      {events.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('incidents.detail.timeline.empty')}
        </Text>
      ) : (
        <HistoryTimeline count={events.length}>
          {events.map((event) => {
            const { sentence, extra } = describe(event, t, locale);
            return (
              <HistoryItem
                key={event.id}
                bullet={ICONS[event.kind]}
                data-testid="timeline-item"
                data-kind={event.kind}
                actor={event.actor}
                sentence={sentence}
                badge={event.visibility ? <NoteVisibilityBadge visibility={event.visibility} /> : null}
                at={event.at}
                body={event.body ? (event.kind === 'status' ? `${statusTextLabel(event, t)} ${event.body}` : event.body) : null}
                bodyTestId="timeline-body"
                bodyTone={event.kind === 'status' ? 'orange' : 'gray'}
                extra={extra}
              />
            );
          })}
        </HistoryTimeline>
      )}
      {incident.can.comment ? <CommentBox incidentId={incident.id} /> : null}
    </Paper>
  );
}

function CommentBox({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const visibility = useNoteVisibilityChoice();
  const comment = useMutation(
    trpc.incidents.comment.mutationOptions({
      onSuccess: async () => {
        await refreshIncident(incidentId);
        notify(t('incidents.detail.timeline.commented'));
      },
    }),
  );
  return (
    <CommentForm
      recordId={incidentId}
      schema={CommentIncidentInput}
      mutation={comment}
      testId="comment"
      label={t('incidents.detail.timeline.commentLabel')}
      placeholder={t('incidents.detail.timeline.commentPlaceholder')}
      submitLabel={t('incidents.detail.timeline.commentSubmit')}
      more={{
        initialValues: { visibility: visibility.initial },
        render: (inputProps) => (
          <NoteVisibilityField label={t('incidents.detail.timeline.visibility.commentLabel')} testId="comment-visibility" {...inputProps('visibility')} />
        ),
      }}
    />
  );
}
