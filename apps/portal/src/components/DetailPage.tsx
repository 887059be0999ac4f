/**
 * The frame every record page shares (an incident, a task, an initiative): the way back to its
 * list, the answer for a record that does not exist or may not be read (one and the same: no
 * oracle for guessing ids), the skeleton while it loads, a load failure with a retry, the header
 * with its reference and badges, the note that someone else changed it, and the labelled facts.
 */
import { Alert, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconSearchOff } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../lib/errors.ts';
import { AnchorLink } from './links.tsx';
import { MessageIcon, MessagePanel } from './MessagePanel.tsx';
import { QueryError } from './QueryError.tsx';
import { SectionTitle } from './SectionTitle.tsx';

/**
 * What kind of record a page shows: its list, the prefix of its test ids (`task-back`,
 * `task-not-found`, `task-loading`, `task-conflict`) and where its messages live (`<messages>.back`,
 * `.notFoundTitle`, `.notFoundBody`, `.conflictTitle`, `.conflictBody`).
 */
export const DETAIL_KINDS = {
  incident: { list: '/incidentes', messages: 'incidents.detail' },
  task: { list: '/tareas', messages: 'tasks.detail' },
  initiative: { list: '/iniciativas', messages: 'initiatives.detail' },
  advisory: { list: '/alertas', messages: 'advisories.detail' },
} as const;

export type DetailKind = keyof typeof DETAIL_KINDS;

function useKindText(kind: DetailKind) {
  const { t } = useTranslation();
  const { messages } = DETAIL_KINDS[kind];
  return {
    back: t(`${messages}.back`),
    notFoundTitle: t(`${messages}.notFoundTitle`),
    notFoundBody: t(`${messages}.notFoundBody`),
    conflictTitle: t(`${messages}.conflictTitle`),
    conflictBody: t(`${messages}.conflictBody`),
  };
}

export function BackLink({ kind }: { kind: DetailKind }) {
  const text = useKindText(kind);
  return (
    <AnchorLink to={DETAIL_KINDS[kind].list} size="sm" data-testid={`${kind}-back`}>
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {text.back}
      </Group>
    </AnchorLink>
  );
}

export function RecordNotFound({ kind }: { kind: DetailKind }) {
  const text = useKindText(kind);
  return (
    <MessagePanel
      testId={`${kind}-not-found`}
      mark={<MessageIcon icon={IconSearchOff} />}
      title={text.notFoundTitle}
      body={text.notFoundBody}
      backTo={DETAIL_KINDS[kind].list}
      backLabel={text.back}
    />
  );
}

/**
 * The record once it has loaded; before that, its skeleton, "not found" (a malformed id, a record
 * that does not exist or that the reader may not see) or the load failure with a retry.
 */
export function DetailGate<T>({
  kind,
  valid,
  query,
  skeleton,
  children,
}: {
  kind: DetailKind;
  /** False when the address's id is malformed: the query is not even sent. */
  valid: boolean;
  query: UseQueryResult<T, unknown>;
  skeleton: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (!valid) return <RecordNotFound kind={kind} />;
  if (query.isPending) return skeleton;
  if (query.isError) {
    // A read that is not allowed answers NOT_FOUND, the same as one that does not exist.
    const code = errorCode(query.error);
    if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') return <RecordNotFound kind={kind} />;
    return (
      <Stack gap="md">
        <BackLink kind={kind} />
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return children(query.data);
}

/** The loading shape of a record page: back link, reference, title, `badges` badges, then `children`. */
export function DetailSkeleton({ kind, badges, children }: { kind: DetailKind; badges: number[]; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" aria-busy="true" aria-label={t('common.loading')} data-testid={`${kind}-loading`}>
      <Skeleton height={14} width={120} />
      <Skeleton height={32} width="60%" />
      <Group gap="xs">
        {badges.map((width, i) => (
          <Skeleton key={i} height={22} width={width} />
        ))}
      </Group>
      {children}
    </Stack>
  );
}

/** The reference in monospace, the title, the badges and what goes under them; the actions on the right. */
export function DetailHeader({
  kind,
  reference,
  referenceTestId,
  title,
  badges,
  below,
  actions,
}: {
  kind: DetailKind;
  reference: string;
  /** Defaults to `<kind>-reference`. */
  referenceTestId?: string;
  title: string;
  badges: ReactNode;
  below?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <Group justify="space-between" align="flex-start" gap="md" wrap="wrap">
      <Stack gap={6} miw={0} style={{ flex: '1 1 420px' }}>
        <Text ff="monospace" fw={700} c="guinda.7" data-testid={referenceTestId ?? `${kind}-reference`}>
          {reference}
        </Text>
        <Title order={1} fz={{ base: 22, sm: 26 }} style={{ overflowWrap: 'anywhere' }} data-testid={`${kind}-title`}>
          {title}
        </Title>
        <Group gap="xs" wrap="wrap">
          {badges}
        </Group>
        {below}
      </Stack>
      {actions}
    </Group>
  );
}

/**
 * Someone else changed the record: `onConflict` says so above the page and refetches, so the page
 * shows what it is now (open dialogs keep what was typed).
 */
export function useConflictNote(refetch: () => unknown) {
  const [conflict, setConflict] = useState(false);
  return {
    conflict,
    onConflict: () => {
      setConflict(true);
      void refetch();
    },
    dismiss: () => setConflict(false),
  };
}

export function ConflictNote({ kind, note }: { kind: DetailKind; note: { conflict: boolean; dismiss: () => void } }) {
  const { t } = useTranslation();
  const text = useKindText(kind);
  if (!note.conflict) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={text.conflictTitle}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={note.dismiss}
      role="alert"
      data-testid={`${kind}-conflict`}
    >
      {text.conflictBody}
    </Alert>
  );
}

/** One labelled fact of a record (who, when, how much). */
export function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} miw={0}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }} data-testid={testId}>
        {children}
      </Text>
    </Stack>
  );
}

/** An agency as the facts show it: its code in monospace, then its name. */
export function AgencyFact({ code, name }: { code: string; name: string }) {
  return (
    <>
      <Text span ff="monospace" fw={700} size="sm">
        {code}
      </Text>{' '}
      — {name}
    </>
  );
}

/** A record's free text under its heading (line breaks kept), or a dimmed word when there is none. */
export function TextPanel({ title, text, empty, testId, textTestId }: { title: string; text: string; empty: string; testId: string; textTestId: string }) {
  return (
    <Paper p="md" data-testid={testId}>
      <SectionTitle>{title}</SectionTitle>
      <Text size="sm" c={text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid={textTestId}>
        {text || empty}
      </Text>
    </Paper>
  );
}
