import type { AdvisoryAnswerState, AdvisoryResponseStatus, AdvisoryStatus } from '@anc/domain';
import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

const STATUS_COLORS: Record<AdvisoryStatus, string> = { draft: 'gray', published: 'guinda', closed: 'dark' };
const ANSWER_COLORS: Record<AdvisoryResponseStatus, string> = { acknowledged: 'blue', not_affected: 'teal', mitigating: 'yellow', mitigated: 'green' };
const STATE_COLORS: Record<AdvisoryAnswerState, string> = { answered: 'green', overdue: 'red', pending: 'gray' };

export function AdvisoryStatusBadge({ status, size }: { status: AdvisoryStatus; size?: BadgeProps['size'] }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" size={size} data-testid="advisory-status">
      {t(`advisories.status.${status}`)}
    </Badge>
  );
}

export function AnswerBadge({ status, size, testId }: { status: AdvisoryResponseStatus; size?: BadgeProps['size']; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={ANSWER_COLORS[status]} variant="light" size={size} data-testid={testId}>
      {t(`advisories.answer.${status}`)}
    </Badge>
  );
}

export function AnswerStateBadge({ state, size, testId }: { state: AdvisoryAnswerState; size?: BadgeProps['size']; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant={state === 'overdue' ? 'filled' : 'light'} size={size} data-testid={testId}>
      {t(`advisories.state.${state}`)}
    </Badge>
  );
}
