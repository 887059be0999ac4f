/**
 * A record's history (an incident's timeline, a task's history): one entry per event, in order,
 * with who (and of which agency), what, when in Mexico City time, the text they wrote, and the
 * comment box under it for those who may comment.
 */
import { formatMxDateTime } from '@anc/domain';
import { Blockquote, Stack, Text, Textarea, Timeline, type TimelineItemProps } from '@mantine/core';
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { useLocale } from '../i18n/index.ts';
import { FormActions, FormProblems, useSchemaForm } from './FormDialog.tsx';

export function HistoryTimeline({ count, children }: { count: number; children: ReactNode }) {
  return (
    <Timeline active={count - 1} bulletSize={26} lineWidth={2} color="guinda">
      {children}
    </Timeline>
  );
}

/** One event. Mantine's Timeline passes its own props to each item: they go on to Timeline.Item. */
export function HistoryItem({
  actor,
  actorFallback,
  sentence,
  at,
  badge,
  body,
  bodyTestId,
  bodyTone = 'gray',
  extra,
  ...item
}: {
  /** Who did it; null for the system (then `actorFallback` names it). */
  actor: { name: string; agencyCode: string } | null;
  actorFallback?: string;
  sentence: ReactNode;
  /** ISO instant. */
  at: string;
  /** Shown after the sentence (e.g. who may read an incident's note). */
  badge?: ReactNode;
  body: ReactNode;
  bodyTestId: string;
  bodyTone?: 'gray' | 'orange';
  extra?: ReactNode;
} & Omit<TimelineItemProps, 'title' | 'children'> &
  Record<`data-${string}`, string | undefined>) {
  const locale = useLocale();
  return (
    <Timeline.Item
      {...item}
      title={
        <Text size="sm" component="div">
          {actor ? (
            <>
              <Text span fw={650} size="sm">
                {actor.name}
              </Text>{' '}
              <Text span c="dimmed" size="xs" ff="monospace">
                ({actor.agencyCode})
              </Text>
            </>
          ) : (
            <Text span fw={650} size="sm">
              {actorFallback}
            </Text>
          )}{' '}
          {sentence}
          {badge ? <> {badge}</> : null}
        </Text>
      }
    >
      <Text size="xs" c="dimmed" mt={2}>
        <time dateTime={at}>{formatMxDateTime(at, locale)}</time>
      </Text>
      {body ? (
        <Blockquote
          mt={6}
          p="xs"
          color={bodyTone}
          data-testid={bodyTestId}
          styles={{ root: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 'var(--mantine-font-size-sm)' } }}
        >
          {body}
        </Blockquote>
      ) : null}
      {extra ? <div style={{ marginTop: 6 }}>{extra}</div> : null}
    </Timeline.Item>
  );
}

interface CommentMutation {
  mutate: (input: { id: string; body: string } & Record<string, unknown>, callbacks: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
  isPending: boolean;
}

/** The comment box under a history: checked by the same schema as the server; emptied once sent. */
export function CommentForm({
  recordId,
  schema,
  mutation,
  testId,
  label,
  placeholder,
  submitLabel,
  more,
}: {
  recordId: string;
  /** `{ id, body }` as the API takes it. */
  schema: z.ZodType;
  /** The record's comment mutation (its own success handling refreshes the record and says so). */
  mutation: CommentMutation;
  /** `<testId>-form`, `<testId>-body`, `<testId>-submit`. */
  testId: string;
  label: string;
  placeholder: string;
  submitLabel: string;
  /**
   * Fields besides the body that the schema also takes (an incident note's visibility): their
   * initial values, and how they are drawn from the form's input props.
   */
  more?: {
    initialValues: Record<string, string>;
    render: (inputProps: (field: string) => { value: string; onChange: (value: string) => void; error?: ReactNode }) => ReactNode;
  };
}) {
  const moreFields = Object.keys(more?.initialValues ?? {});
  const { form, problems, onSubmit } = useSchemaForm({
    schema,
    initialValues: { ...more?.initialValues, body: '' } as { body: string } & Record<string, string>,
    prepare: (v) => ({ ...Object.fromEntries(moreFields.map((f) => [f, v[f]])), id: recordId, body: v.body }),
    validateInputOnBlur: false,
    fields: ['body', ...moreFields],
  });
  return (
    <form
      noValidate
      data-testid={`${testId}-form`}
      onSubmit={onSubmit((_, input) => mutation.mutate(input, { onSuccess: () => form.reset(), onError: problems.onError }))}
    >
      <Stack gap="xs" mt="lg">
        <FormProblems error={problems.formError} />
        <Textarea label={label} placeholder={placeholder} autosize minRows={2} maxRows={10} data-testid={`${testId}-body`} {...form.getInputProps('body')} />
        {more?.render((field) => form.getInputProps(field) as { value: string; onChange: (value: string) => void; error?: ReactNode })}
        <FormActions submitLabel={submitLabel} submitTestId={`${testId}-submit`} loading={mutation.isPending} />
      </Stack>
    </form>
  );
}
