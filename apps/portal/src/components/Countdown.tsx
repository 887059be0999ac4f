import type { ObligationState } from '@anc/domain';
import { Text, type TextProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCountdown } from '../lib/countdown.ts';

/** The current time, refreshed every `intervalMs` (a minute by default) so countdowns move on their own. */
export function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), intervalMs);
    return () => window.clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * "vence en 2 d 4 h" / "vencido hace 3 h": red once overdue, orange when due soon (the API's
 * state, or overdue as soon as the client's own clock passes the deadline).
 */
export function DeadlineCountdown({ dueAt, state, ...props }: { dueAt: string; state: ObligationState; title?: string } & TextProps) {
  const { t } = useTranslation();
  const now = useNow();
  const { text, overdue } = formatCountdown(dueAt, now, (key, options) => t(key, options));
  const shown: ObligationState = overdue ? 'overdue' : state;
  const color = shown === 'overdue' ? 'red.8' : shown === 'due_soon' ? 'orange.8' : undefined;
  return (
    <Text size="sm" fw={shown === 'overdue' || shown === 'due_soon' ? 700 : 500} c={color} data-testid="deadline-countdown" data-state={shown} {...props}>
      {text}
    </Text>
  );
}
