/**
 * The parts the full-page forms share (file an incident, create a task, register an initiative):
 * the answer for a role that may not use the form, the way back, the titled sections, the
 * question before leaving unsaved changes, and taking the person to the first field in error.
 */
import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useBlocker } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ConfirmDialog } from './ConfirmDialog.tsx';
import { ButtonLink } from './links.tsx';
import type { BackPath } from './MessagePanel.tsx';

/** This form is not for the reader's role: say so and lead back to the list. */
export function FormNoAccess({ title, body, backTo, backLabel }: { title: string; body: string; backTo: BackPath; backLabel: string }) {
  return (
    <Alert color="gray" variant="light" title={title} data-testid="no-access" maw={640}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{body}</Text>
        <ButtonLink to={backTo} variant="default" size="xs">
          {backLabel}
        </ButtonLink>
      </Stack>
    </Alert>
  );
}

/** The words of a "back to …" link, after its arrow (the link itself is the caller's, typed by route). */
export function BackLabel({ children }: { children: ReactNode }) {
  return (
    <Group gap={4} component="span">
      <IconArrowLeft size={14} aria-hidden />
      {children}
    </Group>
  );
}

/** A titled part of a page form; `index` numbers it, `hint` says what it asks for. */
export function FormSection({ title, testId, index, hint, children }: { title: string; testId: string; index?: number; hint?: string; children: ReactNode }) {
  const headingId = `${testId}-heading`;
  const heading = (
    <Title order={2} fz="lg" id={headingId} mb={hint ? undefined : 'md'}>
      {index === undefined ? null : (
        <>
          <Text span c="guinda.7" fw={700} inherit>
            {index}.
          </Text>{' '}
        </>
      )}
      {title}
    </Title>
  );
  return (
    <Paper component="section" p={{ base: 'md', sm: 'lg' }} aria-labelledby={headingId} data-testid={testId}>
      {hint ? (
        <Stack gap={4} mb="md">
          {heading}
          <Text size="sm" c="dimmed">
            {hint}
          </Text>
        </Stack>
      ) : (
        heading
      )}
      {children}
    </Paper>
  );
}

/**
 * Leaving the page (a link, the back button, closing the tab) while `isDirty()` asks first.
 * Navigating on purpose after saving passes `ignoreBlocker: true`.
 */
export function LeaveGuard({ isDirty, title, body, confirmLabel }: { isDirty: () => boolean; title: string; body: string; confirmLabel: string }) {
  const blocker = useBlocker({ shouldBlockFn: isDirty, enableBeforeUnload: isDirty, withResolver: true });
  return (
    <ConfirmDialog
      opened={blocker.status === 'blocked'}
      title={title}
      body={body}
      confirmLabel={confirmLabel}
      danger
      onConfirm={() => blocker.proceed?.()}
      onClose={() => blocker.reset?.()}
    />
  );
}

/** Scroll to and focus the first of `fields` that has an error, once the errors have rendered (so it is described by its message). */
export function focusFirstError<F extends string>(fields: readonly F[], errors: Record<string, unknown>, elementId: (field: F) => string): void {
  const first = fields.find((f) => errors[f]);
  if (!first) return;
  requestAnimationFrame(() => {
    const element = document.getElementById(elementId(first));
    element?.scrollIntoView({ block: 'center' });
    element?.focus({ preventScroll: true });
  });
}
