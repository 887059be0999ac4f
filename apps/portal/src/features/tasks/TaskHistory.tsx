/**
 * Every change and comment of a task, in order: who (or the system), when (Mexico City time),
 * what changed, and the comment or reason given. Event data is read defensively, so an older or
 * newer shape shows a plain sentence instead of breaking the page.
 */
import { CommentTaskInput, TASK_PRIORITIES, TASK_STATUSES, formatMxDateTime } from '@anc/domain';
import { Paper, Stack, Text } from '@mantine/core';
import { IconArrowsExchange, IconEdit, IconFilePlus, IconMessage, IconRobot, IconUserShare } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CommentForm, HistoryItem, HistoryTimeline } from '../../components/History.tsx';
import { currentLocale, useLocale } from '../../i18n/index.ts';
import { notify } from '../../lib/notify.ts';
import { trpc } from '../../lib/trpc.ts';
import { SectionTitle } from '../../components/SectionTitle.tsx';
import { storeTask } from './cache.ts';
import { taskPriorityLabel, taskStatusLabel } from './labels.tsx';
import type { TaskDetail, TaskHistoryEntry } from './types.ts';

type Locale = ReturnType<typeof currentLocale>;

const Agency = z.object({ id: z.string().optional(), code: z.string().nullish() });
const Status = z.enum(TASK_STATUSES);
const STEPS = ['start', 'resume', 'block', 'submit_review', 'approve', 'return', 'cancel', 'reopen'] as const;
// The shapes apps/api/src/modules/tasks/* write.
const EventData = {
  created: z.object({ assigneeAgency: Agency.optional() }),
  status: z.object({ from: Status, to: Status, step: z.enum(STEPS).optional() }),
  reassigned: z.object({
    from: Agency.optional(),
    to: Agency.optional(),
    fields: z.array(z.string()).optional(),
    status: z.object({ from: Status, to: Status }).optional(),
  }),
  /** The audit diff's field names; `changes` (before → after) is shown when an event carries it. */
  updated: z.object({
    changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).optional(),
    fields: z.array(z.string()).optional(),
  }),
};

const ICONS: Record<string, ReactNode> = {
  created: <IconFilePlus size={14} aria-hidden />,
  updated: <IconEdit size={14} aria-hidden />,
  reassigned: <IconUserShare size={14} aria-hidden />,
  status: <IconArrowsExchange size={14} aria-hidden />,
  comment: <IconMessage size={14} aria-hidden />,
};

const FIELD_KEYS = ['title', 'description', 'descriptionLength', 'priority', 'dueAt', 'status', 'assigneeAgencyId', 'assigneeUserId'] as const;
const isFieldKey = (value: string): value is (typeof FIELD_KEYS)[number] => (FIELD_KEYS as readonly string[]).includes(value);

/** A changed value as a person reads it; long texts are only named, not repeated. */
function showValue(field: string, value: unknown, t: TFunction, locale: Locale): string | null {
  if (value === null || value === undefined || value === '') return t('tasks.history.empty');
  if (field === 'priority' && typeof value === 'string' && (TASK_PRIORITIES as readonly string[]).includes(value)) {
    return taskPriorityLabel(value as (typeof TASK_PRIORITIES)[number], locale);
  }
  if (field === 'dueAt' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return formatMxDateTime(value, locale);
  if (field === 'title' && typeof value === 'string') return `«${value}»`;
  return null;
}

function describe(entry: TaskHistoryEntry, t: TFunction, locale: Locale): { sentence: ReactNode; extra?: ReactNode } {
  const data: unknown = entry.data;
  switch (entry.kind) {
    case 'created': {
      const d = EventData.created.safeParse(data);
      const agency = d.success ? d.data.assigneeAgency?.code : undefined;
      return { sentence: agency ? t('tasks.history.createdFor', { agency }) : t('tasks.history.created') };
    }
    case 'comment':
      return { sentence: t('tasks.history.comment') };
    case 'status': {
      const d = EventData.status.safeParse(data);
      if (!d.success) return { sentence: t('tasks.history.statusUnknown') };
      const { from, to, step } = d.data;
      const change = t('tasks.history.status', { from: taskStatusLabel(from, locale), to: taskStatusLabel(to, locale) });
      return { sentence: step ? `${t(`tasks.history.steps.${step}`)} (${change})` : change };
    }
    case 'reassigned': {
      const d = EventData.reassigned.safeParse(data);
      const from = d.success ? d.data.from?.code : undefined;
      const to = d.success ? d.data.to?.code : undefined;
      const sentence = from && to && from !== to ? t('tasks.history.reassigned', { from, to }) : t('tasks.history.reassignedUnknown');
      const status = d.success ? d.data.status : undefined;
      const named = d.success && d.data.fields?.includes('assigneeUserId');
      const notes = [
        status ? t('tasks.history.reassignedStatus', { from: taskStatusLabel(status.from, locale), to: taskStatusLabel(status.to, locale) }) : null,
        named ? t('tasks.history.reassignedUser') : null,
      ].filter((n) => n !== null);
      return {
        sentence,
        extra: notes.length ? (
          <Stack gap={2}>
            {notes.map((note) => (
              <Text key={note} size="xs" c="dimmed">
                {note}
              </Text>
            ))}
          </Stack>
        ) : undefined,
      };
    }
    case 'updated': {
      const d = EventData.updated.safeParse(data);
      if (!d.success) return { sentence: t('tasks.history.updatedNothing') };
      const changes = d.data.changes ?? Object.fromEntries((d.data.fields ?? []).map((f) => [f, [undefined, undefined] as const]));
      const fields = Object.keys(changes);
      if (fields.length === 0) return { sentence: t('tasks.history.updatedNothing') };
      const name = (f: string) => (isFieldKey(f) ? t(`tasks.history.fields.${f}`) : f);
      return {
        sentence: t('tasks.history.updated', { fields: fields.map(name).join(', ') }),
        extra: d.data.changes ? (
          <Stack gap={2}>
            {Object.entries(d.data.changes).map(([field, [before, after]]) => {
              const a = showValue(field, before, t, locale);
              const b = showValue(field, after, t, locale);
              if (a === null || b === null) return null;
              return (
                <Text key={field} size="xs" data-testid="task-history-change" data-field={field}>
                  <Text span size="xs" c="dimmed">
                    {name(field)}:
                  </Text>{' '}
                  {a} → {b}
                </Text>
              );
            })}
          </Stack>
        ) : undefined,
      };
    }
  }
  return { sentence: entry.kind };
}

export function TaskHistory({ task }: { task: TaskDetail }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const entries = task.history;
  return (
    <Paper p="md" component="section" aria-labelledby="task-history-title" data-testid="task-history">
      <SectionTitle id="task-history-title">{t('tasks.history.title')}</SectionTitle>
      {entries.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('tasks.history.none')}
        </Text>
      ) : (
        <HistoryTimeline count={entries.length}>
          {entries.map((entry) => {
            const { sentence, extra } = describe(entry, t, locale);
            const step = entry.kind === 'status' ? EventData.status.safeParse(entry.data).data?.step : undefined;
            return (
              <HistoryItem
                key={entry.id}
                bullet={entry.actor ? ICONS[entry.kind] : <IconRobot size={14} aria-hidden />}
                data-testid="task-history-item"
                data-kind={entry.kind}
                data-step={step}
                actor={entry.actor}
                actorFallback={t('tasks.history.system')}
                sentence={sentence}
                at={entry.at}
                body={entry.body}
                bodyTestId="task-history-body"
                bodyTone={entry.kind === 'status' ? 'orange' : 'gray'}
                extra={extra}
              />
            );
          })}
        </HistoryTimeline>
      )}
      {task.capabilities.comment ? <CommentBox taskId={task.id} /> : null}
    </Paper>
  );
}

function CommentBox({ taskId }: { taskId: string }) {
  const { t } = useTranslation();
  const comment = useMutation(
    trpc.tasks.comment.mutationOptions({
      onSuccess: (detail) => {
        storeTask(detail);
        notify(t('tasks.history.commented'));
      },
    }),
  );
  return (
    <CommentForm
      recordId={taskId}
      schema={CommentTaskInput}
      mutation={comment}
      testId="task-comment"
      label={t('tasks.history.commentLabel')}
      placeholder={t('tasks.history.commentPlaceholder')}
      submitLabel={t('tasks.history.commentSubmit')}
    />
  );
}
